package org.solidarityhub.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.solidarityhub.platform.AtomWriter;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.ICalendarWriter;
import org.solidarityhub.platform.Markdown;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.LanguageUrls;
import org.solidarityhub.platform.SupportedLanguages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's events as feeds: iCalendar (a campaign, a campaign in one country, one event), Atom (the newest
 * events) and GeoJSON (the map's pins). Maps published events to the platform's neutral feed entries; only
 * public fields, never a contact address.
 */
@Component
class EventFeeds {

    static final int FEED_LIMIT = 20_000;
    static final int ATOM_LIMIT = 50;
    static final int GEOJSON_LIMIT = 20_000;
    /** The feature as the iCalendar PRODID names it. */
    private static final String PRODUCT = "Events";

    /** The GeoJSON of the map (RFC 7946): a FeatureCollection of Points, [longitude, latitude]. */
    record FeatureCollection(String type, List<Feature> features) {
    }

    record Feature(String type, long id, Point geometry, PinProperties properties) {
    }

    record Point(String type, List<Double> coordinates) {
    }

    /** What the map shows of an event at its pin. */
    record PinProperties(long id, String title, String type, String typeName, String start, String end, String timezone,
                         String when, String city, String country, boolean online, String visibility, String url,
                         @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer going) {
    }

    private final EventQueries queries;
    private final Countries countries;
    private final Markdown markdown;
    private final PlatformProperties platform;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json;
    private final GoingStore going;

    EventFeeds(EventQueries queries, Countries countries, Markdown markdown, PlatformProperties platform,
               MessageSource messages, Clock clock, JsonMapper json, GoingStore going) {
        this.going = going;
        this.queries = queries;
        this.countries = countries;
        this.markdown = markdown;
        this.platform = platform;
        this.messages = messages;
        this.clock = clock;
        this.json = json;
    }

    /** The campaign's calendar, of one country when {@code country} (a known code) is given; in English. */
    byte[] calendar(Campaign c, String country) {
        EventQueries.Filter filter = country == null ? EventQueries.Filter.NONE : EventQueries.Filter.NONE.withCountry(country);
        List<ICalendarWriter.Entry> entries = queries.forFeed(c.id(), filter, FEED_LIMIT).stream().map(this::entry).toList();
        String name = c.name(SupportedLanguages.BASE) + (country == null ? "" : " · " + countries.name(country, SupportedLanguages.BASE));
        return ICalendarWriter.write(PRODUCT, name, entries, clock.instant()).getBytes(StandardCharsets.UTF_8);
    }

    /** The calendar of one event, without a name of its own. */
    String calendar(PublicEvent event) {
        return ICalendarWriter.write(PRODUCT, null, List.of(entry(event)), clock.instant());
    }

    /** The Atom feed of the campaign's newest events, in the reader's language. */
    String atom(Campaign c, Locale locale) {
        List<PublicEvent> newest = queries.find(c.id(), EventQueries.Filter.NONE, EventQueries.Order.NEWEST_FIRST, ATOM_LIMIT, 0, false).events();
        List<AtomWriter.Entry> entries = new ArrayList<>();
        Instant updated = null;
        for (PublicEvent e : newest) {
            Instant changed = e.updatedAt() == null ? e.publishedAt() : e.updatedAt();
            updated = updated == null || changed.isAfter(updated) ? changed : updated;
            String when = EventFormat.when(e.start(), e.end(), locale) + " (" + EventFormat.zone(e.start(), e.end(), locale) + ")";
            String where = e.online() ? messages.getMessage("events.show.online", null, locale)
                    : e.city() + ", " + countries.name(e.country(), locale);
            String typeName = messages.getMessage(e.type().messageKey(), null, locale);
            entries.add(new AtomWriter.Entry("tag:" + host() + ",2026:event-" + e.id(), e.title(), platform.link(locale, "/events/" + e.id()),
                    e.publishedAt(), changed, typeName + " · " + when + " · " + where,
                    "<p>" + escape(when) + "<br>" + escape(where) + "</p>" + markdown.toHtml(e.description()),
                    e.type().name(), typeName));
        }
        AtomWriter.Feed feed = new AtomWriter.Feed("tag:" + host() + ",2026:campaign-" + c.slug(), c.name(locale),
                platform.apiLink(locale, "/api/v1/campaigns/" + c.slug() + "/events.atom"), platform.link(locale, "/events?campaign=" + c.slug()),
                locale.getLanguage(), updated == null ? clock.instant() : updated);
        return AtomWriter.write(feed, entries);
    }

    /** The pins of the filter's events (online events without a place have none), as GeoJSON. */
    byte[] geojson(Campaign c, EventQueries.Filter filter, Locale locale) {
        List<PublicEvent> found = queries.find(c.id(), filter, EventQueries.Order.BY_TIME, GEOJSON_LIMIT, 0, false).events();
        Map<Long, Integer> counts = going.counts(found.stream().map(PublicEvent::id).toList());
        List<Feature> features = found.stream().filter(PublicEvent::hasPin).map(e -> new Feature("Feature", e.id(),
                new Point("Point", List.of(e.longitude().doubleValue(), e.latitude().doubleValue())),
                new PinProperties(e.id(), e.title(), e.type().name(), messages.getMessage(e.type().messageKey(), null, locale),
                        EventFormat.iso(e.start()), EventFormat.iso(e.end()), e.zone().getId(),
                        EventFormat.when(e.start(), e.end(), locale), e.city(), e.country(), e.online(),
                        e.visibility().name(), LanguageUrls.prefixed(locale, "/events/" + e.id()), counts.get(e.id())))).toList();
        return json.writeValueAsBytes(new FeatureCollection("FeatureCollection", features));
    }

    private ICalendarWriter.Entry entry(PublicEvent e) {
        List<String> place = new ArrayList<>();
        if (e.online()) {
            place.add(e.onlineUrl() == null ? "Online" : e.onlineUrl());
        } else {
            if (e.venue() != null) {
                place.add(e.venue());
            }
            if (e.address() != null) {
                place.add(e.address());
            }
            place.add(e.city());
            place.add(countries.name(e.country(), SupportedLanguages.BASE));
        }
        String url = platform.link(SupportedLanguages.BASE, "/events/" + e.id());
        String description = e.description() + "\n\n" + e.organizers() + "\n" + url;
        return new ICalendarWriter.Entry("event-" + e.id() + "@" + host(), e.title(), description, String.join(", ", place),
                e.zone(), e.startsLocal(), e.endsLocal(),
                e.latitude() == null ? null : e.latitude().doubleValue(), e.longitude() == null ? null : e.longitude().doubleValue(),
                url, messages.getMessage(e.type().messageKey(), null, SupportedLanguages.BASE), e.cancelled(),
                e.updatedAt());
    }

    private String host() {
        return platform.baseUrl().getHost() == null ? "localhost" : platform.baseUrl().getHost();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
