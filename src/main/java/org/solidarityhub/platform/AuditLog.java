package org.solidarityhub.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: who did what to what, when. Every feature records its staff actions here, in the same
 * transaction as the action. Entries are never changed; admins browse them at /staff/audit. It lives in the
 * platform so that every feature can record without depending on the staff module.
 */
@Service
public class AuditLog {

    /** One entry. {@code actorId} is null for the system itself. */
    public record Entry(long id, Instant occurredAt, Long actorId, String actorName, String action,
                        String targetType, String targetId, String detail) {
    }

    public static final String SYSTEM = "system";

    private final JdbcClient db;
    private final Clock clock;

    AuditLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records an action of the signed-in staff member (or of the system, when nobody is signed in). */
    @Transactional
    public void record(String action, String targetType, Object targetId, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        StaffActor actor = authentication != null && authentication.getPrincipal() instanceof StaffActor p ? p : null;
        record(actor, action, targetType, targetId, detail);
    }

    /** Records an action of a given member (before the member is signed in, as at sign-in itself). */
    @Transactional
    public void record(StaffActor actor, String action, String targetType, Object targetId, String detail) {
        db.sql("""
                        INSERT INTO audit_event (occurred_at, actor_id, actor_name, action, target_type, target_id, detail)
                        VALUES (:at, :actorId, :actorName, :action, :targetType, :targetId, :detail)""")
                .param("at", Timestamps.toDb(clock.instant()))
                .param("actorId", actor == null ? null : actor.id())
                .param("actorName", actor == null ? SYSTEM : clip(actor.displayName(), 100))
                .param("action", clip(action, 64))
                .param("targetType", targetType == null ? null : clip(targetType, 40))
                .param("targetId", targetId == null ? null : clip(String.valueOf(targetId), 64))
                .param("detail", detail == null ? null : clip(detail, 2000))
                .update();
    }

    /** Newest first; {@code action} filters by prefix ("staff." or "staff.invited"), blank for all. */
    public List<Entry> search(String action, String targetType, String targetId, int limit, int offset) {
        return db.sql("""
                        SELECT * FROM audit_event
                        WHERE (:action = '' OR action LIKE :actionPrefix)
                          AND (:targetType = '' OR target_type = :targetType)
                          AND (:targetId = '' OR target_id = :targetId)
                        ORDER BY occurred_at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("action", action)
                .param("actionPrefix", action.replace("\\", "").replace("%", "").replace("_", "\\_") + "%")
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditLog::map).list();
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        long actor = rs.getLong("actor_id");
        return new Entry(rs.getLong("id"), Timestamps.fromDb(rs, "occurred_at"), rs.wasNull() ? null : actor,
                rs.getString("actor_name"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("detail"));
    }

    /** The text cut to at most {@code max} characters. */
    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
