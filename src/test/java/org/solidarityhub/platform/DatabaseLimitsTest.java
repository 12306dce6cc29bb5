package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.RateLimits.Limit;
import org.solidarityhub.test.WebTest;

/** The database store of {@link RateLimits}: the same answers as a token bucket, one row per key, on H2 and PostgreSQL. */
class DatabaseLimitsTest extends WebTest {

    private DatabaseLimits limits;

    @BeforeEach
    void store() {
        limits = new DatabaseLimits(db, clock);
    }

    @Test
    void aBucketLetsItsCapacityThroughThenRefillsOneTokenPerInterval() {
        Limit twoPerMinute = new Limit("test-" + UUID.randomUUID(), Limit.per(2, Duration.ofMinutes(1)));
        String key = uniqueIp();
        assertThat(limits.tryAcquire(twoPerMinute, key)).isTrue();
        assertThat(limits.wouldAllow(twoPerMinute, key)).isTrue();
        assertThat(limits.tryAcquire(twoPerMinute, key)).isTrue();
        assertThat(limits.wouldAllow(twoPerMinute, key)).isFalse();
        assertThat(limits.tryAcquire(twoPerMinute, key)).isFalse();
        assertThat(limits.tryAcquire(twoPerMinute, uniqueIp())).as("another key has its own bucket").isTrue();

        clock.advance(Duration.ofSeconds(29));
        assertThat(limits.tryAcquire(twoPerMinute, key)).as("half a minute refills one token, not before").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.tryAcquire(twoPerMinute, key)).isTrue();
        assertThat(limits.tryAcquire(twoPerMinute, key)).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(limits.tryAcquire(twoPerMinute, key)).as("never more than the capacity after a long pause").isTrue();
        assertThat(limits.tryAcquire(twoPerMinute, key)).isTrue();
        assertThat(limits.tryAcquire(twoPerMinute, key)).isFalse();
    }

    @Test
    void everyBandwidthMustHaveRoomAndARefusalTakesNothing() {
        Limit burstAndSustained = new Limit("test-" + UUID.randomUUID(),
                Limit.per(1, Duration.ofMinutes(1)), Limit.per(3, Duration.ofMinutes(10)));
        String key = uniqueIp();
        for (int minute = 0; minute < 3; minute++) {
            assertThat(limits.tryAcquire(burstAndSustained, key)).as("minute " + minute).isTrue();
            assertThat(limits.tryAcquire(burstAndSustained, key)).as("the burst in minute " + minute).isFalse();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(limits.tryAcquire(burstAndSustained, key)).as("the sustained bandwidth is empty").isFalse();
        assertThat(limits.wouldAllow(burstAndSustained, key)).isFalse();
        clock.advance(Duration.ofSeconds(200)); // one sustained token back (10 min / 3)
        assertThat(limits.tryAcquire(burstAndSustained, key)).isTrue();
    }

    @Test
    void aResetKeyStartsFullAndRefilledRowsAreForgotten() {
        Limit onePerHour = new Limit("test-" + UUID.randomUUID(), Limit.per(1, Duration.ofHours(1)));
        String key = uniqueIp();
        assertThat(limits.tryAcquire(onePerHour, key)).isTrue();
        assertThat(limits.tryAcquire(onePerHour, key)).isFalse();
        limits.reset(onePerHour, key);
        assertThat(limits.tryAcquire(onePerHour, key)).isTrue();

        limits.forgetFull();
        assertThat(rows(onePerHour, key)).as("a bucket still refilling is kept").isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(limits.forgetFull()).isPositive();
        assertThat(rows(onePerHour, key)).isZero();
    }

    @Test
    void theKeyIsNotStoredInClear() {
        String key = uniqueIp();
        limits.tryAcquire(new Limit("test-" + UUID.randomUUID(), Limit.per(1, Duration.ofHours(1))), key);
        assertThat(db.sql("SELECT bucket FROM rate_limit").query(String.class).list()).noneMatch(b -> b.contains(key));
    }

    @Test
    void manyNodesAcquiringAtOnceTakeExactlyTheCapacity() throws Exception {
        Limit tenPerHour = new Limit("test-" + UUID.randomUUID(), Limit.per(10, Duration.ofHours(1)));
        String key = uniqueIp();
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(() -> limits.tryAcquire(tenPerHour, key));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long passed = 0;
            for (Future<Boolean> answer : pool.invokeAll(requests)) {
                passed += answer.get() ? 1 : 0;
            }
            assertThat(passed).isEqualTo(10);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aLimitHasOneToThreeBandwidths() {
        assertThatThrownBy(() -> new Limit("none")).isInstanceOf(IllegalArgumentException.class);
        var perHour = Limit.per(1, Duration.ofHours(1));
        assertThatThrownBy(() -> new Limit("four", perHour, perHour, perHour, perHour)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The cost on the signing path, which counts one acquire (one statement) per signature: prints the mean (README,
     * "Several nodes"), asserts only a bound that a loaded two-core machine keeps.
     */
    @Test
    void anAcquireIsCheapEnoughForTheSigningPath() {
        Limit limit = new Limit("test-" + UUID.randomUUID(), Limit.per(1, Duration.ofMinutes(1)), Limit.per(5, Duration.ofMinutes(5)));
        for (int i = 0; i < 200; i++) {
            limits.tryAcquire(limit, "warm-" + i);
        }
        int n = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            limits.tryAcquire(limit, "key-" + (i % 100));
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / n;
        System.out.printf("DatabaseLimits: %.0f µs per acquire on %s%n", micros, databaseName());
        assertThat(micros).isLessThan(20_000);
    }

    private long rows(Limit limit, String key) {
        return db.sql("SELECT COUNT(*) FROM rate_limit WHERE bucket = :bucket")
                .param("bucket", Tokens.hash(limit.name() + '\u0000' + key)).query(Long.class).single();
    }

    private String databaseName() {
        return db.sql("SELECT 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName()).single();
    }
}
