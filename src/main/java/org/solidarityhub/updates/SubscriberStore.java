package org.solidarityhub.updates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL of subscribers ({@code news_subscriber}) and of the hashes of addresses that unsubscribed
 * ({@code news_unsubscribed}). Addresses are read only to mail or export them, never logged.
 */
@Component
class SubscriberStore {

    /** A subscriber as this feature needs it. */
    record Subscriber(long id, String email, String emailHash, String language, String unsubscribeToken,
                      Instant createdAt, @org.jspecify.annotations.Nullable Instant confirmedAt) {
    }

    private final JdbcClient db;

    SubscriberStore(JdbcClient db) {
        this.db = db;
    }

    Optional<Subscriber> byHash(String emailHash) {
        return db.sql("SELECT * FROM news_subscriber WHERE email_hash = :hash").param("hash", emailHash)
                .query(SubscriberStore::map).optional();
    }

    Optional<Subscriber> find(long id) {
        return db.sql("SELECT * FROM news_subscriber WHERE id = :id").param("id", id).query(SubscriberStore::map).optional();
    }

    long insert(String email, String emailHash, String language, String unsubscribeToken, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO news_subscriber (email, email_hash, language, unsubscribe_token, created_at)
                        VALUES (:email, :hash, :language, :token, :now)""")
                .param("email", email).param("hash", emailHash).param("language", language).param("token", unsubscribeToken)
                .param("now", Timestamps.toDb(now)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** A new request for an unconfirmed subscription: the address as typed now and the language of the form. */
    void renew(long id, String email, String language, Instant now) {
        db.sql("UPDATE news_subscriber SET email = :email, language = :language, created_at = :now WHERE id = :id AND confirmed_at IS NULL")
                .param("email", email).param("language", language).param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    /** Confirms a subscription; the address's earlier unsubscribe no longer holds (they asked again, and confirmed). */
    boolean confirm(long id, Instant now) {
        int changed = db.sql("UPDATE news_subscriber SET confirmed_at = :now WHERE id = :id AND confirmed_at IS NULL")
                .param("now", Timestamps.toDb(now)).param("id", id).update();
        find(id).ifPresent(s -> db.sql("DELETE FROM news_unsubscribed WHERE email_hash = :hash").param("hash", s.emailHash()).update());
        return changed == 1;
    }

    /** The hash of the address behind an unsubscribe token: a subscriber's own, or a recipient's of an update. */
    Optional<String> hashOfToken(String token) {
        return db.sql("""
                        SELECT email_hash FROM news_subscriber WHERE unsubscribe_token = :token
                        UNION SELECT email_hash FROM news_update_recipient WHERE token = :token""")
                .param("token", token).query(String.class).list().stream().findFirst();
    }

    /**
     * Unsubscribes an address for good: only its hash is kept, the subscriber is erased, and the address is erased
     * from recipients of updates not yet queued (who are skipped).
     */
    void unsubscribe(String emailHash, Instant now) {
        db.sql("""
                        INSERT INTO news_unsubscribed (email_hash, unsubscribed_at)
                        SELECT CAST(:hash AS VARCHAR(64)), CAST(:now AS TIMESTAMP WITH TIME ZONE) FROM (VALUES (1)) AS one (x)
                        WHERE NOT EXISTS (SELECT 1 FROM news_unsubscribed WHERE email_hash = :hash)""")
                .param("hash", emailHash).param("now", Timestamps.toDb(now)).update();
        db.sql("DELETE FROM news_subscriber WHERE email_hash = :hash").param("hash", emailHash).update();
        db.sql("UPDATE news_update_recipient SET state = 'SKIPPED', email = NULL WHERE email_hash = :hash AND state = 'PENDING'")
                .param("hash", emailHash).update();
    }

    boolean unsubscribed(String emailHash) {
        return db.sql("SELECT COUNT(*) FROM news_unsubscribed WHERE email_hash = :hash").param("hash", emailHash)
                .query(Long.class).single() > 0;
    }

    long confirmedCount() {
        return db.sql("SELECT COUNT(*) FROM news_subscriber WHERE confirmed_at IS NOT NULL").query(Long.class).single();
    }

    /** Confirmed subscribers in pages by id, for the admin's export: never all in memory at once. */
    void forEachConfirmed(int batchSize, Consumer<List<Subscriber>> batch) {
        long after = 0;
        while (true) {
            List<Subscriber> rows = db.sql("""
                            SELECT * FROM news_subscriber WHERE confirmed_at IS NOT NULL AND id > :after ORDER BY id LIMIT :limit""")
                    .param("after", after).param("limit", batchSize).query(SubscriberStore::map).list();
            if (rows.isEmpty()) {
                return;
            }
            batch.accept(rows);
            if (rows.size() < batchSize) {
                return;
            }
            after = rows.getLast().id();
        }
    }

    /** Ids of subscriptions never confirmed, asked for before {@code before}. */
    List<Long> unconfirmedBefore(Instant before) {
        return db.sql("SELECT id FROM news_subscriber WHERE confirmed_at IS NULL AND created_at < :before")
                .param("before", Timestamps.toDb(before)).query(Long.class).list();
    }

    int delete(List<Long> ids) {
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += 1_000) {
            deleted += db.sql("DELETE FROM news_subscriber WHERE id IN (:ids) AND confirmed_at IS NULL")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1_000))).update();
        }
        return deleted;
    }

    private static Subscriber map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Subscriber(rs.getLong("id"), rs.getString("email"), rs.getString("email_hash"), rs.getString("language"),
                rs.getString("unsubscribe_token"), Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "confirmed_at"));
    }
}
