package org.solidarityhub.appeal;

import org.solidarityhub.submissions.EmailKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of signatures as staff see and moderate them: what waits for a decision, search, the decisions
 * themselves (each changes a row only if it was still undecided, so deciding twice does nothing) and the
 * export. Transactions and audit entries are the callers'.
 */
@Component
class StaffSignatures {

    /** A signature as staff see it (never shown publicly). */
    record StaffView(long id, long appealId, String kind, String status, String name, String email, String country,
                     String city, String display, String organizationName, Long organizationId, String website,
                     String review, String comment, String commentStatus, boolean updates, boolean flagged, String ip,
                     Instant createdAt, Instant confirmedAt, String invalidReason) {
    }

    /** The most any list or search shows. */
    static final int LIMIT = 500;
    private static final String SELECT = """
            SELECT s.*, o.name AS organization_name, o.website FROM signature s
            LEFT JOIN organization o ON o.id = s.organization_id""";

    private final JdbcClient db;
    private final ContentVersions versions;

    StaffSignatures(JdbcClient db, ContentVersions versions) {
        this.versions = versions;
        this.db = db;
    }

    List<StaffView> organizationsToVerify(long appealId) {
        return list(SELECT + " WHERE s.appeal_id = :appeal AND s.kind = 'ORGANIZATION' AND s.status = 'CONFIRMED' AND s.review = 'PENDING' ORDER BY s.confirmed_at", appealId);
    }

    List<StaffView> commentsToModerate(long appealId) {
        return list(SELECT + " WHERE s.appeal_id = :appeal AND s.status = 'CONFIRMED' AND s.comment_status = 'PENDING' ORDER BY s.confirmed_at", appealId);
    }

    List<StaffView> flagged(long appealId) {
        return list(SELECT + " WHERE s.appeal_id = :appeal AND s.status = 'CONFIRMED' AND s.flagged = TRUE ORDER BY s.confirmed_at", appealId);
    }

    private List<StaffView> list(String sql, long appealId) {
        return db.sql(sql + " LIMIT " + LIMIT).param("appeal", appealId).query(StaffSignatures::view).list();
    }

    Optional<StaffView> find(long appealId, long id) {
        return db.sql(SELECT + " WHERE s.appeal_id = :appeal AND s.id = :id").param("appeal", appealId).param("id", id)
                .query(StaffSignatures::view).optional();
    }

    /** Signatures by exact email (as normalized for signing), email domain, or IP range (hex bounds), newest first. */
    List<StaffView> search(long appealId, @Nullable String email, @Nullable String domain, IpAddresses.@Nullable Range ips) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE s.appeal_id = :appeal");
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("appeal", appealId);
        if (email != null) {
            sql.append(" AND s.email_key_hash = :key");
            query.put("key", EmailKey.hash(email));
        }
        if (domain != null) {
            sql.append(" AND LOWER(s.email) LIKE :domain ESCAPE '\\'");
            query.put("domain", "%@" + domain.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        if (ips != null) {
            sql.append(" AND s.ip_hex BETWEEN :low AND :high");
            query.put("low", ips.low());
            query.put("high", ips.high());
        }
        sql.append(" ORDER BY s.created_at DESC LIMIT " + LIMIT);
        return db.sql(sql.toString()).params(query).query(StaffSignatures::view).list();
    }

    /** Decides a pending organization review (VERIFIED or REJECTED); false if it was decided already. */
    boolean review(long id, String outcome) {
        return db.sql("UPDATE signature SET review = :outcome, needs_count = TRUE, state_version = state_version + 1 WHERE id = :id AND review = 'PENDING'")
                .param("outcome", outcome).param("id", id).update() == 1;
    }

    /** Approves or rejects a pending comment; false if it was decided already. */
    boolean moderateComment(long appealId, long id, boolean approve) {
        boolean decided = db.sql("UPDATE signature SET comment_status = :status WHERE id = :id AND appeal_id = :appeal AND comment_status = 'PENDING'")
                .param("status", approve ? "APPROVED" : "REJECTED").param("id", id).param("appeal", appealId).update() == 1;
        if (decided && approve) {
            versions.changed(AppealPages.version(appealId)); // the comment shows on the public pages
        }
        return decided;
    }

    /** Counts a flagged signature after all; false if it is not flagged. */
    boolean release(long appealId, long id) {
        return db.sql("""
                        UPDATE signature SET flagged = FALSE, needs_count = TRUE, state_version = state_version + 1
                        WHERE id = :id AND appeal_id = :appeal AND flagged = TRUE""")
                .param("id", id).param("appeal", appealId).update() == 1;
    }

    /** Invalidates a pending or confirmed signature; false if it is neither (or not of this appeal). */
    boolean invalidate(long appealId, long id, String reason) {
        return db.sql("""
                        UPDATE signature SET status = 'INVALIDATED', invalid_reason = :reason, needs_count = TRUE,
                            state_version = state_version + 1
                        WHERE id = :id AND appeal_id = :appeal AND status IN ('PENDING', 'CONFIRMED')""")
                .param("reason", reason).param("id", id).param("appeal", appealId).update() == 1;
    }

    /** Confirmed signatures for the export, oldest first. */
    List<StaffView> confirmed(long appealId) {
        return db.sql(SELECT + " WHERE s.appeal_id = :appeal AND s.status = 'CONFIRMED' ORDER BY s.confirmed_at, s.id")
                .param("appeal", appealId).query(StaffSignatures::view).list();
    }

    private static StaffView view(ResultSet rs, int row) throws SQLException {
        long organizationId = rs.getLong("organization_id");
        Long organization = rs.wasNull() ? null : organizationId;
        String ip = rs.getString("ip_hex");
        return new StaffView(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("kind"), rs.getString("status"),
                rs.getString("name"), rs.getString("email"), rs.getString("country"), rs.getString("city"),
                rs.getString("display"), rs.getString("organization_name"), organization, rs.getString("website"),
                rs.getString("review"), rs.getString("comment"), rs.getString("comment_status"), rs.getBoolean("updates"),
                rs.getBoolean("flagged"), ip == null ? null : IpAddresses.fromHex(ip), Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "confirmed_at"), rs.getString("invalid_reason"));
    }
}
