package org.solidarityhub.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.QrCode;
import org.solidarityhub.staff.PendingSignIns.PendingSignIn;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of staff sign-in, in two steps: email and password, then a TOTP code. A member without a TOTP
 * secret enrolls one at this point (QR code and secret shown once), so nobody reaches /staff with one factor.
 * Failures are throttled per IP address and per account (not per account in a browser the account signed
 * in from before); the answers never tell whether an email has an account. Who passed the password step
 * waits in the session ({@link PendingSignIns}) for at most {@link #MAX_CODE_ATTEMPTS} wrong codes.
 */
@Service
class StaffSignIn {

    static final int MAX_CODE_ATTEMPTS = 5;

    record PasswordStep(@Nullable String email, @Nullable String password) {
    }

    record CodeStep(@Nullable String code) {
    }

    /** Where a step leads. */
    enum Result {
        /** Too many failures from this address or for this account: try later. */
        THROTTLED,
        WRONG_PASSWORD,
        WRONG_CODE,
        /** Too many wrong codes: back to the password step, with a word why. */
        START_AGAIN,
        /** Nobody is halfway through signing in (or the time ran out): back to the password step. */
        RESTART,
        TO_CODE,
        TO_ENROLL,
        /** Show the page of this step. */
        SHOW,
        SIGNED_IN
    }

    /** What the enrollment page shows besides the result: the QR code and the secret, grouped for typing. */
    record Enrollment(Result result, @Nullable String qr, @Nullable String secret) {
    }

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final StaffSessions sessions;
    private final PendingSignIns pendingSignIns;
    private final AuditLog audit;
    private final StaffProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String dummyHash;

    StaffSignIn(StaffAccounts accounts, PasswordEncoder passwords, SignInThrottle throttle, KnownDevices devices,
                StaffSessions sessions, PendingSignIns pendingSignIns, AuditLog audit, StaffProperties properties,
                TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.devices = devices;
        this.sessions = sessions;
        this.pendingSignIns = pendingSignIns;
        this.audit = audit;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        // compared against when the email has no account, so both cases take as long
        this.dummyHash = passwords.encode("not a password of anyone " + Instant.now());
    }

    /** The first step; on success the member waits in a new session for the second. */
    Result password(PasswordStep step, HttpServletRequest request) {
        String email = step.email() == null ? "" : step.email().strip();
        String accountKey = StaffAccount.normalize(email);
        String ip = request.getRemoteAddr();
        if (!throttle.ipAllowed(ip)) {
            return Result.THROTTLED;
        }
        Optional<StaffAccount> account = email.length() > 254 ? Optional.empty() : accounts.findByEmailNormalized(accountKey);
        boolean knownDevice = account.isPresent() && devices.isKnown(request, account.get().id());
        if (!knownDevice && !throttle.accountAllowed(accountKey)) {
            return Result.THROTTLED;
        }
        String password = step.password() == null ? "" : step.password();
        boolean matches = passwordMatches(password, account.map(StaffAccount::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches || !account.get().active()) {
            throttle.failed(ip, accountKey);
            account.ifPresent(a -> audit.record(principal(a), "staff.sign-in-failed", "staff_account", a.id(), "password"));
            return Result.WRONG_PASSWORD;
        }
        pendingSignIns.start(request, account.get().id());
        return account.get().enrolled() ? Result.TO_CODE : Result.TO_ENROLL;
    }

    private boolean passwordMatches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false; // longer than bcrypt takes
        }
    }

    /** Whether the code page is the one to show now. */
    Result codeForm(HttpServletRequest request) {
        Optional<StaffAccount> account = pendingSignIns.current(request).flatMap(p -> accounts.findById(p.accountId()));
        if (account.isEmpty()) {
            return Result.RESTART;
        }
        return account.get().enrolled() ? Result.SHOW : Result.TO_ENROLL;
    }

    /** The second step of an enrolled member. A code counts once, even in a race. */
    Result code(CodeStep step, HttpServletRequest request, HttpServletResponse response) {
        Optional<PendingSignIn> pending = pendingSignIns.current(request);
        Optional<StaffAccount> account = pending.flatMap(p -> accounts.findById(p.accountId())).filter(StaffAccount::active);
        if (pending.isEmpty() || account.isEmpty() || !account.get().enrolled()) {
            return Result.RESTART;
        }
        if (!throttle.ipAllowed(request.getRemoteAddr())) {
            return Result.THROTTLED;
        }
        StaffAccount member = account.get();
        OptionalLong usedStep = Totp.verify(member.totpSecret(), step.code(), clock.instant(), member.totpLastStep());
        if (usedStep.isEmpty() || accounts.useTotpStep(member.id(), usedStep.getAsLong()) != 1) {
            return wrongCode(pending.get(), member, request);
        }
        return complete(member, request, response);
    }

    /** The enrollment page: a new secret the first time it is shown, the same one after. */
    Enrollment enrollForm(HttpServletRequest request) {
        Optional<PendingSignIn> pending = pendingSignIns.current(request);
        Optional<StaffAccount> account = pending.flatMap(p -> accounts.findById(p.accountId()));
        if (pending.isEmpty() || account.isEmpty()) {
            return new Enrollment(Result.RESTART, null, null);
        }
        if (account.get().enrolled()) {
            return new Enrollment(Result.TO_CODE, null, null);
        }
        PendingSignIn state = pending.get();
        String secret = state.enrollmentSecret();
        if (secret == null) {
            secret = Totp.newSecret();
            pendingSignIns.update(request, state.withEnrollmentSecret(secret));
        }
        return enrollment(Result.SHOW, account.get(), secret);
    }

    /** The second step of a member who enrolls: the first code from the new secret signs them in. */
    Enrollment enroll(CodeStep step, HttpServletRequest request, HttpServletResponse response) {
        Optional<PendingSignIn> pending = pendingSignIns.current(request);
        Optional<StaffAccount> account = pending.flatMap(p -> accounts.findById(p.accountId())).filter(StaffAccount::active);
        String secret = pending.map(PendingSignIn::enrollmentSecret).orElse(null);
        if (pending.isEmpty() || account.isEmpty() || secret == null) {
            return new Enrollment(Result.RESTART, null, null);
        }
        StaffAccount member = account.get();
        if (member.enrolled()) {
            return new Enrollment(Result.TO_CODE, null, null);
        }
        if (!throttle.ipAllowed(request.getRemoteAddr())) {
            return enrollment(Result.THROTTLED, member, secret);
        }
        OptionalLong usedStep = Totp.verify(secret, step.code(), clock.instant(), null);
        if (usedStep.isEmpty()) {
            return enrollment(wrongCode(pending.get(), member, request), member, secret);
        }
        StaffAccount enrolled = transaction.execute(status -> {
            StaffAccount saved = accounts.save(member.withTotp(secret, usedStep.getAsLong()));
            audit.record(principal(saved), "staff.totp-enrolled", "staff_account", saved.id(), null);
            return saved;
        });
        return new Enrollment(complete(enrolled, request, response), null, null);
    }

    private Enrollment enrollment(Result result, StaffAccount account, String secret) {
        String uri = Totp.uri(properties.totpIssuer(), account.email(), secret);
        return new Enrollment(result, QrCode.svg(uri, "QR code"), Totp.grouped(secret));
    }

    private Result wrongCode(PendingSignIn pending, StaffAccount member, HttpServletRequest request) {
        throttle.failed(request.getRemoteAddr(), member.emailNormalized());
        audit.record(principal(member), "staff.sign-in-failed", "staff_account", member.id(), "code");
        PendingSignIn next = pending.withFailedCode();
        if (next.codeAttempts() >= MAX_CODE_ATTEMPTS) {
            pendingSignIns.end(request.getSession());
            return Result.START_AGAIN;
        }
        pendingSignIns.update(request, next);
        return Result.WRONG_CODE;
    }

    private Result complete(StaffAccount member, HttpServletRequest request, HttpServletResponse response) {
        sessions.signIn(member, request, response);
        devices.remember(request, response, member.id());
        throttle.succeeded(member.emailNormalized());
        audit.record(principal(member), "staff.signed-in", "staff_account", member.id(), null);
        return Result.SIGNED_IN;
    }

    private static StaffPrincipal principal(StaffAccount account) {
        return new StaffPrincipal(account.id(), account.displayName());
    }
}
