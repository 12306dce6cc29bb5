package org.solidarityhub.staff;

import org.solidarityhub.platform.AuditLog;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admins manage the team: invite by email with a one-time link, change roles, deactivate and reactivate.
 * An admin cannot take away the last active admin, and cannot deactivate or demote themselves.
 */
@Controller
@RequestMapping("/staff/admin/accounts")
@PreAuthorize("hasRole('ADMIN')")
class StaffAdminController {

    record Invite(String email, Set<StaffRole> roles) {
    }

    record ChangeRoles(Set<StaffRole> roles) {
    }

    private final StaffAccounts accounts;
    private final Invitations invitations;
    private final KnownDevices devices;
    private final Outbox outbox;
    private final AuditLog audit;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final StaffProperties properties;
    private final TransactionTemplate transaction;

    StaffAdminController(StaffAccounts accounts, Invitations invitations, KnownDevices devices, Outbox outbox,
                         AuditLog audit, MessageSource messages, PlatformProperties platform, StaffProperties properties,
                         TransactionTemplate transaction) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.devices = devices;
        this.outbox = outbox;
        this.audit = audit;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
        this.transaction = transaction;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("invite")) {
            model.addAttribute("invite", new Invite("", EnumSet.noneOf(StaffRole.class)));
        }
        model.addAttribute("accounts", accounts.findAllByOrderByDisplayNameAsc());
        model.addAttribute("invitations", invitations.open());
        model.addAttribute("roles", List.of(StaffRole.values()));
        return "staff/accounts";
    }

    @PostMapping("/invite")
    String invite(Invite form, @AuthenticationPrincipal StaffPrincipal me, Locale locale, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        String email = form.email() == null ? "" : form.email().strip();
        Set<StaffRole> roles = form.roles() == null ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(nonNull(form.roles()));
        String problem = !EmailAddresses.isValid(email) ? "staff.form.email.invalid"
                : roles.isEmpty() ? "staff.form.roles.required"
                : accounts.findByEmailNormalized(StaffAccount.normalize(email)).isPresent() ? "staff.invite.exists" : null;
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invite", new Invite(email, roles));
            model.addAttribute("error", problem);
            return list(model);
        }
        transaction.executeWithoutResult(status -> {
            Invitations.Issued issued = invitations.issue(email, roles, locale.getLanguage(), me.id(), properties.invitationValidity());
            String link = platform.link("/staff/invitations/" + issued.token());
            String subject = messages.getMessage("mail.invitation.subject", null, locale);
            String body = messages.getMessage("mail.invitation.body",
                    new Object[]{me.displayName(), roleNames(roles, locale), link, properties.invitationValidity().toDays()}, locale);
            outbox.enqueue(email, subject, body);
            audit.record("staff.invited", "staff_invitation", issued.id(), "roles=" + roles);
        });
        redirect.addFlashAttribute("notice", "staff.invite.sent");
        return "redirect:/staff/admin/accounts";
    }

    @PostMapping("/invitations/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        transaction.executeWithoutResult(status -> {
            if (invitations.revoke(id)) {
                audit.record("staff.invitation-revoked", "staff_invitation", id, null);
            }
        });
        redirect.addFlashAttribute("notice", "staff.invite.revoked");
        return "redirect:/staff/admin/accounts";
    }

    @PostMapping("/{id}/roles")
    String changeRoles(@PathVariable long id, ChangeRoles form, @AuthenticationPrincipal StaffPrincipal me,
                       RedirectAttributes redirect) {
        Set<StaffRole> roles = form.roles() == null ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(nonNull(form.roles()));
        String outcome = transaction.execute(status -> {
            StaffAccount account = accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            if (roles.isEmpty()) {
                return "staff.form.roles.required";
            }
            if (account.has(StaffRole.ADMIN) && !roles.contains(StaffRole.ADMIN)) {
                if (account.id() == me.id()) {
                    return "staff.admin.notYourself";
                }
                if (account.active() && accounts.countActiveAdmins() <= 1) {
                    return "staff.admin.lastAdmin";
                }
            }
            accounts.save(account.withRoles(roles));
            audit.record("staff.roles-changed", "staff_account", id, "roles=" + roles);
            return null;
        });
        return done(redirect, outcome, "staff.admin.rolesChanged");
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        String outcome = transaction.execute(status -> {
            StaffAccount account = accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            if (account.id() == me.id()) {
                return "staff.admin.notYourself";
            }
            if (account.active() && account.has(StaffRole.ADMIN) && accounts.countActiveAdmins() <= 1) {
                return "staff.admin.lastAdmin";
            }
            accounts.save(account.withActive(false));
            devices.forgetAll(id);
            audit.record("staff.deactivated", "staff_account", id, null);
            return null;
        });
        return done(redirect, outcome, "staff.admin.deactivated");
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        transaction.executeWithoutResult(status -> {
            StaffAccount account = accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            accounts.save(account.withActive(true));
            audit.record("staff.reactivated", "staff_account", id, null);
        });
        return done(redirect, null, "staff.admin.reactivated");
    }

    private static String done(RedirectAttributes redirect, String problem, String success) {
        if (problem != null) {
            redirect.addFlashAttribute("error", problem);
        } else {
            redirect.addFlashAttribute("notice", success);
        }
        return "redirect:/staff/admin/accounts";
    }

    private static Set<StaffRole> nonNull(Set<StaffRole> roles) {
        Set<StaffRole> copy = EnumSet.noneOf(StaffRole.class);
        roles.stream().filter(java.util.Objects::nonNull).forEach(copy::add);
        return copy;
    }

    private String roleNames(Set<StaffRole> roles, Locale locale) {
        return String.join(", ", roles.stream().map(r -> messages.getMessage("staff.role." + r.name(), null, locale)).toList());
    }
}
