package org.solidarityhub.platform;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.solidarityhub.platform.RateLimits.Limit;

/** Buckets in this node's memory (Bucket4j), for a single node: nothing leaves the process, nothing costs a round trip. */
final class MemoryLimits implements LimitStore {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    @Override
    public boolean tryAcquire(Limit limit, String key) {
        return bucket(limit, key).tryConsume(1);
    }

    @Override
    public boolean wouldAllow(Limit limit, String key) {
        return bucket(limit, key).getAvailableTokens() > 0;
    }

    @Override
    public void reset(Limit limit, String key) {
        buckets.invalidate(id(limit, key));
    }

    @Override
    public int forgetFull() {
        return 0; // Caffeine forgets idle buckets itself
    }

    private Bucket bucket(Limit limit, String key) {
        return buckets.get(id(limit, key), k -> {
            var builder = Bucket.builder();
            for (Bandwidth bandwidth : limit.bandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }

    private static String id(Limit limit, String key) {
        return limit.name() + '\u0000' + key;
    }
}
