package org.solidarityhub.events;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.submissions.Guard;
import org.solidarityhub.submissions.LinkButtonPage;
import org.solidarityhub.submissions.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the sign-up ({@link Participants}), without JavaScript: the form under an event (and its page again
 * with the problems), "check your mail", the confirmation and the leaving behind emailed links (GET shows a button,
 * POST acts; the POST of leaving is also the one-click unsubscribe of RFC 8058, let through by
 * {@code platform.CrossSiteRequests} for its path), and the organizers' message from the management page.
 */
@Controller
class ParticipantsController {

    private final Participants participants;
    private final Guard guard;

    ParticipantsController(Participants participants, Guard guard) {
        this.participants = participants;
        this.guard = guard;
    }

    @PostMapping("/events/{id:\\d{1,18}}/going/sign-up")
    String signUp(@PathVariable long id, Participants.SignUp form,
                  @RequestParam(name = Guard.HONEYPOT, required = false) @Nullable String honeypot, Locale locale,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        if (Guard.isBot(honeypot)) {
            return "redirect:/events/" + id + "/going/sent"; // looks like success, stores nothing
        }
        guard.check(participants.policy(), request.getRemoteAddr());
        StoredEvent event = participants.openForSignUp(id);
        Map<String, Problem> errors = participants.check(form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("event", event.published().draft());
            model.addAttribute("eventId", id);
            model.addAttribute("signUp", form);
            model.addAttribute("signUpErrors", errors);
            return "events/participants/sign-up";
        }
        guard.count(participants.policy(), request.getRemoteAddr());
        participants.signUp(event, form, locale);
        return "redirect:/events/" + id + "/going/sent";
    }

    /** The same answer whether or not the address had signed up before. */
    @GetMapping("/events/{id:\\d{1,18}}/going/sent")
    String sent(@PathVariable long id, Model model) {
        return notice("events.participants.sent", id, model);
    }

    @GetMapping("/events/going/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        participants.toConfirm(token);
        return LinkButtonPage.view(model, "events.participants.confirm", "confirm-form", ParticipantMails.CONFIRM_PATH + token);
    }

    @PostMapping("/events/going/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        return notice("events.participants.confirmed", participants.confirm(token), model);
    }

    @GetMapping("/events/going/unsubscribe/{token}")
    String leavePage(@PathVariable String token, Model model) {
        participants.toLeave(token);
        return LinkButtonPage.view(model, "events.participants.leave", "leave-form", ParticipantMails.LEAVE_PATH + token);
    }

    /** The button of the page, and the one-click POST of mail programs (RFC 8058): left at once, and nothing else. */
    @PostMapping("/events/going/unsubscribe/{token}")
    String leave(@PathVariable String token, Model model) {
        participants.leave(token);
        return notice("events.participants.left", null, model);
    }

    /** The organizers write to the confirmed participants; they learn only how many it went to. */
    @PostMapping("/events/manage/{token}/participants/message")
    String write(@PathVariable String token, Participants.Message message, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        participants.writable(token);
        Map<String, Problem> errors = participants.check(message);
        model.addAttribute("token", token);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("participantMessage", message);
            model.addAttribute("messageErrors", errors);
            return "events/participants/write";
        }
        model.addAttribute("recipients", participants.write(token, message));
        return "events/participants/written";
    }

    /** A page behind an emailed link: the texts of {@code page} and the button that posts to {@code action}. */
    /** What a step did: the texts of {@code page}, and a link back to the event when known. */
    private static String notice(String page, @Nullable Long eventId, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("eventId", eventId);
        return "events/participants/notice";
    }
}
