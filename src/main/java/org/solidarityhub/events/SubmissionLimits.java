package org.solidarityhub.events;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.submissions.EmailKey;
import org.solidarityhub.submissions.Guard;
import org.springframework.stereotype.Component;

/**
 * How many events one IP address may submit (form and API together): enough for a coordinator who enters
 * a whole city's events, too few for a flood. Over the limit a submission is refused with 429
 * ({@link Guard.Policy#refuse}). Addresses live only in memory, for as long as the limit needs.
 */
@Component
class SubmissionLimits {

    static final String REFUSAL = "events.error.rateLimited";
    static final String REFUSAL_MY_EVENTS = "events.mine.rateLimited";

    /** 429 with the events' localized reason (also for too many address requests). */
    static class TooManySubmissions extends org.solidarityhub.submissions.TooManySubmissions {
        TooManySubmissions() {
            super(REFUSAL);
        }
    }

    private final Guard guard;
    private final Guard.Policy policy;
    private final Guard.Policy myEvents;
    private final Guard.Policy myEventsMails;

    SubmissionLimits(Guard guard, EventsProperties properties) {
        this.guard = guard;
        this.policy = Guard.Policy.refuse(new RateLimits.Limit("events.submit",
                RateLimits.Limit.per(properties.submissionsPer10Minutes(), Duration.ofMinutes(10)),
                RateLimits.Limit.per(properties.submissionsPerDay(), Duration.ofDays(1))), REFUSAL);
        this.myEvents = Guard.Policy.refuse(new RateLimits.Limit("events.mine",
                RateLimits.Limit.per(properties.myEventsPerHour(), Duration.ofHours(1))), REFUSAL_MY_EVENTS);
        // "flagged" here means: over the limit, answered the same, nothing mailed
        this.myEventsMails = Guard.Policy.flag(new RateLimits.Limit("events.mine-mails",
                RateLimits.Limit.per(properties.myEventsMailsPerDay(), Duration.ofDays(1))));
    }

    /**
     * "My events" asks per IP address: a few an hour (then 429, like the submissions); and per email address (its
     * {@link EmailKey} hash, in memory only): a few mails a day, past which the request is answered the same but
     * mails nothing, so nobody can fill an organizer's mailbox.
     */
    void checkMyEvents(HttpServletRequest request) {
        guard.check(myEvents, request.getRemoteAddr());
    }

    /** Counts a "my events" request; false when its email address had its mails of the day (send nothing). */
    boolean countMyEvents(HttpServletRequest request, String email) {
        guard.count(myEvents, request.getRemoteAddr());
        return !guard.count(myEventsMails, EmailKey.hash(email));
    }

    /** Refuses with 429 when the address has no submission left (before any checking). */
    void check(HttpServletRequest request) {
        guard.check(policy, request.getRemoteAddr());
    }

    /** Counts a stored submission; mistakes corrected in the form do not count. */
    void count(HttpServletRequest request) {
        guard.count(policy, request.getRemoteAddr());
    }
}
