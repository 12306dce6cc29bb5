package org.solidarityhub.events;

import java.util.List;
import java.util.Optional;

import org.solidarityhub.platform.PageVersion;
import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public pages and feeds of the week of action, declared to the platform's page cache (docs/caching.md). All
 * are versioned by their campaign's events ({@link CampaignVersions}); an event's own pages by the campaign it
 * belongs to (its page shows the campaign's counts too). Pages behind an event's emailed link are never stored.
 */
@Configuration(proxyBeanMethods = false)
class EventsPages {

    /** The list, the calendar, the embeddable list and the form: {@code ?campaign=slug}, else the current campaign. */
    @Bean
    PublicPage campaignPages(Campaigns campaigns, CampaignVersions versions) {
        return PublicPage.at("/events", "/events/calendar", "/embed/events", "/events/new")
                .versionedBy(page -> page.parameterOrEmpty("campaign"), page -> {
                    String slug = page.parameter("campaign");
                    if (campaigns.noneToShow(slug)) {
                        return Optional.of(PageVersion.of(null, "none"));
                    }
                    return (slug == null || slug.isBlank() ? campaigns.current() : campaigns.bySlug(slug)).map(versions::of);
                })
                .kept().named("events-pages");
    }

    /** The API and feeds of one campaign: its events as JSON, GeoJSON, iCalendar and Atom. */
    @Bean
    PublicPage campaignFeeds(Campaigns campaigns, CampaignVersions versions) {
        return PublicPage.at("/api/v1/campaigns/{slug}", "/api/v1/campaigns/{slug}/events", "/api/v1/campaigns/{slug}/events.ics",
                        "/api/v1/campaigns/{slug}/events.atom", "/api/v1/campaigns/{slug}/events.geojson")
                .versionedBy(page -> page.variable("slug"), page -> campaigns.bySlug(page.variable("slug")).map(versions::of))
                .kept().named("events-feeds");
    }

    /** The list of campaigns: changes when a campaign is added or another one becomes current. */
    @Bean
    PublicPage campaignList(Campaigns campaigns) {
        return PublicPage.at("/api/v1/campaigns")
                .versionedBy(page -> "", page -> Optional.of(PageVersion.of(null,
                        campaigns.all().stream().map(c -> String.valueOf(c.id())).toList())))
                .named("events-campaigns");
    }

    /** An event's page and calendar, with what other features add to the page ({@link EventPageSection}). */
    @Bean
    PublicPage eventPages(EventQueries queries, Campaigns campaigns, CampaignVersions versions, List<EventPageSection> sections) {
        return PublicPage.at("/events/{id:\\d{1,18}}", "/events/{id:\\d{1,18}}.ics")
                .versionedBy(page -> page.variable("id"), page -> queries.byId(Long.parseLong(page.variable("id")))
                        .flatMap(event -> campaigns.byId(event.campaignId())).map(campaign -> {
                            PageVersion version = versions.of(campaign);
                            for (EventPageSection section : sections) {
                                version = version.and(section.version(campaign.id()));
                            }
                            return version;
                        }))
                .kept().named("events-event");
    }

    @Bean
    PublicPage eventSubmitted() {
        return PublicPage.at("/events/submitted", "/events/mine", "/events/mine/sent", "/events/{id:\\d{1,18}}/going/sent")
                .changingOnlyWithDeployment()
                .named("events-submitted");
    }

    @Bean
    PublicPage eventTokenPages() {
        return PublicPage.tokenPages("events-manage", "/events/manage/**");
    }

    /** The pages behind the links mailed to participants (confirm, leave). */
    @Bean
    PublicPage participantTokenPages() {
        return PublicPage.tokenPages("events-participant-links", "/events/going/confirm/**", "/events/going/unsubscribe/**");
    }
}
