package org.solidarityhub.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What moderators do to signatures. Every decision is audited in the same transaction. */
@Component
class SignatureModeration {

    /** A signature as staff see it (never shown publicly). */
    record StaffView(long id, long appealId, String kind, String status, String name, String email, String country,
                     String city, String display, String organizationName, Long organizationId, String website,
                     String review, String comment, String commentStatus, boolean updates, boolean flagged, String ip,
                     Instant createdAt, Instant confirmedAt, String invalidReason) {
    }

    static final int SEARCH_LIMIT = 500;
    private static final String SELECT = """
            SELECT s.*, o.name AS organization_name, o.website FROM signature s
            LEFT JOIN organization o ON o.id = s.organization_id""";

    private final JdbcClient db;
    private final Organizations organizations;
    private final AuditLog audit;
    private final SignatureCounts counts;

    SignatureModeration(JdbcClient db, Organizations organizations, AuditLog audit, SignatureCounts counts) {
        this.db = db;
        this.organizations = organizations;
        this.audit = audit;
        this.counts = counts;
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
        return db.sql(sql + " LIMIT " + SEARCH_LIMIT).param("appeal", appealId).query(SignatureModeration::view).list();
    }

    Optional<StaffView> find(long appealId, long id) {
        return db.sql(SELECT + " WHERE s.appeal_id = :appeal AND s.id = :id").param("appeal", appealId).param("id", id)
                .query(SignatureModeration::view).optional();
    }

    /** Signatures by exact email (as normalized for signing), email domain, or IP range (hex bounds). */
    List<StaffView> search(long appealId, String email, String domain, IpAddresses.Range ips) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE s.appeal_id = :appeal");
        var query = new java.util.LinkedHashMap<String, Object>();
        query.put("appeal", appealId);
        if (email != null) {
            sql.append(" AND s.email_key_hash = :key");
            query.put("key", EmailKey.hash(email));
        }
        if (domain != null) {
            sql.append(" AND LOWER(s.email) LIKE :domain ESCAPE '\\'");
            query.put("domain", "%@" + domain.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        if (ips != null) {
            sql.append(" AND s.ip_hex BETWEEN :low AND :high");
            query.put("low", ips.low());
            query.put("high", ips.high());
        }
        sql.append(" ORDER BY s.created_at DESC LIMIT " + SEARCH_LIMIT);
        return db.sql(sql.toString()).params(query).query(SignatureModeration::view).list();
    }

    @Transactional
    boolean verifyOrganization(long appealId, long id) {
        Optional<StaffView> signature = find(appealId, id).filter(s -> "ORGANIZATION".equals(s.kind()));
        if (signature.isEmpty() || !review(id, "VERIFIED")) {
            return false;
        }
        organizations.verify(signature.get().organizationId());
        audit.record("appeal.organization-verified", "signature", id, "organization=" + signature.get().organizationId());
        return true;
    }

    @Transactional
    boolean rejectOrganization(long appealId, long id) {
        if (find(appealId, id).filter(s -> "ORGANIZATION".equals(s.kind())).isEmpty() || !review(id, "REJECTED")) {
            return false;
        }
        audit.record("appeal.organization-rejected", "signature", id, null);
        return true;
    }

    private boolean review(long id, String outcome) {
        return db.sql("UPDATE signature SET review = :outcome, needs_count = TRUE, state_version = state_version + 1 WHERE id = :id AND review = 'PENDING'")
                .param("outcome", outcome).param("id", id).update() == 1;
    }

    @Transactional
    boolean moderateComment(long appealId, long id, boolean approve) {
        int changed = db.sql("UPDATE signature SET comment_status = :status WHERE id = :id AND appeal_id = :appeal AND comment_status = 'PENDING'")
                .param("status", approve ? "APPROVED" : "REJECTED").param("id", id).param("appeal", appealId).update();
        if (changed == 1) {
            audit.record(approve ? "appeal.comment-approved" : "appeal.comment-rejected", "signature", id, null);
        }
        return changed == 1;
    }

    @Transactional
    boolean release(long appealId, long id) {
        int changed = db.sql("""
                        UPDATE signature SET flagged = FALSE, needs_count = TRUE, state_version = state_version + 1
                        WHERE id = :id AND appeal_id = :appeal AND flagged = TRUE""")
                .param("id", id).param("appeal", appealId).update();
        if (changed == 1) {
            audit.record("appeal.signature-released", "signature", id, null);
        }
        return changed == 1;
    }

    /** Invalidates signatures with a reason (audited one by one), then recounts the appeal. */
    int invalidate(long appealId, List<Long> ids, String reason) {
        int changed = invalidateInTransaction(appealId, ids, reason);
        if (changed > 0) {
            counts.recount(appealId);
        }
        return changed;
    }

    @Transactional
    int invalidateInTransaction(long appealId, List<Long> ids, String reason) {
        int changed = 0;
        for (long id : ids) {
            if (db.sql("""
                            UPDATE signature SET status = 'INVALIDATED', invalid_reason = :reason, needs_count = TRUE,
                                state_version = state_version + 1
                            WHERE id = :id AND appeal_id = :appeal AND status IN ('PENDING', 'CONFIRMED')""")
                    .param("reason", reason).param("id", id).param("appeal", appealId).update() == 1) {
                audit.record("appeal.signature-invalidated", "signature", id, reason);
                changed++;
            }
        }
        return changed;
    }

    /** Confirmed signatures for the export, oldest first. */
    List<StaffView> confirmed(long appealId) {
        return db.sql(SELECT + " WHERE s.appeal_id = :appeal AND s.status = 'CONFIRMED' ORDER BY s.confirmed_at, s.id")
                .param("appeal", appealId).query(SignatureModeration::view).list();
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
