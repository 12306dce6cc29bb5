package org.solidarityhub.staff;

import java.time.Duration;

import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.platform.RateLimits.Limit;
import org.springframework.stereotype.Component;

/**
 * Slows down password and code guessing without locking anyone out. Every failed attempt takes a token
 * from the bucket of the IP address and from the bucket of the account; an empty bucket refuses attempts
 * until it refills. The account's bucket is not consulted for a browser in which the account has signed
 * in before (KnownDevices), so an attacker who empties it does not keep the real member out.
 * The buckets are {@link RateLimits}': with {@code app.limits.store=database}, every node counts the same failures.
 */
@Component
class SignInThrottle {

    private final RateLimits limits;
    private final Limit byIp;
    private final Limit byAccount;

    SignInThrottle(RateLimits limits, StaffProperties properties) {
        this.limits = limits;
        this.byIp = limit("staff.sign-in.ip", properties.ipFailures(), properties.ipWindow());
        this.byAccount = limit("staff.sign-in.account", properties.accountFailures(), properties.accountWindow());
    }

    private static Limit limit(String name, int failures, Duration window) {
        return new Limit(name, Limit.per(failures, window));
    }

    boolean ipAllowed(String ip) {
        return limits.wouldAllow(byIp, ip);
    }

    boolean accountAllowed(String accountKey) {
        return limits.wouldAllow(byAccount, accountKey);
    }

    void failed(String ip, String accountKey) {
        limits.tryAcquire(byIp, ip);
        if (accountKey != null) {
            limits.tryAcquire(byAccount, accountKey);
        }
    }

    /** A complete sign-in forgives the account's earlier failures. */
    void succeeded(String accountKey) {
        limits.reset(byAccount, accountKey);
    }
}
