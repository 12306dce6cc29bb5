package org.solidarityhub.events;

import java.time.Duration;
import java.util.List;

import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.staff.WaitingWork;
import org.solidarityhub.submissions.ModerationQueue;
import org.solidarityhub.submissions.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How events register their subject, the event, with the submissions module: what is erased when
 * (retention rules) and what waits for a moderator (its entry on the staff queue page). Its link is the
 * management link ({@link Events#MANAGE}); its guard policy (refuse over the limit) is in {@link SubmissionLimits}.
 */
@Configuration(proxyBeanMethods = false)
class EventsSubmissions {

    @Bean
    RetentionRule eventsUnconfirmed(Events events) {
        // each unconfirmed event carries its own expiry (expires_at): the cut-off is now
        return new RetentionRule("events.unconfirmed", "events never confirmed within their validity, with their links",
                Duration.ZERO, events::deleteExpiredUnconfirmed);
    }

    @Bean
    RetentionRule eventsContactEmails(EventStore store, EventsProperties properties) {
        return new RetentionRule("events.contact-emails", "contact emails of events that ended",
                properties.contactRetention(), store::eraseContacts);
    }

    @Bean
    RetentionRule eventsParticipants(Participants participants, EventsProperties properties) {
        return new RetentionRule("events.participants", "names and emails of the participants of events that ended (the count stays)",
                properties.participantRetention(), participants::eraseEndedBefore);
    }

    @Bean
    RetentionRule eventsUnconfirmedParticipants(Participants participants, EventsProperties properties) {
        return new RetentionRule("events.participants-unconfirmed", "sign-ups to events never confirmed within their validity",
                properties.unconfirmedValidity(), participants::eraseUnconfirmedBefore);
    }

    @Bean
    ModerationQueue eventsQueue(EventStore store) {
        return new ModerationQueue() {
            @Override
            public String titleKey() {
                return "events.staff.queue.title";
            }

            @Override
            public String staffPage() {
                return "/staff/events";
            }

            @Override
            public long waiting() {
                return store.queueSize();
            }

            @Override
            public List<Waiting> oldest(int limit) {
                return store.queue().stream().limit(limit)
                        .map(e -> new Waiting(e.latest().draft().title(), "/staff/events/" + e.id(), e.confirmedAt()))
                        .toList();
            }
        };
    }

    /** What waits for moderators on the staff home: new events and changes to published ones. */
    @Bean
    WaitingWork eventsWaiting(EventStore store) {
        return () -> List.of(new WaitingWork.Waiting(StaffRole.MODERATOR, "events.waiting", store.queueSize(), "/staff/events"));
    }
}
