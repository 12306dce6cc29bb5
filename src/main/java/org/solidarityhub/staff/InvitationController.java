package org.solidarityhub.staff;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.ExpiredLinkException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
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

    private final InvitationAcceptance acceptance;

    InvitationController(InvitationAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @GetMapping({"/staff/invitations/{token}", "/staff/setup/{token}"})
    String form(@PathVariable String token, Model model) {
        Invitations.Invitation invitation = acceptance.usable(token).orElseThrow(ExpiredLinkException::new);
        model.addAttribute("invitation", invitation);
        model.addAttribute("form", new InvitationAcceptance.AcceptInvitation(invitation.email(), "", "", ""));
        return "staff/accept";
    }

    @PostMapping({"/staff/invitations/{token}", "/staff/setup/{token}"})
    String accept(@PathVariable String token, InvitationAcceptance.AcceptInvitation form, HttpServletResponse response,
                  Model model) {
        Invitations.Invitation invitation = acceptance.usable(token).orElseThrow(ExpiredLinkException::new);
        InvitationAcceptance.Outcome outcome = acceptance.accept(invitation, form);
        if (outcome.created()) {
            return "redirect:/staff/login?welcome";
        }
        response.setStatus(outcome.conflict() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("invitation", invitation);
        model.addAttribute("form", form.shown(invitation));
        model.addAttribute("error", outcome.refusal());
        return "staff/accept";
    }
}
