package org.solidarityhub.events;

import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An event's poster (page and PDF) in the page cache (docs/caching.md): versioned like the event's page by its
 * campaign's events, so an edited or cancelled event gets a new poster at once; the paper and the language are in
 * the URL, so each has its own ETag and kept bytes.
 */
@Configuration(proxyBeanMethods = false)
class EventPosterPages {

    @Bean
    PublicPage eventPosters(EventQueries queries, Campaigns campaigns, CampaignVersions versions) {
        return PublicPage.at("/events/{id:\\d{1,18}}/poster", "/events/{id:\\d{1,18}}/poster.pdf")
                .versionedBy(page -> page.variable("id"), page -> queries.byId(Long.parseLong(page.variable("id")))
                        .flatMap(event -> campaigns.byId(event.campaignId())).map(versions::of))
                .kept().named("events-poster");
    }
}
