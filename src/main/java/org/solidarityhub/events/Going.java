package org.solidarityhub.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.submissions.Guard;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * "I'm going": the organizers of an event choose, through its management link, whether readers can say they
 * are going: anonymously, with a button that adds one to a count (nothing about the person is kept), or with a
 * sign-up confirmed by email ({@link Participants}; the count is then of confirmed participants). The button is limited like the other public forms ({@link Guard}: 429 over
 * the limit per address) and counts one click per address and event a day; addresses live only in memory.
 */
@Service
class Going {

    static final String REFUSAL = "events.going.error.rateLimited";
    static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit("events.going",
            RateLimits.Limit.per(30, Duration.ofHours(1)), RateLimits.Limit.per(200, Duration.ofDays(1)));
    static final RateLimits.Limit PER_ADDRESS_AND_EVENT = new RateLimits.Limit("events.going.event",
            RateLimits.Limit.per(1, Duration.ofDays(1)));

    /** What a click did: counted, or not again (the same address clicked today). */
    enum Click { COUNTED, ALREADY_COUNTED }

    /** What an event's page and management page show of it. */
    record Shown(long eventId, GoingMode mode, int count, boolean open, int addressHours) {

        public boolean enabled() {
            return mode.enabled();
        }

        /** Whether readers sign up with a name and an email (else the anonymous button). */
        public boolean signUp() {
            return mode == GoingMode.SIGN_UP;
        }
    }

    private final GoingStore store;
    private final Events events;
    private final Guard guard;
    private final RateLimits rateLimits;
    private final AuditLog audit;
    private final Clock clock;
    private final Guard.Policy policy = Guard.Policy.refuse(PER_ADDRESS, REFUSAL);

    Going(GoingStore store, Events events, Guard guard, RateLimits rateLimits, AuditLog audit, Clock clock) {
        this.store = store;
        this.events = events;
        this.guard = guard;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.clock = clock;
    }

    /** The names of the modes the organizers choose from, in the order offered. */
    public List<String> modes() {
        return Arrays.stream(GoingMode.values()).map(GoingMode::name).toList();
    }

    /** What a published event shows, or empty when its organizers did not enable "going". */
    Optional<Shown> shown(long eventId) {
        return events.find(eventId).flatMap(this::shown).filter(s -> s.mode().enabled());
    }

    /** What the management page shows (also the mode NONE). */
    public Shown forManagement(long eventId) {
        return events.find(eventId).flatMap(this::shown).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Optional<Shown> shown(StoredEvent event) {
        return store.state(event.id()).map(s -> new Shown(event.id(), s.mode(), s.count(), open(event, s.mode()), s.addressHours()));
    }

    /** Whether readers can still say they are going: published, not cancelled, not yet over. */
    boolean open(StoredEvent event, GoingMode mode) {
        return mode.enabled() && event.status() == EventStatus.APPROVED && event.published() != null
                && event.published().draft().end().toInstant().isAfter(clock.instant());
    }

    /** The organizers choose through the management link (a use of it). */
    @Transactional
    void choose(String token, GoingChoice choice) {
        StoredEvent event = events.actingThrough(token);
        if (!event.editable()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        store.setChoice(event.id(), choice, clock.instant());
        audit.record("events.going-chosen", "event", event.id(), "mode=" + choice.mode() + " addressHours=" + choice.addressHours());
    }

    /**
     * A reader clicks "I'm going" (anonymous count): 429 when the address clicked too often, 404 when the event
     * has no open count; a second click of the same address on the same event the same day is not counted.
     */
    @Transactional
    Click click(long eventId, String clientAddress) {
        guard.check(policy, clientAddress);
        StoredEvent event = events.find(eventId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        GoingMode mode = store.state(eventId).map(GoingStore.State::mode).orElse(GoingMode.NONE);
        if (mode != GoingMode.COUNT || !open(event, mode)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        guard.count(policy, clientAddress);
        if (!rateLimits.tryAcquire(PER_ADDRESS_AND_EVENT, (clientAddress == null ? "unknown" : clientAddress) + "/" + eventId)) {
            return Click.ALREADY_COUNTED;
        }
        store.increment(eventId, clock.instant());
        return Click.COUNTED;
    }

    /** The counts of those of these events whose organizers enabled "going", for the API and feeds. */
    Map<Long, Integer> counts(List<Long> eventIds) {
        return store.counts(eventIds);
    }
}
