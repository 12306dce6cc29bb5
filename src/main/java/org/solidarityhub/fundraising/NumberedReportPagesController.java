package org.solidarityhub.fundraising;

import java.time.ZoneOffset;
import java.util.Locale;

import org.solidarityhub.platform.DateTimes;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A numbered report in public: its figures summed from its snapshot, its hashes, the canonical texts they are the
 * SHA-256 of ({@code rows.txt}, {@code report.txt}: {@code curl -s URL | sha256sum}), and a page that recomputes
 * both from the ledger as it is now.
 */
@Controller
class NumberedReportPagesController {

    static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final PublicFundraising fundraising;
    private final NumberedReports reports;
    private final FundraisingFigures figures;
    private final PlatformProperties platform;

    NumberedReportPagesController(PublicFundraising fundraising, NumberedReports reports, FundraisingFigures figures,
                                  PlatformProperties platform) {
        this.platform = platform;
        this.fundraising = fundraising;
        this.reports = reports;
        this.figures = figures;
    }

    @GetMapping("/fundraisers/{slug}/reports/{number:\\d{1,9}}")
    String report(@PathVariable String slug, @PathVariable int number, Locale locale, Model model) {
        Fundraiser f = FundraiserPagesController.find(fundraising, slug);
        NumberedReport report = find(f, number);
        model.addAttribute("fundraiser", f);
        model.addAttribute("report", report);
        model.addAttribute("publishedAt", DateTimes.of(locale).dateTime(report.publishedAt(), ZoneOffset.UTC));
        model.addAttribute("totals", figures.totals(f, report.upToTransaction()));
        model.addAttribute("needs", fundraising.needs(f, report.upToTransaction()));
        String base = "/fundraisers/" + f.slug() + "/reports/" + report.number();
        model.addAttribute("rowsUrl", platform.link(base + "/rows.txt"));
        model.addAttribute("reportUrl", platform.link(base + "/report.txt"));
        model.addAttribute("siteUrl", platform.link("/").replaceAll("/$", ""));
        return "fundraising/report";
    }

    @GetMapping("/fundraisers/{slug}/reports/{number:\\d{1,9}}/verify")
    String verify(@PathVariable String slug, @PathVariable int number, Model model) {
        Fundraiser f = FundraiserPagesController.find(fundraising, slug);
        model.addAttribute("fundraiser", f);
        model.addAttribute("verification", reports.verify(f, find(f, number)));
        return "fundraising/verify";
    }

    @GetMapping("/fundraisers/{slug}/reports/{number:\\d{1,9}}/rows.txt")
    ResponseEntity<String> rows(@PathVariable String slug, @PathVariable int number) {
        Fundraiser f = FundraiserPagesController.find(fundraising, slug);
        return ResponseEntity.ok().contentType(TEXT).body(reports.rowsText(f, find(f, number)));
    }

    @GetMapping("/fundraisers/{slug}/reports/{number:\\d{1,9}}/report.txt")
    ResponseEntity<String> text(@PathVariable String slug, @PathVariable int number) {
        Fundraiser f = FundraiserPagesController.find(fundraising, slug);
        return ResponseEntity.ok().contentType(TEXT).body(find(f, number).canonicalText(f.slug()));
    }

    private NumberedReport find(Fundraiser f, int number) {
        return reports.find(f.id(), number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
