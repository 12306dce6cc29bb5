package org.solidarityhub.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.AtomWriter;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.ICalendarWriter;
import org.solidarityhub.platform.Markdown;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** iCalendar feeds (one event, a campaign, a campaign in one country) and the Atom feed of new events. */
@RestController
class EventFeedsController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final int FEED_LIMIT = 20_000;
    static final int ATOM_LIMIT = 50;

    private final Campaigns campaigns;
    private final EventQueries queries;
    private final Countries countries;
    private final Markdown markdown;
    private final PlatformProperties platform;
    private final MessageSource messages;
    private final Clock clock;
    private final FeedCache cache;

    EventFeedsController(Campaigns campaigns, EventQueries queries, Countries countries, Markdown markdown,
                         PlatformProperties platform, MessageSource messages, Clock clock, FeedCache cache) {
        this.cache = cache;
        this.campaigns = campaigns;
        this.queries = queries;
        this.countries = countries;
        this.markdown = markdown;
        this.platform = platform;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/api/v1/campaigns/{slug}/events.ics")
    ResponseEntity<byte[]> campaignCalendar(@PathVariable String slug, @RequestParam(required = false) String country,
                                            org.springframework.web.context.request.WebRequest request) {
        Campaign c = campaigns.bySlug(slug).orElseThrow(() -> new ApiProblem(404, "events.error.campaign", Map.of()));
        EventQueries.Filter filter = EventQueries.Filter.NONE;
        if (country != null && !country.isBlank()) {
            String code = country.strip().length() == 2 ? countries.normalize(country).orElse(null) : null;
            if (code == null) {
                throw new ApiProblem(400, "events.error.parameter",
                        Map.of("country", messages.getMessage("events.error.country", null, Locale.ENGLISH)));
            }
            filter = filter.withCountry(code);
        }
        EventQueries.Filter chosen = filter;
        String key = "ics|" + c.id() + "|" + chosen.country();
        FeedCache.Version version = cache.version(c.id());
        if (request.checkNotModified(version.etag(key))) {
            return null;
        }
        byte[] body = cache.get(key, version, () -> {
            List<ICalendarWriter.Entry> entries = queries.forFeed(c.id(), chosen, FEED_LIMIT).stream().map(this::entry).toList();
            String name = c.name(Locale.ENGLISH) + (chosen.country() == null ? "" : " · " + countries.name(chosen.country(), Locale.ENGLISH));
            return ICalendarWriter.write("Events", name, entries, clock.instant()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
        return ResponseEntity.ok().contentType(CALENDAR).body(body);
    }

    @GetMapping("/events/{id:\\d{1,18}}.ics")
    ResponseEntity<String> eventCalendar(@PathVariable long id) {
        PublicEvent event = queries.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(CALENDAR)
                .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"")
                .body(ICalendarWriter.write("Events", null, List.of(entry(event)), clock.instant()));
    }

    @GetMapping("/api/v1/campaigns/{slug}/events.atom")
    ResponseEntity<String> atom(@PathVariable String slug, Locale locale) {
        Campaign c = campaigns.bySlug(slug).orElseThrow(() -> new ApiProblem(404, "events.error.campaign", Map.of()));
        List<PublicEvent> newest = queries.find(c.id(), EventQueries.Filter.NONE, EventQueries.Order.NEWEST_FIRST, ATOM_LIMIT, 0, false).events();
        String host = platform.baseUrl().getHost() == null ? "localhost" : platform.baseUrl().getHost();
        List<AtomWriter.Entry> entries = new ArrayList<>();
        Instant updated = null;
        for (PublicEvent e : newest) {
            Instant changed = e.updatedAt() == null ? e.publishedAt() : e.updatedAt();
            updated = updated == null || changed.isAfter(updated) ? changed : updated;
            String when = EventFormat.when(e.start(), e.end(), locale) + " (" + EventFormat.zone(e.start()) + ")";
            String where = e.online() ? messages.getMessage("events.show.online", null, locale)
                    : e.city() + ", " + countries.name(e.country(), locale);
            String typeName = messages.getMessage(e.type().messageKey(), null, locale);
            entries.add(new AtomWriter.Entry("tag:" + host + ",2026:event-" + e.id(), e.title(), platform.link("/events/" + e.id()),
                    e.publishedAt(), changed, typeName + " · " + when + " · " + where,
                    "<p>" + escape(when) + "<br>" + escape(where) + "</p>" + markdown.toHtml(e.description()),
                    e.type().name(), typeName));
        }
        AtomWriter.Feed feed = new AtomWriter.Feed("tag:" + host + ",2026:campaign-" + c.slug(), c.name(locale),
                platform.link("/api/v1/campaigns/" + c.slug() + "/events.atom"), platform.link("/events?campaign=" + c.slug()),
                locale.getLanguage(), updated == null ? clock.instant() : updated);
        return ResponseEntity.ok().contentType(ATOM).body(AtomWriter.write(feed, entries));
    }

    private ICalendarWriter.Entry entry(PublicEvent e) {
        String host = platform.baseUrl().getHost() == null ? "localhost" : platform.baseUrl().getHost();
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
            place.add(countries.name(e.country(), Locale.ENGLISH));
        }
        String url = platform.link("/events/" + e.id());
        String description = e.description() + "\n\n" + e.organizers() + "\n" + url;
        return new ICalendarWriter.Entry("event-" + e.id() + "@" + host, e.title(), description, String.join(", ", place),
                e.zone(), e.startsLocal(), e.endsLocal(),
                e.latitude() == null ? null : e.latitude().doubleValue(), e.longitude() == null ? null : e.longitude().doubleValue(),
                url, messages.getMessage(e.type().messageKey(), null, Locale.ENGLISH), e.cancelled(),
                e.updatedAt());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
