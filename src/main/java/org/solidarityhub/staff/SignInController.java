package org.solidarityhub.staff;

import org.solidarityhub.platform.AuditLog;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Staff sign-in in two steps: email and password, then a TOTP code. A member without a TOTP secret enrolls
 * one at this point (QR code and secret shown once), so nobody reaches /staff with one factor.
 * Failures are throttled per IP address and per account; the messages never tell whether an email has an
 * account.
 */
@Controller
@RequestMapping("/staff/login")
class SignInController {

    static final String PENDING = SignInController.class.getName() + ".pending";
    static final int MAX_CODE_ATTEMPTS = 5;

    /** A member who passed the password step, in the session until the second factor. */
    record PendingSignIn(long accountId, Instant passwordVerifiedAt, int codeAttempts, String enrollmentSecret)
            implements Serializable {

        PendingSignIn withFailedCode() {
            return new PendingSignIn(accountId, passwordVerifiedAt, codeAttempts + 1, enrollmentSecret);
        }

        PendingSignIn withEnrollmentSecret(String secret) {
            return new PendingSignIn(accountId, passwordVerifiedAt, codeAttempts, secret);
        }
    }

    record PasswordStep(String email, String password) {
    }

    record CodeStep(String code) {
    }

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final StaffProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String dummyHash;

    SignInController(StaffAccounts accounts, PasswordEncoder passwords, SignInThrottle throttle, KnownDevices devices,
                     StaffSessions sessions, AuditLog audit, StaffProperties properties, TransactionTemplate transaction,
                     Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.devices = devices;
        this.sessions = sessions;
        this.audit = audit;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        // compared against when the email has no account, so both cases take as long
        this.dummyHash = passwords.encode("not a password of anyone " + Instant.now());
    }

    @GetMapping
    String form(Model model) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof StaffPrincipal) {
            return "redirect:/staff";
        }
        model.addAttribute("form", new PasswordStep("", ""));
        return "staff/login";
    }

    @PostMapping
    String password(PasswordStep step, HttpServletRequest request, HttpServletResponse response, Model model) {
        String email = step.email() == null ? "" : step.email().strip();
        String accountKey = StaffAccount.normalize(email);
        model.addAttribute("form", new PasswordStep(email, ""));
        String ip = request.getRemoteAddr();
        if (!throttle.ipAllowed(ip)) {
            return refuse(response, model, HttpStatus.TOO_MANY_REQUESTS, "staff.signin.throttled", "staff/login");
        }
        Optional<StaffAccount> account = email.length() > 254 ? Optional.empty() : accounts.findByEmailNormalized(accountKey);
        boolean knownDevice = account.isPresent() && devices.isKnown(request, account.get().id());
        if (!knownDevice && !throttle.accountAllowed(accountKey)) {
            return refuse(response, model, HttpStatus.TOO_MANY_REQUESTS, "staff.signin.throttled", "staff/login");
        }
        String password = step.password() == null ? "" : step.password();
        boolean matches = passwordMatches(password, account.map(StaffAccount::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches || !account.get().active()) {
            throttle.failed(ip, accountKey);
            account.ifPresent(a -> audit.record(new StaffPrincipal(a.id(), a.displayName()), "staff.sign-in-failed",
                    "staff_account", a.id(), "password"));
            return refuse(response, model, HttpStatus.UNAUTHORIZED, "staff.signin.wrong", "staff/login");
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(PENDING, new PendingSignIn(account.get().id(), clock.instant(), 0, null));
        return account.get().enrolled() ? "redirect:/staff/login/code" : "redirect:/staff/login/enroll";
    }

    private boolean passwordMatches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false; // longer than bcrypt takes
        }
    }

    @GetMapping("/code")
    String codeForm(HttpServletRequest request) {
        Optional<StaffAccount> account = pending(request).flatMap(p -> accounts.findById(p.accountId()));
        if (account.isEmpty()) {
            return "redirect:/staff/login";
        }
        return account.get().enrolled() ? "staff/code" : "redirect:/staff/login/enroll";
    }

    @PostMapping("/code")
    String code(CodeStep step, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<PendingSignIn> pending = pending(request);
        Optional<StaffAccount> account = pending.flatMap(p -> accounts.findById(p.accountId())).filter(StaffAccount::active);
        if (account.isEmpty() || !account.get().enrolled()) {
            return "redirect:/staff/login";
        }
        String ip = request.getRemoteAddr();
        if (!throttle.ipAllowed(ip)) {
            return refuse(response, model, HttpStatus.TOO_MANY_REQUESTS, "staff.signin.throttled", "staff/code");
        }
        StaffAccount member = account.get();
        OptionalLong usedStep = Totp.verify(member.totpSecret(), step.code(), clock.instant(), member.totpLastStep());
        if (usedStep.isEmpty() || accounts.useTotpStep(member.id(), usedStep.getAsLong()) != 1) {
            return wrongCode(pending.get(), member, request, response, model, "staff/code");
        }
        return complete(member, "staff.signed-in", request, response);
    }

    @GetMapping("/enroll")
    String enrollForm(HttpServletRequest request, Model model) {
        Optional<PendingSignIn> pending = pending(request);
        Optional<StaffAccount> account = pending.flatMap(p -> accounts.findById(p.accountId()));
        if (account.isEmpty()) {
            return "redirect:/staff/login";
        }
        if (account.get().enrolled()) {
            return "redirect:/staff/login/code";
        }
        PendingSignIn state = pending.get();
        if (state.enrollmentSecret() == null) {
            state = state.withEnrollmentSecret(Totp.newSecret());
            request.getSession().setAttribute(PENDING, state);
        }
        enrollmentModel(model, account.get(), state.enrollmentSecret());
        return "staff/enroll";
    }

    @PostMapping("/enroll")
    String enroll(CodeStep step, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<PendingSignIn> pending = pending(request);
        Optional<StaffAccount> account = pending.flatMap(p -> accounts.findById(p.accountId())).filter(StaffAccount::active);
        if (account.isEmpty() || pending.get().enrollmentSecret() == null) {
            return "redirect:/staff/login";
        }
        StaffAccount member = account.get();
        if (member.enrolled()) {
            return "redirect:/staff/login/code";
        }
        String secret = pending.get().enrollmentSecret();
        enrollmentModel(model, member, secret);
        if (!throttle.ipAllowed(request.getRemoteAddr())) {
            return refuse(response, model, HttpStatus.TOO_MANY_REQUESTS, "staff.signin.throttled", "staff/enroll");
        }
        OptionalLong usedStep = Totp.verify(secret, step.code(), clock.instant(), null);
        if (usedStep.isEmpty()) {
            return wrongCode(pending.get(), member, request, response, model, "staff/enroll");
        }
        StaffAccount enrolled = transaction.execute(status -> {
            StaffAccount saved = accounts.save(member.withTotp(secret, usedStep.getAsLong()));
            audit.record(new StaffPrincipal(saved.id(), saved.displayName()), "staff.totp-enrolled", "staff_account", saved.id(), null);
            return saved;
        });
        return complete(enrolled, "staff.signed-in", request, response);
    }

    private void enrollmentModel(Model model, StaffAccount account, String secret) {
        String uri = Totp.uri(properties.totpIssuer(), account.email(), secret);
        model.addAttribute("qr", QrCode.svg(uri, "QR code"));
        model.addAttribute("secret", Totp.grouped(secret));
    }

    private String wrongCode(PendingSignIn pending, StaffAccount member, HttpServletRequest request,
                             HttpServletResponse response, Model model, String view) {
        throttle.failed(request.getRemoteAddr(), member.emailNormalized());
        audit.record(new StaffPrincipal(member.id(), member.displayName()), "staff.sign-in-failed", "staff_account",
                member.id(), "code");
        PendingSignIn next = pending.withFailedCode();
        if (next.codeAttempts() >= MAX_CODE_ATTEMPTS) {
            request.getSession().removeAttribute(PENDING);
            return "redirect:/staff/login?again";
        }
        request.getSession().setAttribute(PENDING, next);
        return refuse(response, model, HttpStatus.UNAUTHORIZED, "staff.signin.wrongCode", view);
    }

    private String complete(StaffAccount member, String action, HttpServletRequest request, HttpServletResponse response) {
        sessions.signIn(member, request, response);
        devices.remember(request, response, member.id());
        throttle.succeeded(member.emailNormalized());
        audit.record(new StaffPrincipal(member.id(), member.displayName()), action, "staff_account", member.id(), null);
        return "redirect:/staff";
    }

    private Optional<PendingSignIn> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        if (pending.passwordVerifiedAt().plus(properties.signInTimeout()).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    private static String refuse(HttpServletResponse response, Model model, HttpStatus status, String messageKey, String view) {
        response.setStatus(status.value());
        model.addAttribute("error", messageKey);
        return view;
    }
}
