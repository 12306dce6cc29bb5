package org.solidarityhub.reports;

import org.solidarityhub.media.Media;
import org.solidarityhub.platform.BadInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The moderators' pages: the reports that wait, and one page per report where each photo and video is approved or
 * hidden, faces are blurred (found by the detector, or regions typed per line as media's RegionText reads them), and the report
 * is published or hidden.
 */
@Controller
@RequestMapping("/staff/reports")
@PreAuthorize("hasRole('MODERATOR')")
class ReportModerationController {

    private final ReportModeration moderation;
    private final ReportStore store;
    private final ReportViews views;
    private final Media media;
    private final org.solidarityhub.events.EventDirectory events;

    ReportModerationController(ReportModeration moderation, ReportStore store, ReportViews views, Media media,
                               org.solidarityhub.events.EventDirectory events) {
        this.events = events;
        this.moderation = moderation;
        this.store = store;
        this.views = views;
        this.media = media;
    }

    @GetMapping
    String queue(java.util.Locale locale, Model model) {
        model.addAttribute("reports", views.views(store.waiting(200)));
        model.addAttribute("campaign", events.currentCampaign(locale).orElse(null));
        return "reports/staff/queue";
    }

    @GetMapping("/{id:\\d{1,18}}")
    String review(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("view", views.view(moderation.report(id)));
        model.addAttribute("canDetect", media.canDetectFaces());
        model.addAttribute("notice", done == null ? null : "reports.staff.done." + done.replaceAll("[^a-z]", ""));
        model.addAttribute("error", null);
        return "reports/staff/review";
    }

    @PostMapping("/{id:\\d{1,18}}/items/{item:\\d{1,18}}/approve")
    String approveItem(@PathVariable long id, @PathVariable long item) {
        moderation.approveItem(id, item);
        return done(id, "approved");
    }

    @PostMapping("/{id:\\d{1,18}}/items/{item:\\d{1,18}}/hide")
    String hideItem(@PathVariable long id, @PathVariable long item) {
        moderation.hideItem(id, item);
        return done(id, "hidden");
    }

    @PostMapping("/{id:\\d{1,18}}/items/{item:\\d{1,18}}/faces")
    String blurFaces(@PathVariable long id, @PathVariable long item) {
        moderation.blurFaces(id, item);
        return done(id, "blurred");
    }

    @PostMapping("/{id:\\d{1,18}}/items/{item:\\d{1,18}}/regions")
    String blurRegions(@PathVariable long id, @PathVariable long item, @RequestParam(required = false) String regions) {
        try {
            moderation.blurRegions(id, item, regions);
        } catch (BadInputException badRegions) {
            return done(id, "badregions");
        }
        return done(id, "blurred");
    }

    @PostMapping("/{id:\\d{1,18}}/publish")
    String publish(@PathVariable long id) {
        moderation.publish(id);
        return done(id, "published");
    }

    @PostMapping("/{id:\\d{1,18}}/hide")
    String hide(@PathVariable long id) {
        moderation.hide(id);
        return done(id, "reporthidden");
    }

    private static String done(long id, String what) {
        return "redirect:/staff/reports/" + id + "?done=" + what;
    }
}
