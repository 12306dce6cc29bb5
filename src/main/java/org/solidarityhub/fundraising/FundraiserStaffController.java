package org.solidarityhub.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The treasurers' pages of fundraisers: the list with a form for a new one, and a fundraiser's page with its figures,
 * settings, needs, donations (recorded by hand), purchases and what waits for a second treasurer.
 */
@Controller
@RequestMapping("/staff/fundraising")
@PreAuthorize("hasRole('TREASURER')")
class FundraiserStaffController {

    static final int LATEST = 20;

    private final Fundraisers fundraisers;
    private final Donations donations;
    private final Purchases purchases;
    private final Approvals approvals;
    private final FundraisingFigures figures;
    private final StaffViews views;
    private final Clock clock;

    FundraiserStaffController(Fundraisers fundraisers, Donations donations, Purchases purchases, Approvals approvals,
                              FundraisingFigures figures, StaffViews views, Clock clock) {
        this.fundraisers = fundraisers;
        this.donations = donations;
        this.purchases = purchases;
        this.approvals = approvals;
        this.figures = figures;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("fundraisers", fundraisers.all(false));
        model.addAttribute("waiting", approvals.pending(null).size());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Fundraisers.NewFundraiser.empty());
        }
        if (!model.containsAttribute("e")) {
            model.addAttribute("e", Map.of());
        }
        return "fundraising/staff/list";
    }

    @PostMapping
    String create(Fundraisers.NewFundraiser form, HttpServletResponse response, Model model) {
        try {
            return "redirect:/staff/fundraising/" + fundraisers.create(form);
        } catch (FormProblems e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("e", e.problems().all());
            return list(model);
        }
    }

    @GetMapping("/{id:\\d{1,18}}")
    String show(@PathVariable long id, @AuthenticationPrincipal StaffActor me, Model model) {
        Fundraiser fundraiser = fundraisers.get(id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("fundraiser", fundraiser);
        model.addAttribute("me", me.id());
        model.addAttribute("totals", figures.totals(fundraiser));
        model.addAttribute("funds", figures.funds(id));
        model.addAttribute("needs", views.needs(fundraiser));
        model.addAttribute("donations", views.donations(donations.latest(id, LATEST, 0)));
        model.addAttribute("purchases", views.purchases(purchases.latest(id, LATEST)));
        model.addAttribute("approvals", approvals.pending(id));
        model.addAttribute("priorities", Need.Priority.values());
        model.addAttribute("channels", Donation.Channel.values());
        model.addAttribute("displays", Donation.Display.values());
        model.addAttribute("states", Fundraiser.State.values());
        defaults(model, "settings", Fundraisers.Settings.of(fundraiser, fundraisers.campaignSlug(fundraiser)));
        defaults(model, "needForm", Fundraisers.NewNeed.empty());
        defaults(model, "donationForm", Donations.Form.empty(fundraiser.baseCurrency(), today));
        defaults(model, "purchaseForm", Purchases.Form.empty(fundraiser.baseCurrency(), today));
        return "fundraising/staff/show";
    }

    @PostMapping("/{id:\\d{1,18}}/settings")
    String settings(@PathVariable long id, Fundraisers.Settings form, @AuthenticationPrincipal StaffActor me,
                    HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(id, "settings", form, response, model, me, redirect, () -> {
            fundraisers.change(id, form);
            return "fundraising.staff.done.saved";
        });
    }

    @PostMapping("/{id:\\d{1,18}}/needs")
    String addNeed(@PathVariable long id, Fundraisers.NewNeed form, @AuthenticationPrincipal StaffActor me,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(id, "needForm", form, response, model, me, redirect, () -> {
            fundraisers.addNeed(id, form);
            return "fundraising.staff.done.needAdded";
        });
    }

    @PostMapping("/{id:\\d{1,18}}/needs/{need:\\d{1,18}}/state")
    String needState(@PathVariable long id, @PathVariable long need, @RequestParam(defaultValue = "") String state,
                     RedirectAttributes redirect) {
        return StaffActions.run(redirect, "/staff/fundraising/" + id, () -> {
            fundraisers.needState(id, need, "MET".equals(state) ? Need.State.MET : Need.State.OPEN);
            return "fundraising.staff.done.saved";
        });
    }

    @PostMapping("/{id:\\d{1,18}}/donations")
    String recordDonation(@PathVariable long id, Donations.Form form, @AuthenticationPrincipal StaffActor me,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(id, "donationForm", form, response, model, me, redirect, () -> {
            donations.record(id, form);
            return "fundraising.staff.done.donation";
        });
    }

    @PostMapping("/{id:\\d{1,18}}/purchases")
    String recordPurchase(@PathVariable long id, Purchases.Form form, @AuthenticationPrincipal StaffActor me,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(id, "purchaseForm", form, response, model, me, redirect, () -> purchases.record(id, form, me).pending()
                ? "fundraising.staff.done.purchaseWaits" : "fundraising.staff.done.purchase");
    }

    @PostMapping("/{id:\\d{1,18}}/approvals/{approval:\\d{1,18}}/approve")
    String approve(@PathVariable long id, @PathVariable long approval, @AuthenticationPrincipal StaffActor me,
                   RedirectAttributes redirect) {
        return StaffActions.run(redirect, "/staff/fundraising/" + id, () -> {
            approvals.approve(id, approval, me);
            return "fundraising.staff.done.approved";
        });
    }

    @PostMapping("/{id:\\d{1,18}}/approvals/{approval:\\d{1,18}}/reject")
    String reject(@PathVariable long id, @PathVariable long approval, @AuthenticationPrincipal StaffActor me,
                  RedirectAttributes redirect) {
        return StaffActions.run(redirect, "/staff/fundraising/" + id, () -> {
            approvals.reject(id, approval, me);
            return "fundraising.staff.done.rejected";
        });
    }

    /**
     * A form's action: done, back to the page with a notice; a field problem, the page again (400) with the form as
     * typed and its problems; refused as a whole, back with the reason.
     */
    private String act(long id, String formName, Object form, HttpServletResponse response, Model model,
                       StaffActor me, RedirectAttributes redirect, Supplier<String> action) {
        try {
            return StaffActions.run(redirect, "/staff/fundraising/" + id, action);
        } catch (FormProblems e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(formName, form);
            model.addAttribute(formName + "Errors", e.problems().all());
            model.addAttribute("error", "fundraising.staff.formProblems");
            return show(id, me, model);
        }
    }

    private static void defaults(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
        if (!model.containsAttribute(name + "Errors")) {
            model.addAttribute(name + "Errors", Map.of());
        }
    }
}
