package org.solidarityhub.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.platform.Tokens;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browsers in which an account completed both factors, recognised by a random cookie whose hash is stored.
 * They bypass the per-account throttle (never the per-IP one).
 */
@Component
class KnownDevices {

    static final String COOKIE = "staff_device";
    private static final Duration LIFETIME = Duration.ofDays(180);

    private final JdbcClient db;
    private final Clock clock;

    KnownDevices(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    boolean isKnown(HttpServletRequest request, long accountId) {
        String token = cookie(request);
        if (token == null) {
            return false;
        }
        return db.sql("SELECT COUNT(*) FROM staff_known_device WHERE token_hash = :hash AND staff_account = :account AND last_used_at > :since")
                .param("hash", Tokens.hash(token))
                .param("account", accountId)
                .param("since", Timestamps.toDb(clock.instant().minus(LIFETIME)))
                .query(Long.class).single() > 0;
    }

    /** Remembers this browser for the account (again, if it already was). */
    void remember(HttpServletRequest request, HttpServletResponse response, long accountId) {
        Instant now = clock.instant();
        String existing = cookie(request);
        if (existing != null && db.sql("UPDATE staff_known_device SET last_used_at = :now WHERE token_hash = :hash AND staff_account = :account")
                .param("now", Timestamps.toDb(now)).param("hash", Tokens.hash(existing)).param("account", accountId)
                .update() == 1) {
            return;
        }
        String token = Tokens.newToken();
        db.sql("INSERT INTO staff_known_device (staff_account, token_hash, created_at, last_used_at) VALUES (:account, :hash, :now, :now)")
                .param("account", accountId).param("hash", Tokens.hash(token)).param("now", Timestamps.toDb(now))
                .update();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, token)
                .path("/staff").httpOnly(true).secure(request.isSecure()).sameSite("Strict").maxAge(LIFETIME).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    void forgetAll(long accountId) {
        db.sql("DELETE FROM staff_known_device WHERE staff_account = :account").param("account", accountId).update();
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && Tokens.looksLikeToken(cookie.getValue())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
