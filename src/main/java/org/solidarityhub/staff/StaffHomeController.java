package org.solidarityhub.staff;

import org.solidarityhub.platform.AuditLog;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff area's front page, and the audit log for admins. */
@Controller
class StaffHomeController {

    static final int AUDIT_PAGE = 50;

    private final StaffAccounts accounts;
    private final AuditLog audit;

    StaffHomeController(StaffAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/staff")
    String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("roles", accounts.findById(me.id()).map(StaffAccount::roleSet).orElseThrow());
        return "staff/home";
    }

    @GetMapping("/staff/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String targetType,
                 @RequestParam(defaultValue = "") String targetId, @RequestParam(defaultValue = "0") int page, Model model) {
        int safePage = Math.max(0, Math.min(page, 100_000));
        List<AuditLog.Entry> entries = audit.search(AuditLog.clip(action.strip(), 64), AuditLog.clip(targetType.strip(), 40),
                AuditLog.clip(targetId.strip(), 64), AUDIT_PAGE + 1, safePage * AUDIT_PAGE);
        model.addAttribute("entries", entries.subList(0, Math.min(entries.size(), AUDIT_PAGE)));
        model.addAttribute("hasMore", entries.size() > AUDIT_PAGE);
        model.addAttribute("page", safePage);
        model.addAttribute("action", action);
        model.addAttribute("targetType", targetType);
        model.addAttribute("targetId", targetId);
        return "staff/audit";
    }
}
