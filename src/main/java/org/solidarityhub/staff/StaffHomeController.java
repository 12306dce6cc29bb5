package org.solidarityhub.staff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff area's front page (what waits for each of the member's roles), and the audit log for admins. */
@Controller
class StaffHomeController {

    /** What waits for one of the member's roles; empty when nothing does. */
    record RoleWaiting(StaffRole role, List<Line> lines) {
    }

    /** One count: the message key of its plural form, the count, the queue's page. */
    record Line(String key, long count, String path) {
    }

    private final StaffTeam team;
    private final AuditBrowser audit;
    private final List<WaitingWork> work;

    StaffHomeController(StaffTeam team, AuditBrowser audit, List<WaitingWork> work) {
        this.team = team;
        this.audit = audit;
        this.work = work;
    }

    @GetMapping("/staff")
    String home(@AuthenticationPrincipal StaffPrincipal me, Locale locale, Model model) {
        Set<StaffRole> roles = team.roles(me.id());
        model.addAttribute("me", me);
        model.addAttribute("roles", roles);
        model.addAttribute("waiting", waiting(reachable(roles), locale));
        return "staff/home";
    }

    /** Per role the member acts in (in the enum's order), the counts above zero. */
    List<RoleWaiting> waiting(Set<StaffRole> roles, Locale locale) {
        List<WaitingWork.Waiting> all = work.stream().flatMap(w -> w.waiting().stream()).filter(w -> w.count() > 0).toList();
        List<RoleWaiting> waiting = new ArrayList<>();
        for (StaffRole role : roles) {
            waiting.add(new RoleWaiting(role, all.stream().filter(w -> w.role() == role)
                    .map(w -> new Line(w.messageKey(), w.count(), w.path())).toList()));
        }
        return waiting;
    }

    /** An admin acts in every role (see StaffConfiguration.roleHierarchy). */
    private static Set<StaffRole> reachable(Set<StaffRole> roles) {
        return roles.contains(StaffRole.ADMIN) ? EnumSet.allOf(StaffRole.class) : roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
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
