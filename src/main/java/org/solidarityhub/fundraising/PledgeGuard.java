package org.solidarityhub.fundraising;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.submissions.Guard;
import org.springframework.stereotype.Component;

/** How many pledges one IP address may send: over the limit, refused with 429 before the input is read. */
@Component
class PledgeGuard {

    static final String RATE_LIMITED = "fundraising.pledge.rateLimited";

    private final Guard guard;
    private final Guard.Policy policy;

    PledgeGuard(Guard guard, FundraisingProperties properties) {
        this.guard = guard;
        this.policy = Guard.Policy.refuse(new RateLimits.Limit("fundraising.pledge",
                RateLimits.Limit.per(properties.pledgesPer10Minutes(), Duration.ofMinutes(10))), RATE_LIMITED);
    }

    void check(HttpServletRequest request) {
        guard.check(policy, request.getRemoteAddr());
    }

    void count(HttpServletRequest request) {
        guard.count(policy, request.getRemoteAddr());
    }
}
