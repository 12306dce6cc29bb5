package org.solidarityhub.events;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.submissions.Guard;
import org.solidarityhub.submissions.Problem;
import org.solidarityhub.submissions.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My events": an organizer enters their email address and gets one mail with a fresh management link for each of
 * their events, without an account. The answer is the same whether the address has events or not (nobody learns
 * who submitted what); the shared honeypot and limits stand before it ({@link SubmissionLimits}).
 */
@Controller
class MyEventsController {

    private final Events events;
    private final SubmissionLimits limits;

    MyEventsController(Events events, SubmissionLimits limits) {
        this.events = events;
        this.limits = limits;
    }

    @GetMapping("/events/mine")
    String form(Model model) {
        return show("", Map.of(), model);
    }

    @PostMapping("/events/mine")
    String send(@RequestParam(defaultValue = "") String email,
                @RequestParam(name = Guard.HONEYPOT, required = false) String honeypot, Locale locale, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        if (Guard.isBot(honeypot)) {
            return "redirect:/events/mine/sent"; // a bot: the same answer, nothing mailed
        }
        limits.checkMyEvents(request);
        Problems problems = new Problems("events.error");
        String address = EventRules.line(problems, "email", email, EmailAddresses.MAX_LENGTH, true);
        if (address != null && !EmailAddresses.isValid(address)) {
            problems.add("email", "email");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(email, problems.all(), model);
        }
        if (limits.countMyEvents(request, address)) {
            events.mailManagementLinks(address, locale);
        }
        return "redirect:/events/mine/sent";
    }

    @GetMapping("/events/mine/sent")
    String sent() {
        return "events/mine-sent";
    }

    private static String show(String email, Map<String, Problem> errors, Model model) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "events/mine";
    }
}
