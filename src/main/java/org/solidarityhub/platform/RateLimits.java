package org.solidarityhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.github.bucket4j.Bandwidth;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-key limits (usually per client IP address) for public forms, APIs and staff sign-in. A limit is a set of
 * bandwidths, e.g. "1 per minute, and 5 per 5 minutes": a request passes when every one has a token left. Counted in
 * this node's memory by default; with {@code app.limits.store=database} in the database, so that several nodes on
 * one database count together (one round trip per acquire, see {@link DatabaseLimits}).
 */
@Component
public class RateLimits {

    /** A named limit; build one per use and keep it in a constant. */
    public record Limit(String name, Bandwidth... bandwidths) {

        public Limit {
            Objects.requireNonNull(name);
            if (bandwidths.length == 0 || bandwidths.length > DatabaseLimits.MAX_BANDWIDTHS) {
                throw new IllegalArgumentException("a limit needs one to " + DatabaseLimits.MAX_BANDWIDTHS + " bandwidths");
            }
        }

        /** At most {@code count} per {@code period}, refilled gradually. */
        public static Bandwidth per(int count, Duration period) {
            return Bandwidth.builder().capacity(count).refillGreedy(count, period).build();
        }
    }

    private final LimitStore store;

    RateLimits(PlatformProperties properties, JdbcClient db, Clock clock) {
        this.store = properties.limits().store() == PlatformProperties.Limits.Store.DATABASE
                ? new DatabaseLimits(db, clock) : new MemoryLimits();
    }

    /** Takes one token for the key; false when the limit is reached. */
    public boolean tryAcquire(Limit limit, String key) {
        return store.tryAcquire(limit, key);
    }

    /** Whether a request would pass now, without taking a token. */
    public boolean wouldAllow(Limit limit, String key) {
        return store.wouldAllow(limit, key);
    }

    /** Forgets what the key has taken (e.g. a complete sign-in forgives an account's failures). */
    public void reset(Limit limit, String key) {
        store.reset(limit, key);
    }

    /** Deletes the database's rows of buckets that have refilled; nothing to do in memory. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    @SchedulerLock(name = "rate-limits-forget-full")
    public void forgetFull() {
        store.forgetFull();
    }
}
