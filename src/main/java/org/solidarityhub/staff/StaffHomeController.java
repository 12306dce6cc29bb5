package org.solidarityhub.staff;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff area's front page, and the audit log for admins. */
@Controller
class StaffHomeController {

    private final StaffTeam team;
    private final AuditBrowser audit;

    StaffHomeController(StaffTeam team, AuditBrowser audit) {
        this.team = team;
        this.audit = audit;
    }

    @GetMapping("/staff")
    String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("roles", team.roles(me.id()));
        return "staff/home";
    }

    @GetMapping("/staff/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String targetType,
                 @RequestParam(defaultValue = "") String targetId, @RequestParam(defaultValue = "0") int page, Model model) {
        AuditBrowser.Page entries = audit.page(action, targetType, targetId, page);
        model.addAttribute("entries", entries.entries());
        model.addAttribute("hasMore", entries.hasMore());
        model.addAttribute("page", entries.number());
        model.addAttribute("action", action);
        model.addAttribute("targetType", targetType);
        model.addAttribute("targetId", targetId);
        return "staff/audit";
    }
}
