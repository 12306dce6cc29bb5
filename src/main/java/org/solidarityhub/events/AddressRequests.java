package org.solidarityhub.events;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.submissions.Problem;
import org.solidarityhub.submissions.Problems;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "On request" addresses: a reader asks the organizers for the address of an event. The site forwards the
 * question with the reader's email address to the private contact, and nothing else: the organizers'
 * address stays private unless they choose to answer, and the site keeps no record of who asked (the
 * audit says only that someone did).
 */
@Service
class AddressRequests {

    static final int NAME_LIMIT = 100;
    static final int MESSAGE_LIMIT = 1000;
    static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit("events.address-request",
            RateLimits.Limit.per(5, Duration.ofHours(1)), RateLimits.Limit.per(20, Duration.ofDays(1)));
    static final RateLimits.Limit PER_EVENT = new RateLimits.Limit("events.address-request.event",
            RateLimits.Limit.per(50, Duration.ofDays(1)));

    /** What a reader sends. */
    record Ask(String name, String email, String message) {
    }

    private final EventStore store;
    private final Outbox outbox;
    private final AuditLog audit;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final RateLimits rateLimits;

    AddressRequests(EventStore store, Outbox outbox, AuditLog audit, MessageSource messages, PlatformProperties platform,
                    RateLimits rateLimits) {
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
        this.messages = messages;
        this.platform = platform;
        this.rateLimits = rateLimits;
    }

    /** Whether readers can ask for the address of this event. */
    boolean open(StoredEvent event) {
        return event.status() == EventStatus.APPROVED && event.contactEmail() != null && event.published() != null
                && !event.published().draft().online() && event.published().draft().visibility() == Visibility.ON_REQUEST;
    }

    /** Field problems (field → problem), empty when the question is fine. */
    Map<String, Problem> check(Ask ask) {
        Problems problems = new Problems("events.error");
        if (ask.email() == null || !EmailAddresses.isValid(ask.email())) {
            problems.add("email", "email");
        }
        problems.text("name", ask.name()).maxLength(NAME_LIMIT).plain().singleLine();
        problems.text("message", ask.message()).maxLength(MESSAGE_LIMIT).plain();
        return problems.all();
    }

    boolean allowed(String clientAddress, long eventId) {
        return rateLimits.wouldAllow(PER_ADDRESS, clientAddress) && rateLimits.wouldAllow(PER_EVENT, String.valueOf(eventId));
    }

    /** Forwards a checked question to the organizers. */
    @Transactional
    void send(StoredEvent event, Ask ask, String clientAddress) {
        rateLimits.tryAcquire(PER_ADDRESS, clientAddress);
        rateLimits.tryAcquire(PER_EVENT, String.valueOf(event.id()));
        Locale language = event.language();
        String title = event.published().draft().title();
        String name = ask.name() == null || ask.name().isBlank() ? "—" : ask.name().strip();
        String message = ask.message() == null || ask.message().isBlank() ? "—" : ask.message().strip();
        outbox.enqueue(event.contactEmail(), messages.getMessage("events.mail.addressRequest.subject", new Object[]{title}, language),
                messages.getMessage("events.mail.addressRequest.body",
                        new Object[]{title, name, ask.email().strip(), message, platform.link(language, "/events/" + event.id())}, language));
        audit.record("events.address-requested", "event", event.id(), null);
    }
}
