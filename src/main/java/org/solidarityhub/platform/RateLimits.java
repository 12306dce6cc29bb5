package org.solidarityhub.platform;

import java.time.Duration;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Per-key limits (usually per client IP address) for public forms and APIs, kept in memory. A limit is
 * a set of bandwidths, e.g. "1 per minute, and 5 per 5 minutes": a request passes when every one has a
 * token left. With several instances each counts on its own, which only makes limits looser.
 */
@Component
public class RateLimits {

    /** A named limit; build one per use and keep it in a constant. */
    public record Limit(String name, Bandwidth... bandwidths) {

        public Limit {
            Objects.requireNonNull(name);
            if (bandwidths.length == 0) {
                throw new IllegalArgumentException("a limit needs at least one bandwidth");
            }
        }

        /** At most {@code count} per {@code period}, refilled gradually. */
        public static Bandwidth per(int count, Duration period) {
            return Bandwidth.builder().capacity(count).refillGreedy(count, period).build();
        }
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    /** Takes one token for the key; false when the limit is reached. */
    public boolean tryAcquire(Limit limit, String key) {
        return bucket(limit, key).tryConsume(1);
    }

    /** Whether a request would pass now, without taking a token. */
    public boolean wouldAllow(Limit limit, String key) {
        return bucket(limit, key).getAvailableTokens() > 0;
    }

    private Bucket bucket(Limit limit, String key) {
        return buckets.get(limit.name() + '\u0000' + key, k -> {
            var builder = Bucket.builder();
            for (Bandwidth bandwidth : limit.bandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }
}
