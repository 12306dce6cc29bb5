package org.solidarityhub.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL of signing: new signatures (one by one or a whole group commit in one batch), repeats, confirmation,
 * withdrawal and what the retention rules erase. Only SQL; the rules live in {@link Signing} and
 * {@link SignatureLinks}.
 */
@Component
class AppealStore {

    /** A signature that an address already made. */
    record Existing(long id, String status, int mailsSent, String email) {
    }

    /** What a confirmation or withdrawal page shows about the signature behind a link. */
    record LinkTarget(long signatureId, long appealId, String status, String kind, String country) {
    }

    /** The ids of a batch insert: per row, how many it inserted (0 for an address that signed before), and the new keys. */
    record Inserted(int[] counts, List<Map<String, Object>> keys) {
    }

    private static final String INSERT_SIGNATURE = """
            INSERT INTO signature (appeal_id, revision_id, language, kind, status, name, email, email_key_hash,
                country, city, display, organization_id, review, comment, comment_status, updates, flagged,
                mails_sent, ip_hex, counted, needs_count, state_version, created_at, partner_id)
            VALUES (:appeal, :revision, :language, :kind, 'PENDING', :name, :email, :key,
                :country, :city, :display, :organization, :review, :comment, :commentStatus, :updates, :flagged,
                1, :ip, FALSE, FALSE, 0, :now, :partner)
            ON CONFLICT DO NOTHING""";

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;

    AppealStore(JdbcClient db, NamedParameterJdbcTemplate batch, Clock clock) {
        this.db = db;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * The row of a new signature, for {@link #insert} or {@link #insertAll}; {@code partnerId}: the partner whose
     * widget it was made in ({@link Partners}), if any.
     */
    SqlParameterSource signatureRow(Appeal appeal, Appeal.Revision revision, SignRequest request, String keyHash,
                                    String country, @Nullable Long organizationId, @Nullable String ip, boolean flagged,
                                    @Nullable Long partnerId) {
        String comment = SignRequest.clean(request.comment());
        boolean individual = request.kind() == SignRequest.Kind.INDIVIDUAL;
        return new MapSqlParameterSource()
                .addValue("appeal", appeal.id())
                .addValue("revision", revision.id())
                .addValue("language", revision.language())
                .addValue("kind", request.kind().name())
                .addValue("name", request.name().strip())
                .addValue("email", request.email().strip())
                .addValue("key", keyHash)
                .addValue("country", country)
                .addValue("city", individual ? SignRequest.clean(request.city()) : null)
                .addValue("display", individual ? request.display().name() : "FULL_NAME")
                .addValue("organization", organizationId)
                .addValue("review", individual ? "NONE" : "PENDING")
                .addValue("comment", comment)
                .addValue("commentStatus", comment == null ? "NONE" : "PENDING")
                .addValue("updates", individual && request.updates())
                .addValue("flagged", flagged)
                .addValue("ip", ip == null ? null : IpAddresses.toHex(ip).orElse(null))
                .addValue("now", Timestamps.toDb(clock.instant()))
                .addValue("partner", partnerId);
    }

    /** Inserts a new signature in one statement; empty when the address signed this appeal before. */
    Optional<Long> insert(SqlParameterSource row) {
        KeyHolder key = new GeneratedKeyHolder();
        int inserted = db.sql(INSERT_SIGNATURE).paramSource(row).update(key, "id");
        return inserted == 1 ? Optional.of(key.getKeyAs(Number.class).longValue()) : Optional.empty();
    }

    /** Inserts many new signatures in one batched statement. */
    Inserted insertAll(SqlParameterSource[] rows) {
        KeyHolder keys = new GeneratedKeyHolder();
        int[] counts = batch.batchUpdate(INSERT_SIGNATURE, rows, keys, new String[]{"id"});
        return new Inserted(counts, keys.getKeyList());
    }

    /** The signature an address made, locked for the rest of the transaction. */
    Optional<Existing> existingForUpdate(long appealId, String keyHash) {
        return db.sql("""
                        SELECT id, status, mails_sent, email FROM signature
                        WHERE appeal_id = :appeal AND email_key_hash = :key FOR UPDATE""")
                .param("appeal", appealId).param("key", keyHash)
                .query((rs, row) -> new Existing(rs.getLong("id"), rs.getString("status"), rs.getInt("mails_sent"),
                        rs.getString("email")))
                .optional();
    }

    void countMail(long signatureId) {
        db.sql("UPDATE signature SET mails_sent = mails_sent + 1 WHERE id = :id").param("id", signatureId).update();
    }

    Optional<LinkTarget> linkTarget(long signatureId) {
        return db.sql("SELECT id, appeal_id, status, kind, country FROM signature WHERE id = :id")
                .param("id", signatureId)
                .query((rs, row) -> new LinkTarget(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("status"),
                        rs.getString("kind"), rs.getString("country")))
                .optional();
    }

    /** Why staff must look at a signature before it counts: held for review. */
    enum Hold { NONE, FLAGGED, ORGANIZATION }

    /**
     * Whether a signature waits for staff before the counts include it: flagged (sent faster than the limit allows)
     * or an organization not yet verified.
     */
    Hold hold(long signatureId) {
        return db.sql("SELECT kind, review, flagged FROM signature WHERE id = :id").param("id", signatureId)
                .query((rs, row) -> rs.getBoolean("flagged") ? Hold.FLAGGED
                        : "ORGANIZATION".equals(rs.getString("kind")) && "PENDING".equals(rs.getString("review"))
                        ? Hold.ORGANIZATION : Hold.NONE)
                .optional().orElse(Hold.NONE);
    }

    /** Confirms a pending signature; false when it is not pending. Only this row: the counts follow in batch. */
    boolean confirm(long signatureId) {
        return db.sql("""
                        UPDATE signature SET status = 'CONFIRMED', confirmed_at = :now, needs_count = TRUE,
                            state_version = state_version + 1
                        WHERE id = :id AND status = 'PENDING'""")
                .param("now", Timestamps.toDb(clock.instant())).param("id", signatureId).update() == 1;
    }

    /** The address of a signature that is pending or confirmed (so that withdrawing it can erase its mail too). */
    Optional<String> emailOfLiveSignature(long signatureId) {
        return db.sql("SELECT email FROM signature WHERE id = :id AND status IN ('PENDING', 'CONFIRMED')")
                .param("id", signatureId).query(String.class).optional();
    }

    /** Withdraws a signature and erases its personal data; false when it was neither pending nor confirmed. */
    boolean withdraw(long signatureId) {
        return db.sql("""
                        UPDATE signature SET status = 'WITHDRAWN', withdrawn_at = :now, name = NULL, email = NULL,
                            email_key_hash = NULL, city = NULL, comment = NULL, comment_status = 'NONE', updates = FALSE,
                            ip_hex = NULL, needs_count = TRUE, state_version = state_version + 1
                        WHERE id = :id AND status IN ('PENDING', 'CONFIRMED')""")
                .param("now", Timestamps.toDb(clock.instant())).param("id", signatureId).update() == 1;
    }

    /** Erases the IP addresses of signatures made before the cut-off. */
    int eraseIpAddresses(Instant before) {
        return db.sql("UPDATE signature SET ip_hex = NULL WHERE ip_hex IS NOT NULL AND created_at < :before")
                .param("before", Timestamps.toDb(before)).update();
    }

    /** Signatures never confirmed, made before the cut-off. */
    List<Long> unconfirmedBefore(Instant before) {
        return db.sql("SELECT id FROM signature WHERE status = 'PENDING' AND created_at < :before")
                .param("before", Timestamps.toDb(before)).query(Long.class).list();
    }

    /** Deletes signatures still pending (with their personal data); one confirmed meanwhile stays. */
    int deleteUnconfirmed(List<Long> ids) {
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += 1_000) {
            deleted += db.sql("DELETE FROM signature WHERE status = 'PENDING' AND id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1_000))).update();
        }
        return deleted;
    }

    /** What waits for a moderator in one appeal, and since when. */
    record Waiting(long appealId, long organizations, long comments, long flagged, Instant since) {
    }

    /** Signatures waiting for a moderator, per appeal: organizations to verify, comments, flagged. */
    List<Waiting> waitingPerAppeal() {
        return db.sql("""
                        SELECT appeal_id,
                            SUM(CASE WHEN kind = 'ORGANIZATION' AND review = 'PENDING' THEN 1 ELSE 0 END) AS organizations,
                            SUM(CASE WHEN comment_status = 'PENDING' THEN 1 ELSE 0 END) AS comments,
                            SUM(CASE WHEN flagged = TRUE THEN 1 ELSE 0 END) AS flagged,
                            MIN(confirmed_at) AS since
                        FROM signature
                        WHERE status = 'CONFIRMED'
                          AND ((kind = 'ORGANIZATION' AND review = 'PENDING') OR comment_status = 'PENDING' OR flagged = TRUE)
                        GROUP BY appeal_id ORDER BY MIN(confirmed_at), appeal_id""")
                .query((rs, row) -> new Waiting(rs.getLong("appeal_id"), rs.getLong("organizations"), rs.getLong("comments"),
                        rs.getLong("flagged"), Timestamps.fromDb(rs, "since")))
                .list();
    }
}
