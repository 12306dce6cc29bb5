package org.solidarityhub.platform;

import org.solidarityhub.platform.RateLimits.Limit;

/** Where {@link RateLimits} counts: each node's memory ({@link MemoryLimits}) or the database ({@link DatabaseLimits}). */
interface LimitStore {

    /** Takes one token from every bandwidth of the key's bucket if each has one; false (nothing taken) otherwise. */
    boolean tryAcquire(Limit limit, String key);

    /** Whether {@link #tryAcquire} would pass now, without taking a token. */
    boolean wouldAllow(Limit limit, String key);

    /** Forgets the key's bucket: it is full again. */
    void reset(Limit limit, String key);

    /** Forgets buckets that have refilled completely (they are as good as new); how many. */
    int forgetFull();
}
