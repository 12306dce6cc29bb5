package org.solidarityhub.fundraising;

import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.StaffActor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/** A treasurer publishes a fundraiser's next numbered report ("Day 23") from its ledger as it is. */
@Controller
@RequestMapping("/staff/fundraising/{id:\\d{1,18}}/reports")
@PreAuthorize("hasRole('TREASURER')")
class NumberedReportStaffController {

    private final Fundraisers fundraisers;
    private final NumberedReports reports;

    NumberedReportStaffController(Fundraisers fundraisers, NumberedReports reports) {
        this.fundraisers = fundraisers;
        this.reports = reports;
    }

    @GetMapping
    String list(@PathVariable long id, Model model) {
        Fundraiser f = fundraisers.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("fundraiser", f);
        model.addAttribute("reports", reports.all(id));
        if (!model.containsAttribute("title")) {
            model.addAttribute("title", "");
        }
        return "fundraising/staff/reports";
    }

    @PostMapping
    String publish(@PathVariable long id, @RequestParam(required = false) String title,
                   @AuthenticationPrincipal StaffActor me, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        Fundraiser f = fundraisers.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            NumberedReport report = reports.publish(f, title, me.id());
            redirect.addFlashAttribute("notice", "fundraising.report.published");
            redirect.addFlashAttribute("noticeArgument", report.number());
            return "redirect:/staff/fundraising/" + id + "/reports";
        } catch (BadInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.reasonKey());
            model.addAttribute("title", title == null ? "" : title);
            return list(id, model);
        }
    }
}
