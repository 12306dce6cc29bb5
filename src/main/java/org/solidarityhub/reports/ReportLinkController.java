package org.solidarityhub.reports;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind a sender's emailed links (same one answer for every link that does not work): the confirmation
 * (the GET shows a button, the POST confirms: mail scanners open links) and the private status page that shows the
 * report and each item's state.
 */
@Controller
class ReportLinkController {

    private final ReportSending sending;
    private final ReportViews views;

    ReportLinkController(ReportSending sending, ReportViews views) {
        this.sending = sending;
        this.views = views;
    }

    /** Where a bot that filled the honeypot lands: it looks like success. */
    @GetMapping("/reports/sent")
    String sentToBot() {
        return "reports/sent";
    }

    @GetMapping("/reports/status/{token}")
    String status(@PathVariable String token, @RequestParam(required = false) String sent, Model model,
                  HttpServletResponse response) {
        StoredReport report = sending.byStatus(token);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("view", views.view(report));
        model.addAttribute("sent", sent != null);
        return "reports/status";
    }

    @GetMapping("/reports/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("view", views.view(sending.toConfirm(token)));
        model.addAttribute("token", token);
        return "reports/confirm";
    }

    @PostMapping("/reports/confirm/{token}")
    String confirm(@PathVariable String token) {
        sending.confirm(token);
        return "redirect:/reports/confirmed";
    }

    @GetMapping("/reports/confirmed")
    String confirmed() {
        return "reports/confirmed";
    }
}
