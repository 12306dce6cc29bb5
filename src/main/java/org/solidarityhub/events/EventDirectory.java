package org.solidarityhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.PageVersion;
import org.springframework.stereotype.Component;

/**
 * What other features (reports) may know of campaigns and events, without their inner records: an event
 * reached through its management link, a published event, a campaign by its slug, and the kinds of action.
 */
@Component
public class EventDirectory {

    /** An event as another feature sees it: its campaign, title, country (null when online) and kind. */
    public record EventRef(long id, long campaignId, String title, @Nullable String country, String type, boolean published) {
    }

    /** A campaign with its name in the reader's language. */
    public record CampaignRef(long id, String slug, String name) {
    }

    /** A kind of action: its name (as stored) and message key. */
    public record TypeRef(String name, String messageKey) {
    }

    /** A campaign for a front page: its name and dates, and how many published actions it has in how many countries. */
    public record CampaignSummary(long id, String slug, String name, LocalDate startsOn, LocalDate endsOn, long events,
                                  long countries) {
    }

    /**
     * A published event that has not ended, for a front page: its kind's message key, its time written in its own
     * zone in the reader's language, its city and country code (null when online).
     */
    public record Upcoming(long id, String title, String typeKey, String when, boolean online, @Nullable String city,
                           @Nullable String country, String language, @Nullable String thumbnailUrl) {
    }

    private final Events events;
    private final EventQueries queries;
    private final Campaigns campaigns;
    private final EventStore store;
    private final CampaignVersions versions;
    private final EventImages images;

    EventDirectory(Events events, EventQueries queries, Campaigns campaigns, EventStore store, CampaignVersions versions,
                   EventImages images) {
        this.images = images;
        this.versions = versions;
        this.store = store;
        this.events = events;
        this.queries = queries;
        this.campaigns = campaigns;
    }

    /**
     * The event of a management link (the link proves its organizer); a forged, expired or unknown link gets
     * the one answer for every link that does not work (404).
     */
    public EventRef byManagementToken(String token) {
        StoredEvent event = events.byToken(token);
        Draft draft = event.latest().draft();
        return new EventRef(event.id(), event.campaignId(), draft.title(), draft.online() ? null : draft.country(),
                draft.type().name(), event.published() != null);
    }

    /** A published (or published then cancelled) event. */
    public Optional<EventRef> published(long id) {
        return queries.byId(id).map(e -> new EventRef(e.id(), e.campaignId(), e.title(), e.online() ? null : e.country(),
                e.type().name(), true));
    }

    /** A published event of the demo content, by its key (e.g. "brussels-2027"). */
    public Optional<EventRef> demoEvent(String demoKey) {
        return store.idByDemoKey(demoKey).flatMap(this::published);
    }

    /** For a public page: the campaign {@code ?campaign=} names, else the current one; 404 when there is none. */
    public CampaignRef campaignForPage(@Nullable String slug, Locale locale) {
        return ref(campaigns.forPage(slug), locale);
    }

    /** For the API and feeds: the campaign with this slug, else a 404 problem. */
    public CampaignRef campaignForApi(String slug, Locale locale) {
        return ref(campaigns.forApi(slug), locale);
    }

    /** The current campaign (running, else the next, else the latest), if there is any. */
    public Optional<CampaignRef> currentCampaign(Locale locale) {
        return campaigns.current().map(c -> ref(c, locale));
    }

    public Optional<CampaignRef> campaign(long id, Locale locale) {
        return campaigns.byId(id).map(c -> ref(c, locale));
    }

    public Optional<CampaignRef> campaign(String slug, Locale locale) {
        return campaigns.bySlug(slug).map(c -> ref(c, locale));
    }

    /** Every campaign, the current one first, with its name in the reader's language. */
    public List<CampaignRef> campaigns(Locale locale) {
        return campaigns.all().stream().map(c -> ref(c, locale)).toList();
    }

    /**
     * Hands the organizers of a campaign's confirmed events (their contact address and language; one per event) to
     * {@code batch}, {@code batchSize} at a time, for the updates to supporters; each batch is read when the previous
     * one was handled, so a list of any size never sits in memory at once.
     */
    public void forEachOrganizer(long campaignId, int batchSize,
                                 java.util.function.Consumer<List<org.solidarityhub.platform.MailRecipient>> batch) {
        long after = 0;
        while (true) {
            List<EventStore.Organizer> rows = store.organizers(campaignId, after, batchSize);
            if (rows.isEmpty()) {
                return;
            }
            batch.accept(rows.stream().map(o -> new org.solidarityhub.platform.MailRecipient(o.email(), o.language())).toList());
            if (rows.size() < batchSize) {
                return;
            }
            after = rows.getLast().eventId();
        }
    }

    public List<TypeRef> types() {
        return Arrays.stream(EventType.values()).map(t -> new TypeRef(t.name(), t.messageKey())).toList();
    }

    private static CampaignRef ref(Campaign c, Locale locale) {
        return new CampaignRef(c.id(), c.slug(), c.name(locale));
    }

    /** The current campaign with its counts of published actions and countries. */
    public Optional<CampaignSummary> currentSummary(Locale locale) {
        return campaigns.current().map(c -> {
            EventQueries.Counts counts = queries.counts(c.id());
            return new CampaignSummary(c.id(), c.slug(), c.name(locale), c.startsOn(), c.endsOn(), counts.events(), counts.countries());
        });
    }

    /** The next published events of a campaign that have not ended at {@code now}, soonest first. */
    public List<Upcoming> upcoming(long campaignId, Instant now, int limit, Locale locale) {
        EventQueries.Filter notEnded = new EventQueries.Filter(null, null, null, null, null, null, null, null, now, null);
        List<PublicEvent> found = queries.find(campaignId, notEnded, EventQueries.Order.BY_TIME, limit, 0, false).events();
        java.util.Map<Long, EventImages.Shown> pictures = images.firstShown(found.stream().map(PublicEvent::id).toList());
        return found.stream()
                .map(e -> new Upcoming(e.id(), e.title(), e.type().messageKey(), EventFormat.when(e.start(), e.end(), locale),
                        e.online(), e.online() ? null : e.city(), e.online() ? null : e.country(), e.textLanguage(),
                        pictures.containsKey(e.id()) ? pictures.get(e.id()).thumbnail() : null))
                .toList();
    }

    /** The version of the current campaign's events (which campaign, how many events, their latest change), for a page cache. */
    public PageVersion currentCampaignVersion() {
        return campaigns.current().map(versions::of).orElse(PageVersion.of(null, "no-campaign"));
    }
}
