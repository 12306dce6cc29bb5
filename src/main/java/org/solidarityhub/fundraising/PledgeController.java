package org.solidarityhub.fundraising;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.submissions.Guard;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Pledging without an account, in a plain form that works without JavaScript: the amount, how the pledger appears,
 * an optional earmark and their address; then the emailed link, whose page shows how to give and the reference to
 * write on the transfer. A form with mistakes comes back with 400 and a message at each field.
 */
@Controller
class PledgeController {

    private final Fundraisers fundraisers;
    private final Pledges pledges;
    private final PledgeGuard guard;

    PledgeController(Fundraisers fundraisers, Pledges pledges, PledgeGuard guard) {
        this.fundraisers = fundraisers;
        this.pledges = pledges;
        this.guard = guard;
    }

    @GetMapping("/fundraisers/{slug}/pledge")
    String form(@PathVariable String slug, Model model) {
        Fundraiser fundraiser = open(slug);
        return show(fundraiser, Pledges.Form.empty(fundraiser.baseCurrency()), Map.of(), model);
    }

    @PostMapping("/fundraisers/{slug}/pledge")
    String pledge(@PathVariable String slug, Pledges.Form form,
                  @RequestParam(name = Guard.HONEYPOT, required = false) @Nullable String honeypot, Locale locale,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        Fundraiser fundraiser = open(slug);
        if (Guard.isBot(honeypot)) {
            return "redirect:/fundraisers/pledges/sent";
        }
        guard.check(request);
        try {
            pledges.pledge(fundraiser, form, locale);
        } catch (FormProblems e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(fundraiser, form, e.problems().all(), model);
        }
        guard.count(request);
        return "redirect:/fundraisers/pledges/sent";
    }

    @GetMapping("/fundraisers/pledges/sent")
    String sent() {
        return "fundraising/pledge-sent";
    }

    @GetMapping("/fundraisers/pledges/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        Pledge pledge = pledges.toConfirm(token);
        model.addAttribute("pledge", pledge);
        model.addAttribute("fundraiser", fundraisers.get(pledge.fundraiserId()));
        model.addAttribute("token", token);
        return pledge.state() == Pledge.State.UNCONFIRMED ? "fundraising/pledge-confirm" : "fundraising/pledge-confirmed";
    }

    @PostMapping("/fundraisers/pledges/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        Pledge pledge = pledges.confirm(token);
        model.addAttribute("pledge", pledge);
        model.addAttribute("fundraiser", fundraisers.get(pledge.fundraiserId()));
        return "fundraising/pledge-confirmed";
    }

    private String show(Fundraiser fundraiser, Pledges.Form form, Map<String, ?> errors, Model model) {
        model.addAttribute("fundraiser", fundraiser);
        model.addAttribute("needs", fundraisers.needs(fundraiser.id()).stream().filter(n -> n.state() == Need.State.OPEN).toList());
        model.addAttribute("currencies", PledgeCurrencies.offered(fundraiser.baseCurrency()));
        model.addAttribute("displays", Donation.Display.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "fundraising/pledge";
    }

    /** A public fundraiser that takes pledges; else 404 (a draft) or the closed page's reason. */
    private Fundraiser open(String slug) {
        Fundraiser fundraiser = fundraisers.bySlug(slug).filter(Fundraiser::isPublic)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (fundraiser.state() != Fundraiser.State.OPEN) {
            throw new org.solidarityhub.platform.BadInputException("fundraising.pledge.closed");
        }
        return fundraiser;
    }
}
