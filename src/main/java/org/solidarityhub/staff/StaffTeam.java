package org.solidarityhub.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to the team: invite by email with a one-time link, revoke invitations, change roles,
 * deactivate and reactivate. The rules: the last active admin stays an admin and active, and nobody
 * deactivates or demotes themselves. Every change is audited in its own transaction.
 */
@Service
class StaffTeam {

    /** The invitation form. */
    record Invite(@Nullable String email, @Nullable Set<StaffRole> roles) {

        static Invite empty() {
            return new Invite("", EnumSet.noneOf(StaffRole.class));
        }

        /** The form as typed, stripped, with nothing missing. */
        Invite cleaned() {
            return new Invite(email == null ? "" : email.strip(), roleSet(roles));
        }
    }

    /** The roles form of one account. */
    record ChangeRoles(@Nullable Set<StaffRole> roles) {
    }

    /** How a change to an account went: done, refused (with a message key), or there is no such account. */
    record Outcome(boolean accountExists, @Nullable String refusal) {

        static final Outcome DONE = new Outcome(true, null);
        static final Outcome NO_SUCH_ACCOUNT = new Outcome(false, null);

        static Outcome refused(String messageKey) {
            return new Outcome(true, messageKey);
        }
    }

    private final StaffAccounts accounts;
    private final Invitations invitations;
    private final KnownDevices devices;
    private final Outbox outbox;
    private final AuditLog audit;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final StaffProperties properties;

    StaffTeam(StaffAccounts accounts, Invitations invitations, KnownDevices devices, Outbox outbox, AuditLog audit,
              MessageSource messages, PlatformProperties platform, StaffProperties properties) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.devices = devices;
        this.outbox = outbox;
        this.audit = audit;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    List<StaffAccount> members() {
        return accounts.findAllByOrderByDisplayNameAsc();
    }

    /** The roles of a member (who is signed in, so exists). */
    Set<StaffRole> roles(long id) {
        return accounts.findById(id).map(StaffAccount::roleSet).orElseThrow();
    }

    List<Invitations.Invitation> openInvitations() {
        return invitations.open();
    }

    /** The message key of what is wrong with an (already cleaned) invitation form, if anything. */
    Optional<String> problem(Invite invite) {
        if (!EmailAddresses.isValid(invite.email())) {
            return Optional.of("staff.form.email.invalid");
        }
        if (invite.roles().isEmpty()) {
            return Optional.of("staff.form.roles.required");
        }
        if (accounts.findByEmailNormalized(StaffAccount.normalize(invite.email())).isPresent()) {
            return Optional.of("staff.invite.exists");
        }
        return Optional.empty();
    }

    /** Sends the invitation link, in the language of the inviting admin's page. */
    @Transactional
    void invite(Invite invite, StaffPrincipal inviter, Locale locale) {
        Invitations.Issued issued = invitations.issue(invite.email(), invite.roles(), locale.getLanguage(), inviter.id(),
                properties.invitationValidity());
        String link = platform.link("/staff/invitations/" + issued.token());
        String subject = messages.getMessage("mail.invitation.subject", null, locale);
        String body = messages.getMessage("mail.invitation.body", new Object[]{inviter.displayName(),
                roleNames(invite.roles(), locale), link, properties.invitationValidity().toDays()}, locale);
        outbox.enqueue(invite.email(), subject, body);
        audit.record("staff.invited", "staff_invitation", issued.id(), "roles=" + invite.roles());
    }

    @Transactional
    void revokeInvitation(long id) {
        if (invitations.revoke(id)) {
            audit.record("staff.invitation-revoked", "staff_invitation", id, null);
        }
    }

    @Transactional
    Outcome changeRoles(long id, ChangeRoles form, StaffPrincipal me) {
        Set<StaffRole> roles = roleSet(form.roles());
        Optional<StaffAccount> found = accounts.findById(id);
        if (found.isEmpty()) {
            return Outcome.NO_SUCH_ACCOUNT;
        }
        StaffAccount account = found.get();
        if (roles.isEmpty()) {
            return Outcome.refused("staff.form.roles.required");
        }
        if (account.has(StaffRole.ADMIN) && !roles.contains(StaffRole.ADMIN)) {
            if (account.id() == me.id()) {
                return Outcome.refused("staff.admin.notYourself");
            }
            if (account.active() && accounts.countActiveAdmins() <= 1) {
                return Outcome.refused("staff.admin.lastAdmin");
            }
        }
        accounts.save(account.withRoles(roles));
        audit.record("staff.roles-changed", "staff_account", id, "roles=" + roles);
        return Outcome.DONE;
    }

    /** Deactivates an account and forgets its known browsers, so its sessions end at their next request. */
    @Transactional
    Outcome deactivate(long id, StaffPrincipal me) {
        Optional<StaffAccount> found = accounts.findById(id);
        if (found.isEmpty()) {
            return Outcome.NO_SUCH_ACCOUNT;
        }
        StaffAccount account = found.get();
        if (account.id() == me.id()) {
            return Outcome.refused("staff.admin.notYourself");
        }
        if (account.active() && account.has(StaffRole.ADMIN) && accounts.countActiveAdmins() <= 1) {
            return Outcome.refused("staff.admin.lastAdmin");
        }
        accounts.save(account.withActive(false));
        devices.forgetAll(id);
        audit.record("staff.deactivated", "staff_account", id, null);
        return Outcome.DONE;
    }

    @Transactional
    Outcome reactivate(long id) {
        Optional<StaffAccount> found = accounts.findById(id);
        if (found.isEmpty()) {
            return Outcome.NO_SUCH_ACCOUNT;
        }
        accounts.save(found.get().withActive(true));
        audit.record("staff.reactivated", "staff_account", id, null);
        return Outcome.DONE;
    }

    /** The roles ticked in a form; none when the form sent none, and never a null element. */
    private static Set<StaffRole> roleSet(@Nullable Set<StaffRole> roles) {
        Set<StaffRole> set = EnumSet.noneOf(StaffRole.class);
        if (roles != null) {
            roles.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    private String roleNames(Set<StaffRole> roles, Locale locale) {
        return String.join(", ", roles.stream().map(r -> messages.getMessage("staff.role." + r.name(), null, locale)).toList());
    }
}
