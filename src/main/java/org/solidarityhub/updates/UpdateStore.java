package org.solidarityhub.updates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.MailRecipient;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL of updates: an update with its frozen texts, its recipients materialized in a table (one row per address,
 * in one {@code INSERT ... SELECT} for subscribers, in batches for signers and organizers), the chunks queued in the
 * outbox, and the test sends that must come first.
 */
@Component
class UpdateStore {

    /** An update as the staff page shows it. */
    record Update(long id, long postId, String postTitle, Audience audience, @Nullable Long audienceId, String originalLanguage,
                  String state, int recipients, int sent, int failed, long createdBy, Instant createdAt, @Nullable Instant queuedAt) {

        String bulkGroup() {
            return UpdateStore.bulkGroup(id);
        }
    }

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate batch;

    UpdateStore(JdbcClient db, NamedParameterJdbcTemplate batch) {
        this.db = db;
        this.batch = batch;
    }

    /** The outbox's bulk group of an update's mails. */
    static String bulkGroup(long updateId) {
        return "news-update:" + updateId;
    }

    void testSent(long postId, long staffId, Instant now) {
        if (db.sql("UPDATE news_update_test SET sent_at = :now WHERE post_id = :post AND staff_id = :staff")
                .param("now", Timestamps.toDb(now)).param("post", postId).param("staff", staffId).update() == 0) {
            db.sql("INSERT INTO news_update_test (post_id, staff_id, sent_at) VALUES (:post, :staff, :now)")
                    .param("now", Timestamps.toDb(now)).param("post", postId).param("staff", staffId).update();
        }
    }

    /** When this editor last sent this post to themselves, locking that row until the transaction ends. */
    Optional<Instant> lastTest(long postId, long staffId) {
        return db.sql("SELECT sent_at FROM news_update_test WHERE post_id = :post AND staff_id = :staff FOR UPDATE")
                .param("post", postId).param("staff", staffId).query((rs, n) -> Timestamps.fromDb(rs, "sent_at")).optional();
    }

    boolean alreadySent(long postId, Audience audience, @Nullable Long audienceId) {
        return db.sql("""
                        SELECT COUNT(*) FROM news_update WHERE post_id = :post AND audience = :audience
                          AND COALESCE(audience_id, 0) = :audienceId""")
                .param("post", postId).param("audience", audience.name()).param("audienceId", audienceId == null ? 0 : audienceId)
                .query(Long.class).single() > 0;
    }

    long insert(long postId, String postTitle, Audience audience, @Nullable Long audienceId, String originalLanguage,
                long staffId, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO news_update (post_id, post_title, audience, audience_id, original_language, state,
                                                 recipients, sent, failed, created_by, created_at)
                        VALUES (:post, :title, :audience, :audienceId, :original, 'QUEUEING', 0, 0, 0, :staff, :now)""")
                .param("post", postId).param("title", postTitle.length() > 300 ? postTitle.substring(0, 300) : postTitle)
                .param("audience", audience.name()).param("audienceId", audienceId).param("original", originalLanguage)
                .param("staff", staffId).param("now", Timestamps.toDb(now)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void insertText(long updateId, UpdateMails.Text text) {
        db.sql("""
                        INSERT INTO news_update_text (update_id, language, subject, head, tail, unsubscribe_base)
                        VALUES (:update, :language, :subject, :head, :tail, :base)""")
                .param("update", updateId).param("language", text.language()).param("subject", text.subject())
                .param("head", text.head()).param("tail", text.tail()).param("base", text.unsubscribeBase()).update();
    }

    /**
     * The confirmed subscribers become recipients in one statement, each with the mail in their language if the post
     * has it ({@code languages}), else in the original; addresses that unsubscribed are left out.
     */
    int materializeSubscribers(long updateId, Set<String> languages, String original) {
        return db.sql("""
                        INSERT INTO news_update_recipient (update_id, email, email_hash, language, token, state)
                        SELECT :update, s.email, s.email_hash,
                               CASE WHEN s.language IN (:languages) THEN s.language ELSE :original END,
                               s.unsubscribe_token, 'PENDING'
                        FROM news_subscriber s
                        WHERE s.confirmed_at IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM news_unsubscribed u WHERE u.email_hash = s.email_hash)""")
                .param("update", updateId).param("languages", List.copyOf(languages)).param("original", original)
                .update();
    }

    /** One recipient from another feature's list, with a new unsubscribe token. */
    record NewRecipient(MailRecipient recipient, String emailHash, String language, String token) {
    }

    /**
     * Recipients from another feature's list, in one batched statement; an address already among the update's
     * recipients (an organizer of two events) or that unsubscribed is left out.
     */
    void materialize(long updateId, List<NewRecipient> recipients) {
        SqlParameterSource[] rows = recipients.stream().map(r -> new MapSqlParameterSource().addValue("update", updateId)
                        .addValue("email", r.recipient().address().strip()).addValue("hash", r.emailHash())
                        .addValue("language", r.language()).addValue("token", r.token()))
                .toArray(SqlParameterSource[]::new);
        if (rows.length > 0) {
            batch.batchUpdate("""
                    INSERT INTO news_update_recipient (update_id, email, email_hash, language, token, state)
                    SELECT CAST(:update AS BIGINT), CAST(:email AS VARCHAR(254)), CAST(:hash AS VARCHAR(64)), CAST(:language AS VARCHAR(8)),
                           CAST(:token AS VARCHAR(64)), 'PENDING' FROM (VALUES (1)) AS one (x)
                    WHERE NOT EXISTS (SELECT 1 FROM news_update_recipient r WHERE r.update_id = :update AND r.email_hash = :hash)
                      AND NOT EXISTS (SELECT 1 FROM news_unsubscribed u WHERE u.email_hash = :hash)""", rows);
        }
    }

    void counted(long updateId) {
        db.sql("UPDATE news_update SET recipients = (SELECT COUNT(*) FROM news_update_recipient WHERE update_id = :id) WHERE id = :id")
                .param("id", updateId).update();
    }

    /** Locks an update's row (queuing one update runs in one transaction at a time, across instances). */
    Optional<String> lockState(long updateId) {
        return db.sql("SELECT state FROM news_update WHERE id = :id FOR UPDATE").param("id", updateId).query(String.class).optional();
    }

    /** The last id of the next chunk of recipients waiting to be queued, if any wait. */
    Optional<Long> nextChunkEnd(long updateId, int size) {
        return db.sql("""
                        SELECT MAX(id) AS upto FROM (SELECT id FROM news_update_recipient WHERE update_id = :update AND state = 'PENDING'
                                                     ORDER BY id LIMIT :size) c""")
                .param("update", updateId).param("size", size)
                .query((rs, n) -> {
                    long upto = rs.getLong("upto");
                    return rs.wasNull() ? Optional.<Long>empty() : Optional.of(upto);
                }).single();
    }

    /**
     * The outbox's query for a chunk (see {@code Outbox.enqueueSelected}): each recipient's mail in their language,
     * their unsubscribe token in the body and the List-Unsubscribe address.
     */
    static final String CHUNK = """
            SELECT r.email AS recipient, t.subject AS subject, t.head || r.token || t.tail AS body,
                   t.unsubscribe_base || r.token AS list_unsubscribe, CAST(:group AS VARCHAR(60)) AS bulk_group, r.id AS bulk_item
            FROM news_update_recipient r
            JOIN news_update_text t ON t.update_id = r.update_id AND t.language = r.language
            WHERE r.update_id = :update AND r.state = 'PENDING' AND r.id <= :upto""";

    static Map<String, Object> chunk(long updateId, long upto) {
        return Map.of("group", bulkGroup(updateId), "update", updateId, "upto", upto);
    }

    /** The chunk is in the outbox: its recipients are queued and their addresses erased here. */
    int queued(long updateId, long upto) {
        return db.sql("UPDATE news_update_recipient SET state = 'QUEUED', email = NULL WHERE update_id = :update AND state = 'PENDING' AND id <= :upto")
                .param("update", updateId).param("upto", upto).update();
    }

    void allQueued(long updateId, Instant now) {
        db.sql("UPDATE news_update SET state = 'QUEUED', queued_at = :now WHERE id = :id")
                .param("now", Timestamps.toDb(now)).param("id", updateId).update();
    }

    /** Keeps the highest counts the outbox showed (it erases old mail, the update keeps them). */
    void progress(long updateId, long sent, long failed) {
        db.sql("UPDATE news_update SET sent = GREATEST(sent, :sent), failed = GREATEST(failed, :failed) WHERE id = :id")
                .param("sent", sent).param("failed", failed).param("id", updateId).update();
    }

    /** Recipients by state: PENDING, QUEUED, SKIPPED. */
    Map<String, Long> states(long updateId) {
        Map<String, Long> states = new java.util.TreeMap<>();
        db.sql("SELECT state, COUNT(*) AS n FROM news_update_recipient WHERE update_id = :id GROUP BY state")
                .param("id", updateId).query((rs, n) -> states.put(rs.getString("state"), rs.getLong("n"))).list();
        return states;
    }

    List<Long> queueing() {
        return db.sql("SELECT id FROM news_update WHERE state = 'QUEUEING' ORDER BY id").query(Long.class).list();
    }

    Optional<Update> find(long id) {
        return db.sql("SELECT * FROM news_update WHERE id = :id").param("id", id).query(UpdateStore::map).optional();
    }

    List<Update> recent(int limit) {
        return db.sql("SELECT * FROM news_update ORDER BY id DESC LIMIT :limit").param("limit", limit).query(UpdateStore::map).list();
    }

    private static Update map(ResultSet rs, int row) throws SQLException {
        long audienceId = rs.getLong("audience_id");
        Long audience = rs.wasNull() ? null : audienceId;
        return new Update(rs.getLong("id"), rs.getLong("post_id"), rs.getString("post_title"),
                Audience.valueOf(rs.getString("audience")), audience, rs.getString("original_language"), rs.getString("state"),
                rs.getInt("recipients"), rs.getInt("sent"), rs.getInt("failed"), rs.getLong("created_by"),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "queued_at"));
    }
}
