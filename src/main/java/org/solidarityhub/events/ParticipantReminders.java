package org.solidarityhub.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job that mails the confirmed participants of sign-up events what is due (ShedLock lock
 * {@code events-participant-mails}, every {@code events.participant-mails-delay}, 5 minutes by default): once the
 * event starts within 24 hours, one reminder; for an event whose address is given on request, once it starts within
 * the hours its organizers chose, the exact place. Each is sent once ({@code reminded_at}, {@code address_sent_at}
 * claimed in the transaction that queues the mail); who confirms later gets it at the next run.
 */
@Service
class ParticipantReminders {

    static final Duration REMINDER = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(ParticipantReminders.class);

    private final ParticipantStore store;
    private final ParticipantMails mails;
    private final Events events;
    private final GoingStore going;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ParticipantReminders(ParticipantStore store, ParticipantMails mails, Events events, GoingStore going,
                         TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.mails = mails;
        this.events = events;
        this.going = going;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${events.participant-mails-delay:5m}", initialDelayString = "${events.participant-mails-delay:5m}")
    @SchedulerLock(name = "events-participant-mails")
    public void run() {
        int sent = sendDue();
        if (sent > 0) {
            log.info("queued {} mails to participants of events", sent);
        }
    }

    /** Queues every mail that is due now; returns how many (tests call it directly: no lock to wait for). */
    public int sendDue() {
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofHours(Math.max(REMINDER.toHours(), GoingChoice.MAX_HOURS)));
        Map<Long, Optional<StoredEvent>> seen = new HashMap<>();
        int sent = 0;
        for (ParticipantStore.Participant p : store.waiting(now, until)) {
            Optional<StoredEvent> event = seen.computeIfAbsent(p.eventId(), events::find);
            if (event.isEmpty() || event.get().published() == null) {
                continue;
            }
            Integer queued = transaction.execute(status -> send(p, event.get(), now));
            sent += queued == null ? 0 : queued;
        }
        return sent;
    }

    private int send(ParticipantStore.Participant p, StoredEvent event, Instant now) {
        Draft draft = event.published().draft();
        int sent = 0;
        if (p.remindedAt() == null && !draft.startsAt().isAfter(now.plus(REMINDER)) && store.claimReminder(p.id(), now)) {
            mails.reminder(p, event);
            sent++;
        }
        if (p.addressSentAt() == null && hidden(draft)) {
            int hours = going.state(event.id()).map(GoingStore.State::addressHours).orElse(GoingChoice.DEFAULT_HOURS);
            if (!draft.startsAt().isAfter(now.plus(Duration.ofHours(hours))) && store.claimAddress(p.id(), now)) {
                mails.address(p, event);
                sent++;
            }
        }
        return sent;
    }

    /** Whether participants get the exact place by mail: an event at a place whose address is given on request. */
    static boolean hidden(Draft draft) {
        return !draft.online() && draft.visibility() == Visibility.ON_REQUEST;
    }
}
