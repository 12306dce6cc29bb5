package org.solidarityhub.events;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.organizations.Organization;
import org.solidarityhub.organizations.Organizations;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * Submitting an event without an account, and managing it through the private emailed link: confirm,
 * edit, cancel. Works without JavaScript; a form with mistakes comes back with 400, the input kept and a
 * message at each field. No session is started.
 */
@Controller
class EventSubmissionController {

    private final Campaigns campaigns;
    private final Events events;
    private final EventRules rules;
    private final SubmissionLimits limits;
    private final Countries countries;
    private final Organizations organizations;
    private final EventsProperties properties;
    private final EventImages images;
    private final EventSeries series;

    EventSubmissionController(Campaigns campaigns, Events events, EventRules rules, SubmissionLimits limits,
                              Countries countries, Organizations organizations, EventsProperties properties,
                              EventImages images, EventSeries series) {
        this.images = images;
        this.series = series;
        this.properties = properties;
        this.campaigns = campaigns;
        this.events = events;
        this.rules = rules;
        this.limits = limits;
        this.countries = countries;
        this.organizations = organizations;
    }

    @GetMapping("/events/new")
    String form(@RequestParam(required = false) String campaign, Locale locale, Model model, HttpServletResponse response) {
        if (campaigns.noneToShow(campaign)) {
            return "events/none"; // the home page links here: explain instead of a 404
        }
        Campaign c = campaigns.forPage(campaign);
        model.addAttribute("seriesForm", SeriesForm.empty());
        return showForm(c, EventForm.empty(), Map.of(), locale, model, response);
    }

    @PostMapping("/events/new")
    String submit(@RequestParam(required = false) String campaign, EventForm form, SeriesForm seriesForm,
                  @RequestParam(name = "images", required = false) List<MultipartFile> files,
                  @RequestParam(name = Guard.HONEYPOT, required = false) String honeypot,
                  @RequestParam(name = GoingMode.FIELD, required = false) String going,
                  @RequestParam(name = GoingChoice.HOURS_FIELD, required = false) String goingHours, Locale locale, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Campaign c = campaigns.forPage(campaign);
        if (Guard.isBot(honeypot)) {
            return "redirect:/events/submitted"; // a bot: looks like success, stores nothing
        }
        limits.check(request);
        SubmitEvent submission = form.toSubmission(locale);
        EventRules.Outcome outcome = rules.check(submission, c, locale, true);
        GoingChoice goingMode = GoingChoice.check(outcome.problems(), going, goingHours);
        EventSeries.Plan plan = outcome.valid() ? series.plan(c, submission, outcome.draft(), seriesForm, locale) : null;
        if (!outcome.valid() || !plan.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(GoingMode.FIELD, going);
            model.addAttribute(GoingChoice.HOURS_FIELD, goingHours);
            return showForm(c, form, outcome.valid() ? plan.problems() : outcome.errors(), locale, model, response);
        }
        try {
            series.submit(c, outcome.draft(), plan.others(), outcome.contactEmail(), locale, goingMode, files);
        } catch (EventImages.Refused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(GoingMode.FIELD, going);
            model.addAttribute(GoingChoice.HOURS_FIELD, goingHours);
            return showForm(c, form, imageProblem(refused.key()), locale, model, response);
        }
        limits.count(request);
        return "redirect:/events/submitted";
    }

    @GetMapping("/events/submitted")
    String submitted() {
        return "events/submitted";
    }

    @GetMapping("/events/manage/{token}")
    String manage(@PathVariable String token, @RequestParam(required = false) String done, Locale locale, Model model,
                  HttpServletResponse response) {
        StoredEvent event = events.byToken(token);
        return showManage(event, token, EventForm.of(event.latest().draft()), Map.of(), done, locale, model, response);
    }

    @PostMapping("/events/manage/{token}/confirm")
    String confirm(@PathVariable String token) {
        events.confirm(token);
        return "redirect:/events/manage/" + token + "?done=confirmed";
    }

    @PostMapping("/events/manage/{token}")
    String edit(@PathVariable String token, EventForm form, Locale locale, Model model, HttpServletResponse response) {
        StoredEvent event = events.byToken(token);
        if (!event.editable()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        Campaign campaign = campaigns.byId(event.campaignId()).orElseThrow();
        EventRules.Outcome outcome = rules.check(form.toSubmission(locale), campaign, locale, false);
        if (!outcome.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showManage(event, token, form, outcome.errors(), null, locale, model, response);
        }
        Events.EditOutcome result = events.edit(token, outcome.draft());
        return "redirect:/events/manage/" + token + "?done=" + (result == Events.EditOutcome.CHANGE_QUEUED ? "queued" : "saved");
    }

    @PostMapping("/events/manage/{token}/images")
    String addImages(@PathVariable String token, @RequestParam(name = "images", required = false) List<MultipartFile> files,
                     Locale locale, Model model, HttpServletResponse response) {
        StoredEvent event = events.byToken(token);
        if (!event.editable()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        String refused;
        try {
            refused = images.addThroughLink(event, files).orElse(null);
        } catch (EventImages.Refused e) {
            refused = e.key();
        }
        if (refused != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("imageErrors", imageProblem(refused));
            return showManage(event, token, EventForm.of(event.latest().draft()), Map.of(), null, locale, model, response);
        }
        return "redirect:/events/manage/" + token + "?done=imageAdded";
    }

    @PostMapping("/events/manage/{token}/images/{media}/remove")
    String removeImage(@PathVariable String token, @PathVariable long media) {
        StoredEvent event = events.byToken(token);
        images.remove(event, media).ifPresent(key -> {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        });
        return "redirect:/events/manage/" + token + "?done=imageRemoved";
    }

    private Map<String, Problem> imageProblem(String key) {
        return Map.of("images", new Problem(key, List.of(properties.maxImages())));
    }

    @PostMapping("/events/manage/{token}/cancel")
    String cancel(@PathVariable String token) {
        events.cancel(token);
        return "redirect:/events/manage/" + token + "?done=cancelled";
    }

    private String showForm(Campaign campaign, EventForm form, Map<String, Problem> errors, Locale locale, Model model,
                            HttpServletResponse response) {
        formModel(form, errors, locale, model, response);
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignName", campaign.name(locale));
        model.addAttribute("maxOccurrences", properties.maxOccurrences());
        return "events/new";
    }

    private String showManage(StoredEvent event, String token, EventForm form, Map<String, Problem> errors, String done,
                              Locale locale, Model model, HttpServletResponse response) {
        // a private page: never kept by a browser or a shared cache
        response.setHeader("Cache-Control", "no-store");
        formModel(form, errors, locale, model, response);
        model.addAttribute("event", event);
        model.addAttribute("token", token);
        model.addAttribute("images", images.owned(event.id()));
        if (!model.containsAttribute("imageErrors")) {
            model.addAttribute("imageErrors", Map.of());
        }
        model.addAttribute("done", done == null ? null : switch (done) {
            case "confirmed" -> "events.manage.confirmed";
            case "saved" -> "events.manage.saved";
            case "queued" -> "events.manage.changeQueued";
            case "cancelled" -> "events.manage.cancelled";
            case "going" -> "events.going.form.saved";
            case "imageAdded" -> "events.images.added";
            case "imageRemoved" -> "events.images.removed";
            default -> null;
        });
        campaigns.byId(event.campaignId()).ifPresent(c -> model.addAttribute("campaignName", c.name(locale)));
        return "events/manage";
    }

    private void formModel(EventForm form, Map<String, Problem> errors, Locale locale, Model model, HttpServletResponse response) {
        if (properties.hasTiles()) {
            response.setHeader("Content-Security-Policy", EventsSecurity.policyWithTiles(properties.tileUrl()));
        }
        model.addAttribute("tileUrl", properties.tileUrl());
        model.addAttribute("tileAttribution", properties.tileAttribution());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxImages", properties.maxImages());
        model.addAttribute("types", EventType.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("countryOptions", countries.options(locale));
        model.addAttribute("timezones", TimeZones.CHOICES);
        List<String> known = organizations.searchVerified("", 100).stream().map(Organization::name).toList();
        model.addAttribute("knownOrganizations", known);
    }
}
