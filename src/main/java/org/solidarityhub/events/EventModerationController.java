package org.solidarityhub.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.organizations.Organization;
import org.solidarityhub.platform.Countries;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moderators work through the queue of new events and of changes to published ones (old and new side by
 * side), approve or reject with a reason that is emailed, and see which events ask for a speaker.
 */
@Controller
@RequestMapping("/staff/events")
@PreAuthorize("hasRole('MODERATOR')")
class EventModerationController {

    static final int REASON_LIMIT = 2000;

    /** One line of the side-by-side review. */
    record Line(String label, String current, String proposed) {

        public boolean changed() {
            return current != null && !Objects.equals(current, proposed);
        }
    }

    private final Events events;
    private final Countries countries;
    private final MessageSource messages;
    private final LikelyDuplicates duplicates;
    private final PlacePreview maps;

    EventModerationController(Events events, Countries countries, MessageSource messages, LikelyDuplicates duplicates,
                              PlacePreview maps) {
        this.duplicates = duplicates;
        this.maps = maps;
        this.events = events;
        this.countries = countries;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("queue", events.queue());
        model.addAttribute("done", notice(done));
        return "events/staff/queue";
    }

    @GetMapping("/speakers")
    String speakers(Model model) {
        model.addAttribute("events", events.speakerRequests());
        return "events/staff/speakers";
    }

    @GetMapping("/{id}")
    String review(@PathVariable long id, Locale locale, Model model) {
        StoredEvent event = events.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return showReview(event, null, "", locale, model);
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam long revision,
                   @RequestParam(required = false) java.util.Set<Long> verify) {
        if (!events.approve(id, revision, verify == null ? java.util.Set.of() : verify)) {
            return "redirect:/staff/events/" + id + "?changed=1";
        }
        return "redirect:/staff/events?done=approved";
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, @RequestParam long revision, @RequestParam(defaultValue = "") String reason,
                  Locale locale, Model model, HttpServletResponse response) {
        String text = reason.strip();
        if (text.isEmpty() || text.length() > REASON_LIMIT) {
            StoredEvent event = events.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showReview(event, "events.error.reason", reason, locale, model);
        }
        if (!events.reject(id, revision, text)) {
            return "redirect:/staff/events/" + id + "?changed=1";
        }
        return "redirect:/staff/events?done=rejected";
    }

    private String showReview(StoredEvent event, String error, String reason, Locale locale, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("error", error);
        model.addAttribute("reason", reason);
        Draft proposed = event.latest() == null ? null : event.latest().draft();
        Draft current = event.pending() != null && event.published() != null ? event.published().draft() : null;
        model.addAttribute("isChange", current != null);
        model.addAttribute("duplicates", event.inQueue() ? duplicates.of(event) : List.of());
        model.addAttribute("placeMap", proposed == null || proposed.online() ? ""
                : maps.svg(proposed.latitude(), proposed.longitude(), String.join(", ", nonEmpty(proposed.city(), proposed.country()))));
        model.addAttribute("unverified", event.pending() == null ? List.of()
                : event.pending().organizations().stream().filter(o -> !o.verified()).toList());
        model.addAttribute("lines", proposed == null ? List.of() : lines(current, proposed,
                event.published() == null ? List.of() : event.published().organizations(),
                event.latest().organizations(), locale));
        return "events/staff/review";
    }

    private List<Line> lines(Draft current, Draft proposed, List<Organization> currentOrganizations,
                             List<Organization> proposedOrganizations, Locale locale) {
        List<Line> lines = new ArrayList<>();
        add(lines, "events.form.field.title", current, proposed, Draft::title, locale);
        add(lines, "events.form.field.type", current, proposed, d -> message(d.type().messageKey(), locale), locale);
        add(lines, "events.form.field.start", current, proposed, d -> d.startsLocal().toString().replace('T', ' ') + " " + d.zone().getId(), locale);
        add(lines, "events.form.field.end", current, proposed, d -> d.endsLocal().toString().replace('T', ' ') + " " + d.zone().getId(), locale);
        add(lines, "events.staff.field.place", current, proposed, d -> d.online() ? message("events.show.online", locale)
                : String.join(", ", nonEmpty(d.venue(), d.address(), d.city(), countries.name(d.country(), locale))), locale);
        add(lines, "events.staff.field.coordinates", current, proposed, d -> d.latitude() == null ? "" : d.latitude().toPlainString() + ", " + d.longitude().toPlainString(), locale);
        add(lines, "events.form.field.visibility", current, proposed, d -> message("events.visibility.short." + d.visibility().name(), locale), locale);
        add(lines, "events.form.field.onlineUrl", current, proposed, d -> d.onlineUrl() == null ? "" : d.onlineUrl(), locale);
        add(lines, "events.form.field.languages", current, proposed, d -> String.join(", ", d.languages()), locale);
        add(lines, "events.form.field.description", current, proposed, Draft::description, locale);
        add(lines, "events.form.field.organizers", current, proposed, Draft::organizers, locale);
        lines.add(new Line(message("events.form.field.organizations", locale),
                current == null ? null : names(currentOrganizations), names(proposedOrganizations)));
        add(lines, "events.form.field.accessibility", current, proposed, Draft::accessibility, locale);
        add(lines, "events.form.field.speaker", current, proposed, d -> d.speakerRequested() ? "✓" : "—", locale);
        return lines;
    }

    private void add(List<Line> lines, String key, Draft current, Draft proposed, java.util.function.Function<Draft, String> value,
                     Locale locale) {
        lines.add(new Line(message(key, locale), current == null ? null : value.apply(current), value.apply(proposed)));
    }

    private static String names(List<Organization> organizations) {
        return String.join(", ", organizations.stream().map(o -> o.name() + " (" + o.country() + ")").toList());
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> list = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                list.add(part);
            }
        }
        return list;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "approved" -> "events.staff.review.approved";
            case "rejected" -> "events.staff.review.rejected";
            default -> null;
        };
    }
}
