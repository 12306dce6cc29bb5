package org.solidarityhub.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.ExpiredLinkException;
import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.submissions.EmailKey;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.Guard;
import org.solidarityhub.submissions.Problem;
import org.solidarityhub.submissions.Problems;
import org.solidarityhub.submissions.TooManySubmissions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * "I'm going" with a sign-up ({@link GoingMode#SIGN_UP}): a reader gives a name or pseudonym and an email, confirms
 * from the mail ({@link EmailedLinks}) and is then a participant, counted on the event (the count stays when the
 * rows are erased). Signing up twice is one row and one mail, and the answer is the same whether or not the address
 * signed up before. Every mail to a participant carries a link to leave (deleted at once). The organizers write to
 * the confirmed participants through the management link and learn only how many the message went to. Names and
 * addresses never reach a log, an audit detail or an organizer.
 */
@Service
class Participants {

    static final String SUBJECT = "event-participant";
    static final String CONFIRM = "CONFIRM";
    static final String LEAVE = "LEAVE";
    static final int NAME_LIMIT = 100;
    static final int MESSAGE_SUBJECT_LIMIT = 150;
    static final int MESSAGE_TEXT_LIMIT = 5000;
    static final String REFUSAL = "events.participants.error.rateLimited";
    /** How long an unconfirmed sign-up waits before the same sign-up again mails a new confirmation link. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(10);
    static final String TOO_MANY_MESSAGES = "events.participants.error.tooManyMessages";
    static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit("events.sign-up",
            RateLimits.Limit.per(10, Duration.ofHours(1)), RateLimits.Limit.per(50, Duration.ofDays(1)));

    /** What a reader sends to sign up. */
    record SignUp(@Nullable String name, @Nullable String email) {
    }

    /** What the organizers write to their participants. */
    record Message(@Nullable String subject, @Nullable String text) {
    }

    private final ParticipantStore store;
    private final ParticipantMails mails;
    private final GoingStore going;
    private final Going goingRules;
    private final Events events;
    private final EmailedLinks links;
    private final RateLimits rateLimits;
    private final AuditLog audit;
    private final EventsProperties properties;
    private final Clock clock;
    private final Guard.Policy policy = Guard.Policy.refuse(PER_ADDRESS, REFUSAL);
    private final RateLimits.Limit messagesPerEvent;

    Participants(ParticipantStore store, ParticipantMails mails, GoingStore going, Going goingRules, Events events,
                 EmailedLinks links, RateLimits rateLimits, AuditLog audit, EventsProperties properties, Clock clock) {
        this.store = store;
        this.mails = mails;
        this.going = going;
        this.goingRules = goingRules;
        this.events = events;
        this.links = links;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.messagesPerEvent = new RateLimits.Limit("events.participants.message",
                RateLimits.Limit.per(properties.participantMessagesPerDay(), Duration.ofDays(1)));
    }

    /** The limit of sign-ups per client address (refused with 429 over it). */
    Guard.Policy policy() {
        return policy;
    }

    /** The event a reader signs up for: 404 unless its organizers chose a sign-up and it is open (published, not over). */
    StoredEvent openForSignUp(long eventId) {
        StoredEvent event = events.find(eventId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        GoingMode mode = going.state(eventId).map(GoingStore.State::mode).orElse(GoingMode.NONE);
        if (mode != GoingMode.SIGN_UP || !goingRules.open(event, mode)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return event;
    }

    /** Field problems of a sign-up (field → problem), empty when it is fine. */
    Map<String, Problem> check(SignUp signUp) {
        Problems problems = new Problems("events.error");
        problems.text("name", blankToNull(signUp.name())).required().maxLength(NAME_LIMIT).noControl().oneLine().plain()
                .singleLine().name();
        String email = problems.text("email", blankToNull(signUp.email())).required().maxLength(EmailAddresses.MAX_LENGTH)
                .noControl().value();
        if (email != null && !EmailAddresses.isValid(email.strip())) {
            problems.add("email", "email");
        }
        return problems.all();
    }

    /**
     * Signs a checked address up for an open event and mails the confirmation in the reader's language. An address
     * that signed up already gets nothing (the caller answers the same), unless it never confirmed and its last
     * confirmation mail is older than {@link #RESEND_AFTER}: that mail may be lost, so a new link replaces it.
     */
    @Transactional
    void signUp(StoredEvent event, SignUp signUp, Locale language) {
        String email = signUp.email().strip();
        String name = signUp.name().strip();
        Instant now = clock.instant();
        Optional<Long> inserted = store.insert(event.id(), name, email, EmailKey.hash(email), language, now);
        if (inserted.isPresent()) {
            mailConfirmation(inserted.get(), event, now);
            return;
        }
        store.renewUnconfirmed(event.id(), EmailKey.hash(email), name, language, now.minus(RESEND_AFTER), now).ifPresent(id -> {
            links.revokeAll(SUBJECT, id, CONFIRM);
            mailConfirmation(id, event, now);
        });
    }

    private void mailConfirmation(long participantId, StoredEvent event, Instant now) {
        EmailedLinks.NewLink confirm = links.create(SUBJECT, participantId, CONFIRM, now.plus(properties.unconfirmedValidity()), 1);
        links.store(List.of(confirm));
        mails.confirmation(store.find(participantId).orElseThrow(), event, confirm.token());
    }

    /**
     * The sign-up a confirmation link leads to (GET: changes nothing); 404 when its event no longer takes sign-ups
     * (cancelled, over, or its organizers changed their choice).
     */
    ParticipantStore.Participant toConfirm(String token) {
        ParticipantStore.Participant participant = store.find(links.subject(token, SUBJECT, CONFIRM))
                .orElseThrow(ExpiredLinkException::new);
        openForSignUp(participant.eventId());
        return participant;
    }

    /** Confirms from the emailed link: a participant, counted. Returns the event's id. */
    @Transactional
    long confirm(String token) {
        toConfirm(token);
        ParticipantStore.Participant participant = store.find(links.use(token, SUBJECT, CONFIRM))
                .orElseThrow(ExpiredLinkException::new);
        Instant now = clock.instant();
        if (store.confirm(participant.id(), now)) {
            going.increment(participant.eventId(), now);
            audit.record("events.participant-confirmed", "event", participant.eventId(), null);
        }
        return participant.eventId();
    }

    /** The participant a leave link leads to (GET: changes nothing); the one answer for any other link. */
    ParticipantStore.Participant toLeave(String token) {
        return store.find(links.subject(token, SUBJECT, LEAVE)).orElseThrow(ExpiredLinkException::new);
    }

    /** Leaves at once (the page's button or a mail program's one-click POST): the participant is deleted. */
    @Transactional
    void leave(String token) {
        ParticipantStore.Participant participant = toLeave(token);
        if (store.delete(participant.id())) {
            links.revokeAll(SUBJECT, participant.id());
            if (participant.state() == ParticipantStore.State.CONFIRMED) {
                going.decrement(participant.eventId(), clock.instant());
            }
            audit.record("events.participant-left", "event", participant.eventId(), null);
        }
    }

    /** Field problems of an organizer's message, empty when it is fine. */
    Map<String, Problem> check(Message message) {
        Problems problems = new Problems("events.error");
        problems.text("subject", blankToNull(message.subject())).required().maxLength(MESSAGE_SUBJECT_LIMIT).noControl()
                .plain().singleLine();
        problems.text("text", blankToNull(message.text())).required().maxLength(MESSAGE_TEXT_LIMIT).noControl().plain();
        return problems.all();
    }

    /** The event whose organizers write (a sign-up event, editable); 404 otherwise, 429 over the day's messages. */
    StoredEvent writable(String manageToken) {
        StoredEvent event = events.byToken(manageToken);
        GoingMode mode = going.state(event.id()).map(GoingStore.State::mode).orElse(GoingMode.NONE);
        if (mode != GoingMode.SIGN_UP || !event.editable() || event.published() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!rateLimits.wouldAllow(messagesPerEvent, String.valueOf(event.id()))) {
            throw new TooManySubmissions(TOO_MANY_MESSAGES);
        }
        return event;
    }

    /**
     * Sends a checked message of the organizers to every confirmed participant, each framed in the participant's
     * language; returns how many it went to (all the organizers learn).
     */
    @Transactional
    int write(String manageToken, Message message) {
        StoredEvent event = events.actingThrough(manageToken);
        if (!rateLimits.tryAcquire(messagesPerEvent, String.valueOf(event.id()))) {
            throw new TooManySubmissions(TOO_MANY_MESSAGES);
        }
        List<ParticipantStore.Participant> recipients = store.confirmed(event.id());
        mails.message(recipients, event, message.subject().strip(), message.text().strip());
        audit.record("events.participants-written", "event", event.id(), "recipients=" + recipients.size());
        return recipients.size();
    }

    /** Erases the participants of events that ended before the cut-off, with their links; the counts stay. */
    int eraseEndedBefore(Instant cutOff) {
        return erase(store.ofEventsEndedBefore(cutOff));
    }

    /** Erases sign-ups never confirmed, made before the cut-off, with their links. */
    int eraseUnconfirmedBefore(Instant cutOff) {
        return erase(store.unconfirmedBefore(cutOff));
    }

    private int erase(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        links.revokeAll(SUBJECT, ids);
        return store.deleteAll(ids);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
