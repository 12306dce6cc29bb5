package org.solidarityhub.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.bucket4j.Bandwidth;

import org.solidarityhub.platform.RateLimits.Limit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Buckets in the database, shared by every node: one row per limit and key in {@code rate_limit}, and one statement
 * (a round trip) per acquire. Each bandwidth is kept as its theoretical arrival time (the generic cell rate algorithm):
 * a bandwidth of {@code capacity} tokens refilled at one per {@code interval} lets a request through when its time,
 * pushed on by one interval, stays within {@code capacity × interval} of now; that is Bucket4j's greedy bucket, kept in
 * one number. A single {@code MERGE} (H2 and PostgreSQL 15+) inserts a new bucket or advances an existing one only when
 * every bandwidth has room, so the count it returns is the answer. Rows are keyed by a SHA-256 of limit and key: no
 * address is stored in clear. Times are this node's clock in nanoseconds; nodes are expected to keep time (NTP).
 */
final class DatabaseLimits implements LimitStore {

    static final int MAX_BANDWIDTHS = 3;
    private static final long UNUSED_TOLERANCE = Long.MAX_VALUE / 4;

    private static final String ACQUIRE = """
            MERGE INTO rate_limit r
            USING (SELECT CAST(:bucket AS CHAR(64)) AS bucket, CAST(:now AS BIGINT) AS now,
                          CAST(:t1 AS BIGINT) AS t1, CAST(:t2 AS BIGINT) AS t2, CAST(:t3 AS BIGINT) AS t3,
                          CAST(:p1 AS BIGINT) AS p1, CAST(:p2 AS BIGINT) AS p2, CAST(:p3 AS BIGINT) AS p3) s
            ON r.bucket = s.bucket
            WHEN MATCHED AND GREATEST(r.tat1, s.now) + s.t1 - s.now <= s.p1
                         AND GREATEST(r.tat2, s.now) + s.t2 - s.now <= s.p2
                         AND GREATEST(r.tat3, s.now) + s.t3 - s.now <= s.p3 THEN
                UPDATE SET tat1 = GREATEST(r.tat1, s.now) + s.t1, tat2 = GREATEST(r.tat2, s.now) + s.t2,
                           tat3 = GREATEST(r.tat3, s.now) + s.t3,
                           full_at = GREATEST(GREATEST(r.tat1, s.now) + s.t1, GREATEST(r.tat2, s.now) + s.t2,
                                              GREATEST(r.tat3, s.now) + s.t3)
            WHEN NOT MATCHED THEN
                INSERT (bucket, tat1, tat2, tat3, full_at)
                VALUES (s.bucket, s.now + s.t1, s.now + s.t2, s.now + s.t3, s.now + GREATEST(s.t1, s.t2, s.t3))""";

    private final JdbcClient db;
    private final Clock clock;

    DatabaseLimits(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(Limit limit, String key) {
        Map<String, Object> params = params(limit, key);
        try {
            return db.sql(ACQUIRE).params(params).update() == 1;
        } catch (DuplicateKeyException e) {
            // another node inserted the same new bucket at the same moment: it exists now, so this merge updates it
            return db.sql(ACQUIRE).params(params).update() == 1;
        }
    }

    @Override
    public boolean wouldAllow(Limit limit, String key) {
        List<long[]> rows = db.sql("SELECT tat1, tat2, tat3 FROM rate_limit WHERE bucket = :bucket")
                .param("bucket", bucket(limit, key))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        if (rows.isEmpty()) {
            return true;
        }
        long now = nanos(clock.instant());
        long[] tats = rows.getFirst();
        for (int i = 0; i < limit.bandwidths().length; i++) {
            Bandwidth bandwidth = limit.bandwidths()[i];
            if (Math.max(tats[i], now) + interval(bandwidth) - now > tolerance(bandwidth)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset(Limit limit, String key) {
        db.sql("DELETE FROM rate_limit WHERE bucket = :bucket").param("bucket", bucket(limit, key)).update();
    }

    @Override
    public int forgetFull() {
        return db.sql("DELETE FROM rate_limit WHERE full_at <= :now").param("now", nanos(clock.instant())).update();
    }

    private Map<String, Object> params(Limit limit, String key) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("bucket", bucket(limit, key));
        params.put("now", nanos(clock.instant()));
        for (int i = 0; i < MAX_BANDWIDTHS; i++) {
            // an unused slot takes nothing and always has room (whatever another node's clock wrote there)
            Bandwidth bandwidth = i < limit.bandwidths().length ? limit.bandwidths()[i] : null;
            params.put("t" + (i + 1), bandwidth == null ? 0L : interval(bandwidth));
            params.put("p" + (i + 1), bandwidth == null ? UNUSED_TOLERANCE : tolerance(bandwidth));
        }
        return params;
    }

    /** The time one token takes to come back. */
    private static long interval(Bandwidth bandwidth) {
        return bandwidth.getRefillPeriodNanos() / bandwidth.getRefillTokens();
    }

    /** How far ahead of now the theoretical arrival time may run: a full bucket's worth of intervals. */
    private static long tolerance(Bandwidth bandwidth) {
        return bandwidth.getCapacity() * interval(bandwidth);
    }

    private static String bucket(Limit limit, String key) {
        return Tokens.hash(limit.name() + '\u0000' + key);
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
