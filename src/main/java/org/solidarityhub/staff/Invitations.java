package org.solidarityhub.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.platform.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * One-time links that create a staff account: invitations an admin sends, and the first-admin setup link
 * (no email: the person enters it) printed at start-up while no admin exists.
 */
@Component
class Invitations {

    record Invitation(long id, String email, Set<StaffRole> roles, String language, Long invitedBy,
                      Instant createdAt, Instant expiresAt) {

        public boolean isSetup() {
            return email == null;
        }
    }

    /** A new invitation and its token, which exists only in the link sent or printed. */
    record Issued(long id, String token) {
    }

    private final JdbcClient db;
    private final Clock clock;

    Invitations(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Issued issue(String email, Set<StaffRole> roles, String language, Long invitedBy, Duration validity) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO staff_invitation (token_hash, email, roles, language, invited_by, created_at, expires_at)
                        VALUES (:hash, :email, :roles, :language, :invitedBy, :now, :expires)""")
                .param("hash", Tokens.hash(token))
                .param("email", email)
                .param("roles", roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("language", language)
                .param("invitedBy", invitedBy)
                .param("now", Timestamps.toDb(now))
                .param("expires", Timestamps.toDb(now.plus(validity)))
                .update(key, "id");
        return new Issued(key.getKeyAs(Number.class).longValue(), token);
    }

    /** The invitation of a token, if it is neither used, revoked nor expired. */
    Optional<Invitation> usable(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return db.sql("""
                        SELECT * FROM staff_invitation
                        WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                .param("hash", Tokens.hash(token))
                .param("now", Timestamps.toDb(clock.instant()))
                .query(Invitations::map).optional();
    }

    /** Marks an invitation used; false when it was used (or revoked) meanwhile, so a link works once. */
    boolean use(long id) {
        return db.sql("UPDATE staff_invitation SET used_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
                .param("now", Timestamps.toDb(clock.instant())).param("id", id).update() == 1;
    }

    boolean revoke(long id) {
        return db.sql("UPDATE staff_invitation SET revoked_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
                .param("now", Timestamps.toDb(clock.instant())).param("id", id).update() == 1;
    }

    /** Revokes every unused first-admin setup link; only the newest printed one should work. */
    int revokeSetupLinks() {
        return db.sql("UPDATE staff_invitation SET revoked_at = :now WHERE email IS NULL AND used_at IS NULL AND revoked_at IS NULL")
                .param("now", Timestamps.toDb(clock.instant())).update();
    }

    /** Invitations sent and not yet used, revoked or expired, newest first. */
    List<Invitation> open() {
        return db.sql("""
                        SELECT * FROM staff_invitation
                        WHERE email IS NOT NULL AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        ORDER BY created_at DESC""")
                .param("now", Timestamps.toDb(clock.instant()))
                .query(Invitations::map).list();
    }

    private static Invitation map(ResultSet rs, int row) throws SQLException {
        long invitedBy = rs.getLong("invited_by");
        Long by = rs.wasNull() ? null : invitedBy;
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(StaffRole::valueOf).forEach(roles::add);
        return new Invitation(rs.getLong("id"), rs.getString("email"), roles, rs.getString("language"), by,
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "expires_at"));
    }
}
