package org.solidarityhub.updates;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.appeal.UpdatesAudience;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.news.NewsPosts;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors' page of updates: choose a post and an audience, send it to yourself first, then to the audience, and
 * follow its progress (queued, sent, failed). A form with a mistake comes back with 400 and the reason.
 */
@Controller
@RequestMapping("/staff/news/updates")
@PreAuthorize("hasRole('EDITOR')")
class StaffUpdatesController {

    /**
     * The form: the post's id and the audience ({@code SUBSCRIBERS}, {@code APPEAL:12}, {@code CAMPAIGN:3}). Serializable:
     * kept as a flash attribute in the staff session, which lives in the database.
     */
    record SendForm(@Nullable String post, @Nullable String audience) implements java.io.Serializable {
    }

    private final UpdateSending sending;
    private final UpdateProgress progress;
    private final UpdateStore store;
    private final NewsPosts posts;
    private final UpdatesAudience appeals;
    private final EventDirectory events;
    private final SubscriberStore subscribers;

    StaffUpdatesController(UpdateSending sending, UpdateProgress progress, UpdateStore store, NewsPosts posts,
                           UpdatesAudience appeals, EventDirectory events, SubscriberStore subscribers) {
        this.sending = sending;
        this.progress = progress;
        this.store = store;
        this.posts = posts;
        this.appeals = appeals;
        this.events = events;
        this.subscribers = subscribers;
    }

    @GetMapping
    String page(Model model, Locale locale) {
        model.addAttribute("posts", posts.recent(100));
        model.addAttribute("appeals", appeals.appeals());
        model.addAttribute("campaigns", events.campaigns(locale));
        model.addAttribute("subscribers", subscribers.confirmedCount());
        model.addAttribute("updates", progress.recent(20));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SendForm(null, null));
        }
        return "updates/staff/updates";
    }

    @PostMapping("/test")
    String test(SendForm form, @AuthenticationPrincipal StaffActor me, Model model, Locale locale,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            int mails = sending.testSend(postId(form), me);
            redirect.addFlashAttribute("tested", mails);
            redirect.addFlashAttribute("form", form);
            return "redirect:/staff/news/updates";
        } catch (UpdateSending.Refused refused) {
            return refused(refused, form, model, locale, response);
        }
    }

    @PostMapping
    String send(SendForm form, @AuthenticationPrincipal StaffActor me, Model model, Locale locale,
                HttpServletResponse response) {
        try {
            AudienceChoice audience = AudienceChoice.parse(form.audience());
            long id = sending.send(postId(form), audience.audience(), audience.id(), me);
            return "redirect:/staff/news/updates/" + id;
        } catch (UpdateSending.Refused refused) {
            return refused(refused, form, model, locale, response);
        }
    }

    @GetMapping("/{id:\\d{1,18}}")
    String show(@PathVariable long id, Model model) {
        UpdateStore.Update update = store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("figures", progress.of(update));
        return "updates/staff/update";
    }

    private String refused(UpdateSending.Refused refused, SendForm form, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", refused.key);
        model.addAttribute("form", form);
        return page(model, locale);
    }

    private static long postId(SendForm form) {
        String post = form.post() == null ? "" : form.post().strip();
        if (!post.matches("\\d{1,18}")) {
            throw new UpdateSending.Refused("updates.error.noPost");
        }
        return Long.parseLong(post);
    }

    /** An audience as the form names it. */
    record AudienceChoice(Audience audience, @Nullable Long id) {

        static AudienceChoice parse(@Nullable String value) {
            String v = value == null ? "" : value.strip();
            if (v.equals("SUBSCRIBERS")) {
                return new AudienceChoice(Audience.SUBSCRIBERS, null);
            }
            int colon = v.indexOf(':');
            if (colon > 0 && v.substring(colon + 1).matches("\\d{1,18}")) {
                for (Audience a : Audience.values()) {
                    if (a != Audience.SUBSCRIBERS && a.name().equals(v.substring(0, colon))) {
                        return new AudienceChoice(a, Long.parseLong(v.substring(colon + 1)));
                    }
                }
            }
            throw new UpdateSending.Refused("updates.error.audience");
        }
    }
}
