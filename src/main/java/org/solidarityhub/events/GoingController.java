package org.solidarityhub.events;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.submissions.Guard;
import org.solidarityhub.submissions.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "I'm going": the anonymous button of an event's page, and the organizers' choice on the management page. */
@Controller
class GoingController {

    private final Going going;

    GoingController(Going going) {
        this.going = going;
    }

    /** A reader clicks "I'm going" (a plain form: works without JavaScript). */
    @PostMapping("/events/{id:\\d{1,18}}/going")
    String click(@PathVariable long id, @RequestParam(name = Guard.HONEYPOT, required = false) String honeypot,
                 HttpServletRequest request) {
        if (Guard.isBot(honeypot)) {
            return "redirect:/events/" + id + "?going=counted#going"; // looks like success, counts nothing
        }
        Going.Click click = going.click(id, request.getRemoteAddr());
        return "redirect:/events/" + id + "?going=" + (click == Going.Click.COUNTED ? "counted" : "already") + "#going";
    }

    /** The organizers choose (or change) what the event offers, through its management link. */
    @PostMapping("/events/manage/{token}/going")
    String choose(@PathVariable String token, @RequestParam(name = GoingMode.FIELD, required = false) String mode,
                  @RequestParam(name = GoingChoice.HOURS_FIELD, required = false) String hours) {
        Problems problems = new Problems("events.error");
        GoingChoice chosen = GoingChoice.check(problems, mode, hours);
        Map<String, String> keys = problems.keys();
        if (!keys.isEmpty()) {
            throw new BadInputException(keys.values().iterator().next());
        }
        going.choose(token, chosen);
        return "redirect:/events/manage/" + token + "?done=going#going";
    }
}
