package org.solidarityhub.reports;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.PageVersion;
import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public pages and feeds of the reports, declared to the platform's page cache (docs/caching.md). What they show
 * of a campaign changes only when a moderator decides (publishes or hides a report or an item, blurs one): each
 * decision raises the campaign's reports version ({@link #versionName}), which also versions the campaign's event
 * pages through {@link ReportsOnEventPage}. The sender's own pages behind emailed links are never stored.
 */
@Configuration(proxyBeanMethods = false)
class ReportsPages {

    /** The content version of the reports shown for a campaign. */
    static String versionName(long campaignId) {
        return "reports:campaign:" + campaignId;
    }

    /** The gallery ({@code ?campaign=slug}, else the current campaign, with its filters) and the campaign's upload form. */
    @Bean
    PublicPage reportGallery(EventDirectory events, ContentVersions versions) {
        return PublicPage.at("/reports", "/reports/new")
                .versionedBy(page -> page.parameterOrEmpty("campaign"),
                        page -> campaign(events, page.parameter("campaign")).map(id -> versions.read(versionName(id))))
                .kept().named("reports-gallery");
    }

    /** The reports API and Atom feed of one campaign. */
    @Bean
    PublicPage reportFeeds(EventDirectory events, ContentVersions versions) {
        return PublicPage.at("/api/v1/campaigns/{slug}/reports", "/api/v1/campaigns/{slug}/reports.atom")
                .versionedBy(page -> page.variable("slug"),
                        page -> campaign(events, page.variable("slug")).map(id -> versions.read(versionName(id))))
                .kept().named("reports-feeds");
    }

    @Bean
    PublicPage reportThanks() {
        return PublicPage.at("/reports/sent", "/reports/confirmed").changingOnlyWithDeployment().named("reports-thanks");
    }

    @Bean
    PublicPage reportTokenPages() {
        return PublicPage.tokenPages("reports-links", "/reports/status/**", "/reports/confirm/**");
    }

    /** The campaign a page names, else the current one; empty (the controller answers 404) when there is none. */
    private static Optional<Long> campaign(EventDirectory events, @Nullable String slug) {
        Optional<EventDirectory.CampaignRef> campaign = slug == null || slug.isBlank()
                ? events.currentCampaign(Locale.ENGLISH) : events.campaign(slug, Locale.ENGLISH);
        return campaign.map(EventDirectory.CampaignRef::id);
    }

    /** The version for the event pages of a campaign. */
    static PageVersion of(ContentVersions versions, long campaignId) {
        return versions.read(versionName(campaignId));
    }
}
