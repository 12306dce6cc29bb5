package org.solidarityhub.staff;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team page of admins; what may be done to whom is {@link StaffTeam}'s to decide. */
@Controller
@RequestMapping("/staff/admin/accounts")
@PreAuthorize("hasRole('ADMIN')")
class StaffAdminController {

    private final StaffTeam team;

    StaffAdminController(StaffTeam team) {
        this.team = team;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("invite")) {
            model.addAttribute("invite", StaffTeam.Invite.empty());
        }
        model.addAttribute("accounts", team.members());
        model.addAttribute("invitations", team.openInvitations());
        model.addAttribute("roles", List.of(StaffRole.values()));
        return "staff/accounts";
    }

    @PostMapping("/invite")
    String invite(StaffTeam.Invite form, @AuthenticationPrincipal StaffPrincipal me, Locale locale,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        StaffTeam.Invite invite = form.cleaned();
        Optional<String> problem = team.problem(invite);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invite", invite);
            model.addAttribute("error", problem.get());
            return list(model);
        }
        team.invite(invite, me, locale);
        redirect.addFlashAttribute("notice", "staff.invite.sent");
        return "redirect:/staff/admin/accounts";
    }

    @PostMapping("/invitations/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        team.revokeInvitation(id);
        redirect.addFlashAttribute("notice", "staff.invite.revoked");
        return "redirect:/staff/admin/accounts";
    }

    @PostMapping("/{id}/roles")
    String changeRoles(@PathVariable long id, StaffTeam.ChangeRoles form, @AuthenticationPrincipal StaffPrincipal me,
                       RedirectAttributes redirect) {
        return done(redirect, team.changeRoles(id, form, me), "staff.admin.rolesChanged");
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        return done(redirect, team.deactivate(id, me), "staff.admin.deactivated");
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, team.reactivate(id), "staff.admin.reactivated");
    }

    private static String done(RedirectAttributes redirect, StaffTeam.Outcome outcome, String success) {
        if (!outcome.accountExists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (outcome.refusal() != null) {
            redirect.addFlashAttribute("error", outcome.refusal());
        } else {
            redirect.addFlashAttribute("notice", success);
        }
        return "redirect:/staff/admin/accounts";
    }
}
