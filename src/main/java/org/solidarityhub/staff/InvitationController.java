package org.solidarityhub.staff;

import org.solidarityhub.platform.AuditLog;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.ExpiredLinkException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where a one-time link becomes an account: an invitation an admin sent (/staff/invitations/{token}) or the
 * first-admin setup link printed at start-up (/staff/setup/{token}), where the person also gives an email.
 * The second factor is enrolled at the first sign-in.
 */
@Controller
class InvitationController {

    static final int NAME_LIMIT = 100;

    /** What the person fills in; {@code email} only on the setup link. */
    record AcceptInvitation(String email, String displayName, String password, String passwordRepeat) {
    }

    private final Invitations invitations;
    private final StaffAccounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InvitationController(Invitations invitations, StaffAccounts accounts, PasswordPolicy policy, PasswordEncoder passwords,
                         AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @GetMapping({"/staff/invitations/{token}", "/staff/setup/{token}"})
    String form(@PathVariable String token, Model model) {
        Invitations.Invitation invitation = invitations.usable(token).orElseThrow(ExpiredLinkException::new);
        model.addAttribute("invitation", invitation);
        model.addAttribute("form", new AcceptInvitation(invitation.email(), "", "", ""));
        return "staff/accept";
    }

    @PostMapping({"/staff/invitations/{token}", "/staff/setup/{token}"})
    String accept(@PathVariable String token, AcceptInvitation form, HttpServletResponse response, Model model) {
        Invitations.Invitation invitation = invitations.usable(token).orElseThrow(ExpiredLinkException::new);
        String email = invitation.isSetup() ? trim(form.email()) : invitation.email();
        String name = trim(form.displayName());
        model.addAttribute("invitation", invitation);
        model.addAttribute("form", new AcceptInvitation(email, name, "", ""));
        Optional<String> problem = problem(email, name, form);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", problem.get());
            return "staff/accept";
        }
        Boolean created = transaction.execute(status -> {
            if (accounts.findByEmailNormalized(StaffAccount.normalize(email)).isPresent() || !invitations.use(invitation.id())) {
                status.setRollbackOnly();
                return false;
            }
            StaffAccount account = accounts.save(StaffAccount.create(email, name, passwords.encode(form.password()),
                    invitation.roles(), clock.instant()));
            audit.record(new StaffPrincipal(account.id(), account.displayName()),
                    invitation.isSetup() ? "staff.first-admin-created" : "staff.invitation-accepted",
                    "staff_account", account.id(), "roles=" + invitation.roles());
            return true;
        });
        if (!Boolean.TRUE.equals(created)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", "staff.invitation.taken");
            return "staff/accept";
        }
        return "redirect:/staff/login?welcome";
    }

    private Optional<String> problem(String email, String name, AcceptInvitation form) {
        if (!EmailAddresses.isValid(email)) {
            return Optional.of("staff.form.email.invalid");
        }
        if (name.isEmpty() || name.length() > NAME_LIMIT) {
            return Optional.of("staff.form.name.invalid");
        }
        if (form.password() == null || !form.password().equals(form.passwordRepeat())) {
            return Optional.of("staff.password.mismatch");
        }
        return policy.problem(form.password(), email, name);
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
