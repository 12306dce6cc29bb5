package org.solidarityhub.platform;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The SQL of sending: claiming batches of due mail and recording what became of them, one batched statement
 * per batch. Safety between senders rests on the claim alone: a claim sets {@code claimed_until} (a lease) on
 * rows that were due and unclaimed, in one statement; a mail whose lease ran out (its sender crashed before
 * recording the outcome) may be claimed again, which is the one case where a mail can go out twice.
 * <p>
 * On PostgreSQL the claim picks its rows {@code FOR UPDATE SKIP LOCKED}, so parallel senders (threads and
 * instances) each get a batch of their own without waiting for one another. On H2, which is embedded in one
 * instance, the claim is a conditional update whose condition is checked again under the row lock, and the
 * claims of this instance take turns (see {@link #claim}).
 */
@Component
class OutboxStore {

    /** One claimed mail, as the sender needs it. */
    record Claimed(long id, String recipient, String subject, String body, int attempts, String domain, int priority,
                   Instant due, @org.jspecify.annotations.Nullable String listUnsubscribe) {

        /** The order of sending: transactional before bulk, then the longest due first. */
        static final java.util.Comparator<Claimed> ORDER = java.util.Comparator.comparingInt(Claimed::priority)
                .thenComparing(Claimed::due).thenComparingLong(Claimed::id);
    }

    /**
     * What became of one claimed mail: sent at a time, or failed with an error, tried again at {@code next}
     * unless given up at {@code failedAt}.
     */
    record Outcome(long id, Instant sentAt, int attempts, String error, Instant next, Instant failedAt) {

        static Outcome sent(Claimed mail, Instant at) {
            return new Outcome(mail.id(), at, mail.attempts() + 1, null, null, null);
        }
    }

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate batch;
    private final boolean postgres;
    private final Object h2Claims = new Object();

    OutboxStore(JdbcClient db, NamedParameterJdbcTemplate batch, DataSource dataSource) {
        this.db = db;
        this.batch = batch;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException e) {
            return false;
        }
    }

    boolean postgres() {
        return postgres;
    }

    private static final String DUE = """
            sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
              AND (claimed_until IS NULL OR claimed_until < :now)""";

    private static final String COLUMNS = "id, recipient, subject, body, attempts, domain, priority, next_attempt_at, list_unsubscribe";

    /**
     * Claims up to {@code limit} due mails for {@code lease}, transactional before bulk, oldest first. With
     * {@code onlyDomain} set, only mail to that domain; otherwise none to the domains in {@code skipDomains}.
     */
    List<Claimed> claim(Instant now, Duration lease, int limit, String onlyDomain, Set<String> skipDomains) {
        String domainFilter = onlyDomain != null ? " AND domain = :domain"
                : skipDomains.isEmpty() ? "" : " AND domain NOT IN (:skip)";
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("now", Timestamps.toDb(now))
                .addValue("until", Timestamps.toDb(now.plus(lease)))
                .addValue("limit", limit)
                .addValue("domain", onlyDomain)
                .addValue("skip", skipDomains.isEmpty() ? List.of("") : List.copyOf(skipDomains));
        if (postgres) {
            // UPDATE ... RETURNING gives the rows in no particular order: they are sorted after
            return sorted(batch.query("UPDATE mail_outbox SET claimed_until = :until WHERE id IN ("
                    + "SELECT id FROM mail_outbox WHERE " + DUE + domainFilter
                    + " ORDER BY priority, next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)"
                    + " RETURNING " + COLUMNS, params, OutboxStore::claimed));
        }
        // H2: the outer condition repeats the inner one, so a row claimed meanwhile by another transaction is
        // left alone; claims of this instance take turns, so they do not all try to take the same first rows
        synchronized (h2Claims) {
            return sorted(batch.query("SELECT " + COLUMNS + " FROM FINAL TABLE (UPDATE mail_outbox SET claimed_until = :until"
                    + " WHERE " + DUE + " AND id IN (SELECT id FROM mail_outbox WHERE " + DUE + domainFilter
                    + " ORDER BY priority, next_attempt_at, id LIMIT :limit))", params, OutboxStore::claimed));
        }
    }

    private static List<Claimed> sorted(List<Claimed> claimed) {
        List<Claimed> ordered = new java.util.ArrayList<>(claimed);
        ordered.sort(Claimed.ORDER);
        return ordered;
    }

    private static Claimed claimed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getInt("attempts"), rs.getString("domain"), rs.getInt("priority"), Timestamps.fromDb(rs, "next_attempt_at"),
                rs.getString("list_unsubscribe"));
    }

    /** Records the outcomes of a batch: one batched update for the sent mails, one for the failed ones. */
    void record(List<Outcome> outcomes) {
        SqlParameterSource[] sent = outcomes.stream().filter(o -> o.sentAt() != null)
                .map(o -> new MapSqlParameterSource().addValue("id", o.id()).addValue("at", Timestamps.toDb(o.sentAt())))
                .toArray(SqlParameterSource[]::new);
        if (sent.length > 0) {
            batch.batchUpdate("""
                    UPDATE mail_outbox SET sent_at = :at, attempts = attempts + 1, claimed_until = NULL, last_error = NULL
                    WHERE id = :id""", sent);
        }
        SqlParameterSource[] failed = outcomes.stream().filter(o -> o.sentAt() == null)
                .map(o -> new MapSqlParameterSource().addValue("id", o.id()).addValue("attempts", o.attempts())
                        .addValue("error", o.error()).addValue("next", Timestamps.toDb(o.next()))
                        .addValue("failed", Timestamps.toDb(o.failedAt())))
                .toArray(SqlParameterSource[]::new);
        if (failed.length > 0) {
            batch.batchUpdate("""
                    UPDATE mail_outbox SET attempts = :attempts, claimed_until = NULL, last_error = :error,
                           next_attempt_at = :next, failed_at = :failed
                    WHERE id = :id""", failed);
        }
    }

    /** Gives claimed mails back untried: they are due again at once for any sender. */
    void release(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            db.sql("UPDATE mail_outbox SET claimed_until = NULL WHERE id IN (:ids) AND sent_at IS NULL")
                    .param("ids", List.copyOf(ids)).update();
        }
    }

    /** Tells the senders of other instances that mail was queued (PostgreSQL delivers it on commit). */
    void notifyOtherInstances() {
        if (postgres) {
            db.sql("SELECT pg_notify('" + OutboxSignal.CHANNEL + "', '')").query((rs, row) -> 1).list();
        }
    }

    /** The queue as the health contributor and the staff page show it. */
    record Queue(long waiting, Instant oldestWaiting, Instant oldestStuck) {
    }

    /**
     * Mail not yet sent nor given up; "stuck" is mail that is due now or was never tried (a mail waiting out
     * its back-off after a refusal is not stuck).
     */
    Queue queue(Instant now) {
        return db.sql("""
                        SELECT COUNT(*) AS waiting, MIN(created_at) AS oldest,
                               MIN(CASE WHEN attempts = 0 OR next_attempt_at <= :now THEN created_at END) AS stuck
                        FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL""")
                .param("now", Timestamps.toDb(now))
                .query((rs, row) -> new Queue(rs.getLong("waiting"), Timestamps.fromDb(rs, "oldest"), Timestamps.fromDb(rs, "stuck")))
                .single();
    }

    /** How many mails could be sent now (due, or never tried) and were queued before {@code queuedBefore}. */
    long stuckCount(Instant now, Instant queuedBefore) {
        return db.sql("""
                        SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL
                          AND (attempts = 0 OR next_attempt_at <= :now) AND created_at < :before""")
                .param("now", Timestamps.toDb(now)).param("before", Timestamps.toDb(queuedBefore))
                .query(Long.class).single();
    }

    /** Erases mail sent or given up before {@code before}. */
    int eraseOlderThan(Instant before) {
        return db.sql("DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL AND sent_at < :before) OR (failed_at IS NOT NULL AND failed_at < :before)")
                .param("before", Timestamps.toDb(before)).update();
    }
}
