package org.solidarityhub.events;

import java.util.Locale;

import org.solidarityhub.platform.Countries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The campaign's feeds: iCalendar (one event, a campaign, a campaign in one country), the Atom feed of new events
 * and the GeoJSON of the map. The platform's page cache keeps them and answers 304 while unchanged ({@link EventsPages}).
 */
@RestController
class EventFeedsController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

    private final Campaigns campaigns;
    private final EventQueries queries;
    private final EventFeeds feeds;
    private final Countries countries;
    private final Gazetteer places;

    EventFeedsController(Campaigns campaigns, EventQueries queries, EventFeeds feeds, Countries countries, Gazetteer places) {
        this.places = places;
        this.campaigns = campaigns;
        this.queries = queries;
        this.feeds = feeds;
        this.countries = countries;
    }

    @GetMapping("/api/v1/campaigns/{slug}/events.ics")
    ResponseEntity<byte[]> campaignCalendar(@PathVariable String slug, @RequestParam(required = false) String country) {
        Campaign c = campaigns.forApi(slug);
        String chosen = FilterParams.forApi(countries, country, null, null, null, null, null, null, null).country();
        return ResponseEntity.ok().contentType(CALENDAR).body(feeds.calendar(c, chosen));
    }

    @GetMapping("/events/{id:\\d{1,18}}.ics")
    ResponseEntity<String> eventCalendar(@PathVariable long id) {
        PublicEvent event = queries.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(CALENDAR)
                .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"")
                .body(feeds.calendar(event));
    }

    @GetMapping("/api/v1/campaigns/{slug}/events.atom")
    ResponseEntity<String> atom(@PathVariable String slug, Locale locale) {
        return ResponseEntity.ok().contentType(ATOM).body(feeds.atom(campaigns.forApi(slug), locale));
    }

    @GetMapping("/api/v1/campaigns/{slug}/events.geojson")
    ResponseEntity<byte[]> geojson(@PathVariable String slug, @RequestParam(required = false) String country,
                                   @RequestParam(required = false) String city, @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String date, @RequestParam(required = false) String mode,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String q, @RequestParam(required = false) String near,
                                   @RequestParam(required = false) String radius, Locale locale) {
        Campaign c = campaigns.forApi(slug);
        EventQueries.Filter filter = FilterParams.forApi(countries, places, country, city, type, date, mode, q, from, to, near, radius);
        return ResponseEntity.ok().contentType(GEOJSON).body(feeds.geojson(c, filter, locale));
    }
}
