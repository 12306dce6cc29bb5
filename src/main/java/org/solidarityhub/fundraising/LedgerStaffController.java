package org.solidarityhub.fundraising;

import org.solidarityhub.platform.StaffActor;
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
 * A fundraiser's ledger for treasurers, page by page, with its balances; each transaction can be corrected by its
 * reversal (never edited), with a reason.
 */
@Controller
@RequestMapping("/staff/fundraising/{id:\\d{1,18}}/ledger")
@PreAuthorize("hasRole('TREASURER')")
class LedgerStaffController {

    private final Fundraisers fundraisers;
    private final Ledger ledger;
    private final Corrections corrections;
    private final FundraisingProperties properties;

    LedgerStaffController(Fundraisers fundraisers, Ledger ledger, Corrections corrections,
                          FundraisingProperties properties) {
        this.fundraisers = fundraisers;
        this.ledger = ledger;
        this.corrections = corrections;
        this.properties = properties;
    }

    @GetMapping
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Fundraiser fundraiser = fundraisers.get(id);
        int number = Math.max(0, Math.min(page, 1_000_000));
        int size = properties.ledgerPageSize();
        var transactions = ledger.transactions(id, size + 1, number * size);
        model.addAttribute("fundraiser", fundraiser);
        model.addAttribute("transactions", transactions.subList(0, Math.min(size, transactions.size())));
        model.addAttribute("hasMore", transactions.size() > size);
        model.addAttribute("page", number);
        model.addAttribute("balances", ledger.balances(id));
        return "fundraising/staff/ledger";
    }

    @PostMapping("/{transaction:\\d{1,18}}/reverse")
    String reverse(@PathVariable long id, @PathVariable long transaction, @RequestParam(required = false) String reason,
                   @AuthenticationPrincipal StaffActor me, RedirectAttributes redirect) {
        String page = "/staff/fundraising/" + id + "/ledger";
        try {
            return StaffActions.run(redirect, page, () -> corrections.request(id, transaction, reason, me).pending()
                    ? "fundraising.staff.done.correctionWaits" : "fundraising.staff.done.reversed");
        } catch (FormProblems e) {
            redirect.addFlashAttribute("error", "fundraising.staff.reasonProblem");
            return "redirect:" + page;
        }
    }
}
