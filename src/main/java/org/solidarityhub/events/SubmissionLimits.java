package org.solidarityhub.events;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.RateLimits;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * How many events one IP address may submit (form and API together): enough for a coordinator who enters
 * a whole city's events, too few for a flood. Addresses live only in memory, for as long as the limit needs.
 */
@Component
class SubmissionLimits {

    /** 429 with a localized reason. */
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    static class TooManySubmissions extends BadInputException {
        TooManySubmissions() {
            super("events.error.rateLimited");
        }
    }

    private final RateLimits rateLimits;
    private final RateLimits.Limit limit;

    SubmissionLimits(RateLimits rateLimits, EventsProperties properties) {
        this.rateLimits = rateLimits;
        this.limit = new RateLimits.Limit("events.submit",
                RateLimits.Limit.per(properties.submissionsPer10Minutes(), Duration.ofMinutes(10)),
                RateLimits.Limit.per(properties.submissionsPerDay(), Duration.ofDays(1)));
    }

    /** Refuses with 429 when the address has no submission left (before any checking). */
    void check(HttpServletRequest request) {
        if (!rateLimits.wouldAllow(limit, request.getRemoteAddr())) {
            throw new TooManySubmissions();
        }
    }

    /** Counts a stored submission; mistakes corrected in the form do not count. */
    void count(HttpServletRequest request) {
        rateLimits.tryAcquire(limit, request.getRemoteAddr());
    }
}
