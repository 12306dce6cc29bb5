package org.solidarityhub.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaBusyException;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.submissions.Guard;
import org.solidarityhub.submissions.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Sending a report without an account, in one plain multipart form that works without JavaScript: through an
 * event's management link (no confirmation: the link proves the organizer), or from a campaign's page (confirmed
 * from an emailed link). A form with mistakes comes back with 400, the text kept and a message at each field; a
 * refused file keeps nothing of the report. The sender then sees the report as received and each item's state.
 */
@Controller
class ReportSubmissionController {

    private final EventDirectory events;
    private final ReportRules rules;
    private final ReportUploads uploads;
    private final ReportSending sending;
    private final RequestedBlur blur;
    private final ReportGuard guard;
    private final ReportStore store;
    private final ReportViews views;
    private final Media media;
    private final Countries countries;
    private final ReportsProperties properties;

    ReportSubmissionController(EventDirectory events, ReportRules rules, ReportUploads uploads, ReportSending sending,
                               RequestedBlur blur, ReportGuard guard, ReportStore store, ReportViews views, Media media,
                               Countries countries, ReportsProperties properties) {
        this.events = events;
        this.rules = rules;
        this.uploads = uploads;
        this.sending = sending;
        this.blur = blur;
        this.guard = guard;
        this.store = store;
        this.views = views;
        this.media = media;
        this.countries = countries;
        this.properties = properties;
    }

    @GetMapping("/events/manage/{token}/report")
    String eventForm(@PathVariable String token, @RequestParam(required = false) String sent, Model model,
                     HttpServletResponse response) {
        EventDirectory.EventRef event = events.byManagementToken(token);
        return showEventForm(event, token, ReportForm.empty(), Map.of(), sent != null, model, response);
    }

    @PostMapping("/events/manage/{token}/report")
    String sendForEvent(@PathVariable String token, ReportForm form,
                        @RequestParam(name = "files", required = false) List<MultipartFile> files,
                        @RequestParam(name = "uploads", required = false) List<String> uploadIds,
                        @RequestParam(name = Guard.HONEYPOT, required = false) String honeypot, Locale locale, Model model,
                        HttpServletRequest request, HttpServletResponse response) {
        EventDirectory.EventRef event = events.byManagementToken(token);
        if (Guard.isBot(honeypot)) {
            return "redirect:/events/manage/" + token + "/report?sent";
        }
        guard.check(request);
        ReportRules.Outcome outcome = rules.check(form, false);
        Checked checked = check(outcome, files, uploadIds, ReportUploads.formOf(event), form.blurRequested(), response);
        if (checked.files() == null) {
            return showEventForm(event, token, form, checked.errors(), false, model, response);
        }
        store(checked.files(), () -> sending.forEvent(event, outcome, checked.files(), locale, request.getRemoteAddr()), request);
        return "redirect:/events/manage/" + token + "/report?sent";
    }

    @GetMapping("/reports/new")
    String campaignForm(@RequestParam(required = false) String campaign, Locale locale, Model model) {
        EventDirectory.CampaignRef c = events.campaignForPage(campaign, locale);
        return showCampaignForm(c, ReportForm.empty(), Map.of(), locale, model);
    }

    @PostMapping("/reports/new")
    String sendForCampaign(@RequestParam(required = false) String campaign, ReportForm form,
                           @RequestParam(name = "files", required = false) List<MultipartFile> files,
                           @RequestParam(name = "uploads", required = false) List<String> uploadIds,
                           @RequestParam(name = Guard.HONEYPOT, required = false) String honeypot, Locale locale, Model model,
                           HttpServletRequest request, HttpServletResponse response) {
        EventDirectory.CampaignRef c = events.campaignForPage(campaign, locale);
        if (Guard.isBot(honeypot)) {
            return "redirect:/reports/sent";
        }
        guard.check(request);
        ReportRules.Outcome outcome = rules.check(form, true);
        Checked checked = check(outcome, files, uploadIds, ReportUploads.formOf(c), form.blurRequested(), response);
        if (checked.files() == null) {
            return showCampaignForm(c, form, checked.errors(), locale, model);
        }
        ReportSending.Sent sent = store(checked.files(),
                () -> sending.forCampaign(c, outcome, checked.files(), locale, request.getRemoteAddr()), request);
        return "redirect:/reports/status/" + sent.statusToken() + "?sent";
    }

    /** The fields' problems, or the files accepted by the media module (all or none). */
    private record Checked(Map<String, Problem> errors, ReportUploads.@Nullable Accepted files) {
    }

    private Checked check(ReportRules.Outcome outcome, @Nullable List<MultipartFile> parts, @Nullable List<String> uploadIds,
                          String uploadForm, boolean blurRequested, HttpServletResponse response) {
        Map<String, Problem> errors = new LinkedHashMap<>(outcome.problems().all());
        List<MultipartFile> chosen = ReportUploads.chosen(parts);
        List<String> named = ReportUploads.named(uploadIds);
        if (!errors.isEmpty()) {
            if (!chosen.isEmpty() || !named.isEmpty()) {
                // a browser never sends files back: say so, rather than let them seem kept
                errors.putIfAbsent("files", new Problem("reports.error.filesAgain", List.of()));
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new Checked(errors, null);
        }
        try {
            return new Checked(Map.of(), uploads.accept(chosen, named, uploadForm, blurRequested));
        } catch (ReportUploads.Refused refused) {
            errors.put("files", refused.problem());
            response.setStatus(MediaBusyException.KEY.equals(refused.problem().key())
                    ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.BAD_REQUEST.value());
            return new Checked(errors, null);
        }
    }

    /** Stores the report; if that fails, its accepted files are discarded too. */
    private ReportSending.Sent store(ReportUploads.Accepted files, java.util.function.Supplier<ReportSending.Sent> send,
                                     HttpServletRequest request) {
        ReportSending.Sent sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            uploads.discard(files.mediaIds());
            throw e;
        }
        guard.count(request);
        blur.apply(files.mediaIds());
        return sent;
    }

    private String showEventForm(EventDirectory.EventRef event, String token, ReportForm form, Map<String, Problem> errors,
                                 boolean sent, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store"); // a private page
        formModel(form, errors, model);
        model.addAttribute("event", event);
        model.addAttribute("token", token);
        model.addAttribute("sent", sent);
        model.addAttribute("reports", views.views(store.ofEvent(event.id())));
        return "reports/event-form";
    }

    private String showCampaignForm(EventDirectory.CampaignRef campaign, ReportForm form, Map<String, Problem> errors,
                                    Locale locale, Model model) {
        formModel(form, errors, model);
        model.addAttribute("campaign", campaign);
        model.addAttribute("countryOptions", countries.options(locale));
        return "reports/new";
    }

    private void formModel(ReportForm form, Map<String, Problem> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canBlur", media.canDetectFaces());
        model.addAttribute("acceptsVideo", media.acceptsVideo());
        model.addAttribute("maxFiles", properties.maxFiles());
        model.addAttribute("maxLinks", properties.maxLinks());
        model.addAttribute("maxAttendance", properties.maxAttendance());
    }
}
