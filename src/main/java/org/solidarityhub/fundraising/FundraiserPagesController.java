package org.solidarityhub.fundraising;

import java.util.Locale;
import java.util.Map;

import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.ShareCards;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public fundraising pages (no JavaScript; bars are plain HTML and CSS): the list, a fundraiser's page, its
 * ledger with filters and pages, and the progress widget that partner sites frame (under /embed, see
 * events.EmbedSecurity: any site may frame it; it has no script and no form).
 */
@Controller
class FundraiserPagesController {

    private final PublicFundraising fundraising;
    private final PublicLedger ledger;
    private final FundraisingProperties properties;
    private final ShareCards shareCards;

    FundraiserPagesController(PublicFundraising fundraising, PublicLedger ledger, FundraisingProperties properties,
                              ShareCards shareCards) {
        this.shareCards = shareCards;
        this.fundraising = fundraising;
        this.ledger = ledger;
        this.properties = properties;
    }

    @GetMapping("/fundraisers")
    String list(Model model) {
        model.addAttribute("cards", fundraising.cards());
        return "fundraising/list";
    }

    @GetMapping("/fundraisers/{slug}")
    String page(@PathVariable String slug, Locale locale, Model model) {
        Fundraiser fundraiser = find(fundraising, slug);
        model.addAttribute("page", fundraising.page(fundraiser));
        shareCards.addPage(model, locale, "/fundraisers/" + fundraiser.slug(), fundraiser.title(), fundraiser.summary());
        return "fundraising/fundraiser";
    }

    @GetMapping("/fundraisers/{slug}/ledger")
    String ledger(@PathVariable String slug, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String month, @RequestParam(required = false) String need,
                  @RequestParam(required = false) String page, Model model) {
        Fundraiser f = find(fundraising, slug);
        LedgerFilter.Parsed parsed = LedgerFilter.parse(kind, month, need, page);
        if (!parsed.problems().isEmpty()) {
            throw new BadInputException(parsed.problems().values().iterator().next());
        }
        LedgerFilter filter = parsed.filter();
        int size = properties.ledgerPageSize();
        long total = ledger.count(f.id(), filter);
        Map<String, String> query = filter.query();
        model.addAttribute("fundraiser", f);
        model.addAttribute("lines", ledger.page(f.id(), filter, (filter.page() - 1) * size, size));
        model.addAttribute("total", total);
        model.addAttribute("pageNumber", filter.page());
        model.addAttribute("hasMore", (long) filter.page() * size < total);
        model.addAttribute("query", query);
        model.addAttribute("kinds", TransactionKind.values());
        model.addAttribute("needItems", fundraising.needItems(f));
        return "fundraising/ledger";
    }

    @GetMapping("/embed/fundraisers/{slug}")
    String widget(@PathVariable String slug, Model model) {
        model.addAttribute("card", fundraising.card(find(fundraising, slug)));
        return "fundraising/widget";
    }

    /** A fundraiser the public may see, or 404. */
    static Fundraiser find(PublicFundraising fundraising, String slug) {
        return fundraising.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
