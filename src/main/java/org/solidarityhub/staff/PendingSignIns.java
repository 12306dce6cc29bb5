package org.solidarityhub.staff;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Members halfway through signing in: who passed the password step waits in the session for the second
 * factor, for {@code staff.sign-in-timeout} at most, with the count of wrong codes and, while enrolling,
 * the new TOTP secret.
 */
@Component
class PendingSignIns {

    static final String ATTRIBUTE = PendingSignIns.class.getName() + ".pending";

    /** A member who passed the password step. */
    record PendingSignIn(long accountId, Instant passwordVerifiedAt, int codeAttempts, @Nullable String enrollmentSecret)
            implements Serializable {

        PendingSignIn withFailedCode() {
            return new PendingSignIn(accountId, passwordVerifiedAt, codeAttempts + 1, enrollmentSecret);
        }

        PendingSignIn withEnrollmentSecret(String secret) {
            return new PendingSignIn(accountId, passwordVerifiedAt, codeAttempts, secret);
        }
    }

    private final StaffProperties properties;
    private final Clock clock;

    PendingSignIns(StaffProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts the wait for the second factor, in a session with a new id (no session fixation). */
    void start(HttpServletRequest request, long accountId) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(ATTRIBUTE, new PendingSignIn(accountId, clock.instant(), 0, null));
    }

    /** The member waiting in this session, unless the wait timed out. */
    Optional<PendingSignIn> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        if (pending.passwordVerifiedAt().plus(properties.signInTimeout()).isBefore(clock.instant())) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    void update(HttpServletRequest request, PendingSignIn pending) {
        request.getSession().setAttribute(ATTRIBUTE, pending);
    }

    /** Ends the wait: signed in, or back to the password step. */
    void end(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }
}
