package org.solidarityhub.staff;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Slows down password and code guessing without locking anyone out. Every failed attempt takes a token
 * from the bucket of the IP address and from the bucket of the account; an empty bucket refuses attempts
 * until it refills. The account's bucket is not consulted for a browser in which the account has signed
 * in before (KnownDevices), so an attacker who empties it does not keep the real member out.
 * Buckets live in memory: with several instances, each throttles on its own.
 */
@Component
class SignInThrottle {

    private final LoadingCache<String, Bucket> byIp;
    private final LoadingCache<String, Bucket> byAccount;

    SignInThrottle(StaffProperties properties) {
        this.byIp = buckets(properties.ipFailures(), properties.ipWindow());
        this.byAccount = buckets(properties.accountFailures(), properties.accountWindow());
    }

    private static LoadingCache<String, Bucket> buckets(int failures, Duration window) {
        return Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(window.multipliedBy(2))
                .build(key -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build())
                        .build());
    }

    boolean ipAllowed(String ip) {
        return byIp.get(ip).getAvailableTokens() > 0;
    }

    boolean accountAllowed(String accountKey) {
        return byAccount.get(accountKey).getAvailableTokens() > 0;
    }

    void failed(String ip, String accountKey) {
        byIp.get(ip).tryConsume(1);
        if (accountKey != null) {
            byAccount.get(accountKey).tryConsume(1);
        }
    }

    /** A complete sign-in forgives the account's earlier failures. */
    void succeeded(String accountKey) {
        byAccount.invalidate(accountKey);
    }
}
