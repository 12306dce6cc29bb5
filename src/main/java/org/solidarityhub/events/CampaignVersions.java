package org.solidarityhub.events;

import java.time.OffsetDateTime;

import org.solidarityhub.platform.PageVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of a campaign's events: how many there are and their latest change, one indexed query
 * ({@code event_campaign_updated}). Every public page and feed of the campaign is versioned by it (see
 * {@link EventsPages}); the page cache of the platform reads it at most once a second per instance.
 */
@Component
class CampaignVersions {

    private final JdbcClient db;
    private final GoingStore going;

    CampaignVersions(JdbcClient db, GoingStore going) {
        this.db = db;
        this.going = going;
    }

    PageVersion of(Campaign campaign) {
        // the "going" counts change without changing the events themselves (their updated_at)
        PageVersion events = eventsOf(campaign);
        return going.latestChange(campaign.id()).map(at -> events.and(PageVersion.of(at, "going", at.toEpochMilli() * 1000 + at.getNano() / 1000 % 1000)))
                .orElse(events);
    }

    private PageVersion eventsOf(Campaign campaign) {
        return db.sql("SELECT COUNT(*) AS events, MAX(updated_at) AS latest FROM event WHERE campaign_id = :campaign")
                .param("campaign", campaign.id())
                .query((rs, n) -> {
                    OffsetDateTime latest = rs.getObject("latest", OffsetDateTime.class);
                    long micros = latest == null ? 0 : latest.toInstant().toEpochMilli() * 1000 + latest.getNano() / 1000 % 1000;
                    return PageVersion.of(latest == null ? null : latest.toInstant(), campaign.id(), rs.getLong("events"), micros);
                }).single();
    }
}
