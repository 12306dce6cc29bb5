package org.solidarityhub.appeal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.solidarityhub.platform.ContentVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public counts, kept off the signing path. Confirming, withdrawing, flagging or verifying a signature
 * only marks that row ({@code needs_count}); every {@code appeal.count-interval} this job folds the marked rows
 * into {@code appeal_count}, per appeal, country and kind, and a nightly recount rebuilds the table from the
 * signatures to repair any drift. Both run while holding the job's lock row, so app instances sharing one
 * database never count a signature twice. Each batch that changed an appeal's counts raises the appeal's content
 * version, so the page cache shows the new counts within a second on every instance.
 */
@Component
class SignatureCounts {

    /** Counts of one appeal. */
    record Counts(long total, long individuals, long organizations, Map<String, Long> byCountry) {
    }

    private static final Logger log = LoggerFactory.getLogger(SignatureCounts.class);
    private static final int BATCH = 5_000;
    static final String ELIGIBLE = "CASE WHEN status = 'CONFIRMED' AND flagged = FALSE "
            + "AND (kind = 'INDIVIDUAL' OR review = 'VERIFIED') THEN TRUE ELSE FALSE END";

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ContentVersions versions;
    private final int smallCountThreshold;

    SignatureCounts(JdbcClient db, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, ContentVersions versions,
                    AppealProperties properties) {
        this.versions = versions;
        this.smallCountThreshold = properties.smallCountThreshold();
        this.db = db;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The exact counts, for staff. */
    Counts of(long appealId) {
        return load(appealId);
    }

    /** The counts the public sees: small groups only as "fewer than" the threshold. */
    PublicCounts publicOf(long appealId) {
        return PublicCounts.of(load(appealId), smallCountThreshold);
    }

    private Counts load(long appealId) {
        long individuals = 0;
        long organizations = 0;
        Map<String, Long> byCountry = new TreeMap<>();
        for (Map<String, Object> row : db.sql("SELECT country, kind, total FROM appeal_count WHERE appeal_id = :id AND total > 0")
                .param("id", appealId).query().listOfRows()) {
            long total = ((Number) row.get("total")).longValue();
            byCountry.merge((String) row.get("country"), total, Long::sum);
            if ("ORGANIZATION".equals(row.get("kind"))) {
                organizations += total;
            } else {
                individuals += total;
            }
        }
        return new Counts(individuals + organizations, individuals, organizations, byCountry);
    }

    @Scheduled(fixedDelayString = "${appeal.count-interval:30s}", initialDelayString = "${appeal.count-interval:30s}")
    // A lock whose release failed (no database connection at a peak) expires after a minute, not the default ten:
    // the public count must not stand still for long, and the job_lock row keeps two counts apart anyway.
    @SchedulerLock(name = "appeal-count", lockAtMostFor = "PT1M")
    void scheduledCount() {
        try {
            countChanges();
        } catch (RuntimeException e) {
            log.warn("Counting signatures failed; the next run retries: {}", e.getClass().getSimpleName());
        }
    }

    private record Change(long id, long appealId, String country, String kind, boolean counted, boolean eligible, int stateVersion) {
    }

    private record Key(long appealId, String country, String kind) {
    }

    /** Folds every marked signature into the counts; returns how many signatures it looked at. */
    int countChanges() {
        int seen = 0;
        int batch;
        do {
            batch = transaction.execute(status -> {
                lock();
                List<Change> changes = db.sql("SELECT id, appeal_id, country, kind, counted, state_version, " + ELIGIBLE
                                + " AS eligible FROM signature WHERE needs_count = TRUE ORDER BY id LIMIT " + BATCH)
                        .query((rs, row) -> new Change(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("country"),
                                rs.getString("kind"), rs.getBoolean("counted"), rs.getBoolean("eligible"), rs.getInt("state_version")))
                        .list();
                Map<Key, Long> deltas = new HashMap<>();
                for (Change change : changes) {
                    long delta = (change.eligible() ? 1 : 0) - (change.counted() ? 1 : 0);
                    if (delta != 0) {
                        deltas.merge(new Key(change.appealId(), change.country(), change.kind()), delta, Long::sum);
                    }
                }
                deltas.forEach(this::add);
                deltas.keySet().stream().map(Key::appealId).distinct().forEach(id -> versions.changed(AppealPages.version(id)));
                jdbc.batchUpdate("""
                                UPDATE signature SET counted = :eligible,
                                    needs_count = CASE WHEN state_version = :version THEN FALSE ELSE TRUE END
                                WHERE id = :id""",
                        changes.stream().map(c -> new MapSqlParameterSource()
                                .addValue("eligible", c.eligible()).addValue("version", c.stateVersion()).addValue("id", c.id()))
                                .toArray(MapSqlParameterSource[]::new));
                return changes.size();
            });
            seen += batch;
        } while (batch == BATCH);
        return seen;
    }

    private void add(Key key, long delta) {
        int updated = db.sql("UPDATE appeal_count SET total = total + :delta WHERE appeal_id = :appeal AND country = :country AND kind = :kind")
                .param("delta", delta).param("appeal", key.appealId()).param("country", key.country()).param("kind", key.kind())
                .update();
        if (updated == 0) {
            db.sql("INSERT INTO appeal_count (appeal_id, country, kind, total) VALUES (:appeal, :country, :kind, :delta)")
                    .param("delta", delta).param("appeal", key.appealId()).param("country", key.country()).param("kind", key.kind())
                    .update();
        }
    }

    /** Rebuilds every appeal's counts from its signatures. */
    @Scheduled(cron = "${appeal.recount-cron:0 41 3 * * *}")
    @SchedulerLock(name = "appeal-recount")
    void recountAll() {
        db.sql("SELECT id FROM appeal").query(Long.class).list().forEach(this::recount);
    }

    /** Rebuilds one appeal's counts from its signatures (nightly, and after staff invalidate signatures). */
    void recount(long appealId) {
        transaction.executeWithoutResult(status -> {
            lock();
            db.sql("UPDATE signature SET counted = " + ELIGIBLE + ", needs_count = FALSE WHERE appeal_id = :id")
                    .param("id", appealId).update();
            db.sql("DELETE FROM appeal_count WHERE appeal_id = :id").param("id", appealId).update();
            db.sql("""
                            INSERT INTO appeal_count (appeal_id, country, kind, total)
                            SELECT appeal_id, country, kind, COUNT(*) FROM signature
                            WHERE appeal_id = :id AND counted = TRUE GROUP BY appeal_id, country, kind""")
                    .param("id", appealId).update();
            versions.changed(AppealPages.version(appealId));
        });
    }

    /**
     * Waits for the counters' row lock, held until the transaction ends. The scheduled runs are already kept
     * to one instance at a time by ShedLock, but a lock that skips is not enough here: a recount after staff
     * invalidate signatures must wait for a counting batch in flight (and the batch for it), never skip, or a
     * signature could be counted by both.
     */
    private void lock() {
        db.sql("SELECT name FROM job_lock WHERE name = 'appeal-counts' FOR UPDATE").query(String.class).single();
    }
}
