package org.solidarityhub.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The treasurers' page of a fundraiser's pledges: those confirmed and waiting for their money, each with the forms to
 * record its money as a donation, to match it to a donation recorded already (typed or imported), or to cancel it;
 * and the latest decided.
 */
@Controller
@RequestMapping("/staff/fundraising/{id:\\d{1,18}}/pledges")
@PreAuthorize("hasRole('TREASURER')")
class PledgeStaffController {

    static final int SHOWN = 100;

    private final Fundraisers fundraisers;
    private final Pledges pledges;
    private final Clock clock;

    PledgeStaffController(Fundraisers fundraisers, Pledges pledges, Clock clock) {
        this.fundraisers = fundraisers;
        this.pledges = pledges;
        this.clock = clock;
    }

    @GetMapping
    String list(@PathVariable long id, Model model) {
        Fundraiser fundraiser = fundraisers.get(id);
        model.addAttribute("fundraiser", fundraiser);
        model.addAttribute("waiting", pledges.waiting(id, SHOWN));
        model.addAttribute("decided", pledges.decided(id, SHOWN));
        model.addAttribute("promised", pledges.promised(id));
        model.addAttribute("channels", java.util.Arrays.stream(Donation.Channel.values())
                .filter(c -> c != Donation.Channel.IN_KIND).toList());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "fundraising/staff/pledges";
    }

    @PostMapping("/{pledge:\\d{1,18}}/receive")
    String receive(@PathVariable long id, @PathVariable long pledge, Pledges.Receipt receipt, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        try {
            return StaffActions.run(redirect, page(id), () -> {
                pledges.receive(id, pledge, receipt);
                return "fundraising.staff.done.pledgeReceived";
            });
        } catch (FormProblems e) {
            return again(id, pledge, e, model, response);
        }
    }

    @PostMapping("/{pledge:\\d{1,18}}/match")
    String match(@PathVariable long id, @PathVariable long pledge, @RequestParam(required = false) @Nullable String donation,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            return StaffActions.run(redirect, page(id), () -> {
                pledges.match(id, pledge, donation);
                return "fundraising.staff.done.pledgeMatched";
            });
        } catch (FormProblems e) {
            return again(id, pledge, e, model, response);
        }
    }

    @PostMapping("/{pledge:\\d{1,18}}/cancel")
    String cancel(@PathVariable long id, @PathVariable long pledge, RedirectAttributes redirect) {
        return StaffActions.run(redirect, page(id), () -> {
            pledges.cancel(id, pledge);
            return "fundraising.staff.done.pledgeCancelled";
        });
    }

    /** The page again with 400 and the problems at the fields of this pledge's forms. */
    private String again(long id, long pledge, FormProblems e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", e.problems().all());
        model.addAttribute("errorsOf", pledge);
        return list(id, model);
    }

    private static String page(long id) {
        return "/staff/fundraising/" + id + "/pledges";
    }
}
