package org.solidarityhub.staff;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.EmailAddresses;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a usable one-time link into an account: checks what the person filled in, then creates the account
 * and uses up the link in one transaction, so that a link makes one account and an email never two.
 */
@Service
class InvitationAcceptance {

    static final int NAME_LIMIT = 100;

    /** What the person fills in; {@code email} only on the setup link. */
    record AcceptInvitation(@Nullable String email, @Nullable String displayName, @Nullable String password,
                            @Nullable String passwordRepeat) {

        /** The form for this link, with the email and name to show again and never a password. */
        AcceptInvitation shown(Invitations.Invitation invitation) {
            return new AcceptInvitation(emailFor(invitation), trim(displayName), "", "");
        }

        /** The email of the new account: the invited one, or the one typed on a setup link. */
        String emailFor(Invitations.Invitation invitation) {
            return invitation.isSetup() || invitation.email() == null ? trim(email) : invitation.email();
        }
    }

    /** How an acceptance went: the account was created, or the message key of why not. */
    record Outcome(boolean created, @Nullable String refusal, boolean conflict) {

        static final Outcome CREATED = new Outcome(true, null, false);
        static final Outcome TAKEN = new Outcome(false, "staff.invitation.taken", true);

        static Outcome refused(String messageKey) {
            return new Outcome(false, messageKey, false);
        }
    }

    private final Invitations invitations;
    private final StaffAccounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InvitationAcceptance(Invitations invitations, StaffAccounts accounts, PasswordPolicy policy, PasswordEncoder passwords,
                         AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The invitation of a link if it is neither used, revoked nor expired. */
    Optional<Invitations.Invitation> usable(String token) {
        return invitations.usable(token);
    }

    Outcome accept(Invitations.Invitation invitation, AcceptInvitation form) {
        String email = form.emailFor(invitation);
        String name = trim(form.displayName());
        Optional<String> problem = problem(email, name, form.password(), form.passwordRepeat());
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        // hashed before the transaction: bcrypt takes a while, and holds no row meanwhile
        String hash = passwords.encode(form.password());
        Boolean created = transaction.execute(status -> {
            if (accounts.findByEmailNormalized(StaffAccount.normalize(email)).isPresent() || !invitations.use(invitation.id())) {
                status.setRollbackOnly();
                return false;
            }
            StaffAccount account = accounts.save(StaffAccount.create(email, name, hash, invitation.roles(), clock.instant()));
            audit.record(new StaffPrincipal(account.id(), account.displayName()),
                    invitation.isSetup() ? "staff.first-admin-created" : "staff.invitation-accepted",
                    "staff_account", account.id(), "roles=" + invitation.roles());
            return true;
        });
        return Boolean.TRUE.equals(created) ? Outcome.CREATED : Outcome.TAKEN;
    }

    private Optional<String> problem(String email, String name, @Nullable String password, @Nullable String repeat) {
        if (!EmailAddresses.isValid(email)) {
            return Optional.of("staff.form.email.invalid");
        }
        if (name.isEmpty() || name.length() > NAME_LIMIT) {
            return Optional.of("staff.form.name.invalid");
        }
        if (password == null || !password.equals(repeat)) {
            return Optional.of("staff.password.mismatch");
        }
        return policy.problem(password, email, name);
    }

    private static String trim(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
