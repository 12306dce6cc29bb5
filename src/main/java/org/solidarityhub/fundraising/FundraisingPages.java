package org.solidarityhub.fundraising;

import java.util.Optional;

import org.solidarityhub.platform.PageRequest;
import org.solidarityhub.platform.PageVersion;
import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public fundraising pages and API, declared to the platform's page cache (docs/caching.md). A fundraiser's
 * pages are versioned by its content version ({@link FundraisingVersions}), raised by every ledger posting and every
 * change of what they show. What verifies a report (its canonical texts and the verify page) is versioned by the
 * hashes recomputed from the ledger as it is, so that a row changed behind the application's back shows at once.
 */
@Configuration(proxyBeanMethods = false)
class FundraisingPages {

    /** The lists: the ids of the public fundraisers and each one's version. */
    @Bean
    PublicPage fundraiserLists(PublicFundraising fundraising, FundraisingVersions versions) {
        return PublicPage.at("/fundraisers", "/api/v1/fundraisers")
                .versionedBy(page -> "", page -> {
                    PageVersion version = PageVersion.of(null, "list");
                    for (Fundraiser f : fundraising.all()) {
                        version = version.and(PageVersion.of(null, f.id())).and(versions.read(f.id()));
                    }
                    return Optional.of(version);
                })
                .kept().named("fundraising-lists");
    }

    /** A fundraiser's page, ledger, reports and widget, and the same as JSON and CSV. */
    @Bean
    PublicPage fundraiserPages(PublicFundraising fundraising, FundraisingVersions versions) {
        return PublicPage.at("/fundraisers/{slug}", "/fundraisers/{slug}/ledger",
                        "/fundraisers/{slug}/reports/{number:\\d{1,9}}", "/embed/fundraisers/{slug}",
                        "/api/v1/fundraisers/{slug}", "/api/v1/fundraisers/{slug}/ledger",
                        "/api/v1/fundraisers/{slug}/ledger.csv", "/api/v1/fundraisers/{slug}/widget")
                .versionedBy(page -> page.variable("slug"),
                        page -> fundraising.bySlug(page.variable("slug")).map(f -> versions.read(f.id())))
                .kept().named("fundraising-pages");
    }

    /** What verifies a report: versioned by the hashes as they are now. */
    @Bean
    PublicPage reportVerification(PublicFundraising fundraising, NumberedReports reports) {
        return PublicPage.at("/fundraisers/{slug}/reports/{number:\\d{1,9}}/verify",
                        "/fundraisers/{slug}/reports/{number:\\d{1,9}}/rows.txt",
                        "/fundraisers/{slug}/reports/{number:\\d{1,9}}/report.txt")
                .versionedBy(page -> page.variable("slug") + "/" + page.variable("number"),
                        page -> verification(fundraising, reports, page))
                .named("fundraising-verification");
    }

    private static Optional<PageVersion> verification(PublicFundraising fundraising, NumberedReports reports,
                                                      PageRequest page) {
        return fundraising.bySlug(page.variable("slug")).flatMap(f -> {
            int number;
            try {
                number = Integer.parseInt(page.variable("number"));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return reports.find(f.id(), number).map(r -> {
                NumberedReports.Verification v = reports.verify(f, r);
                return PageVersion.of(null, v.current().sha256(), v.reportSha256Now(), r.reportSha256(),
                        r.previousSha256(), v.chainIntact());
            });
        });
    }
}
