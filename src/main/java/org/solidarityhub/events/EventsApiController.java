package org.solidarityhub.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.LanguageUrls;
import org.solidarityhub.platform.PageNumbers;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.SupportedLanguages;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public JSON API of the events: campaigns with live counts, approved events with only their public
 * fields (filters, pages), and submission as JSON (202 when stored, 400 with field errors). The GeoJSON of the
 * map and the calendars are feeds ({@link EventFeedsController}). Documented in static/api/openapi.yaml.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class EventsApiController {

    /** A campaign; {@code counts} only when one campaign is asked for (null in the list). */
    record ApiCampaign(String slug, String name, String description, Map<String, String> names, String startsOn,
                       String endsOn, boolean current, ApiCounts counts, ApiLinks links) {
    }

    record ApiCounts(long events, long countries) {
    }

    record ApiLinks(String events, String page, String ics, String atom) {
    }

    record ApiLocation(String venue, String address, String city, String country, Double latitude, Double longitude,
                       String visibility) {
    }

    record ApiOrganization(String name, String country, String url) {
    }

    record ApiEvent(long id, String url, String title, String type, String description, List<String> languages,
                    String start, String end, String timezone, boolean online, String onlineUrl, ApiLocation location,
                    String organizers, List<ApiOrganization> organizations, String accessibility,
                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer going,
                    Double distance, List<Long> series) {
    }

    record ApiPage(int page, int pageSize, long total, List<ApiEvent> events) {
    }

    record Accepted(long id, String status, String message) {
    }

    private final Campaigns campaigns;
    private final EventQueries queries;
    private final Countries countries;
    private final EventRules rules;
    private final Events events;
    private final SubmissionLimits limits;
    private final EventsProperties properties;
    private final PlatformProperties platform;
    private final MessageSource messages;
    private final Going going;
    private final Gazetteer places;

    private final EventSeries series;

    EventsApiController(Campaigns campaigns, EventQueries queries, Countries countries, EventRules rules, Events events,
                        SubmissionLimits limits, EventsProperties properties, PlatformProperties platform,
                        MessageSource messages, Going going, Gazetteer places, EventSeries series) {
        this.going = going;
        this.places = places;
        this.series = series;
        this.campaigns = campaigns;
        this.queries = queries;
        this.countries = countries;
        this.rules = rules;
        this.events = events;
        this.limits = limits;
        this.properties = properties;
        this.platform = platform;
        this.messages = messages;
    }

    @GetMapping
    List<ApiCampaign> campaigns(Locale locale) {
        List<Campaign> all = campaigns.all();
        Optional<Campaign> current = campaigns.current();
        return all.stream().map(c -> campaign(c, current.map(x -> x.id() == c.id()).orElse(false), null, locale)).toList();
    }

    @GetMapping("/{slug}")
    ApiCampaign campaign(@PathVariable String slug, Locale locale) {
        Campaign c = campaigns.forApi(slug);
        EventQueries.Counts counts = queries.counts(c.id());
        boolean current = campaigns.current().map(x -> x.id() == c.id()).orElse(false);
        return campaign(c, current, new ApiCounts(counts.events(), counts.countries()), locale);
    }

    @GetMapping("/{slug}/events")
    ApiPage events(@PathVariable String slug, @RequestParam(required = false) String country,
                   @RequestParam(required = false) String city, @RequestParam(required = false) String type,
                   @RequestParam(required = false) String date, @RequestParam(required = false) String mode,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String q, @RequestParam(required = false) String page,
                   @RequestParam(required = false) String near, @RequestParam(required = false) String radius) {
        Campaign c = campaigns.forApi(slug);
        EventQueries.Filter filter = FilterParams.forApi(countries, places, country, city, type, date, mode, q, from, to, near, radius);
        Integer number = PageNumbers.parse(page);
        if (number == null) {
            throw ApiProblem.fields("events.error.page", Map.of("page", "events.error.page"));
        }
        int size = properties.apiPageSize();
        EventQueries.Page result = queries.find(c.id(), filter, EventQueries.Order.BY_TIME, size, (number - 1) * size, true);
        Map<Long, Integer> going = this.going.counts(result.events().stream().map(PublicEvent::id).toList());
        Map<Long, List<Long>> siblings = series.ids(result.events().stream().map(PublicEvent::id).toList());
        return new ApiPage(number, size, result.total(), result.events().stream()
                .map(e -> event(e, going.get(e.id()), result.distances().get(e.id()), siblings.getOrDefault(e.id(), List.of())))
                .toList());
    }

    @PostMapping(value = "/{slug}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submit(@PathVariable String slug, @RequestBody SubmitEvent body, Locale locale,
                                    HttpServletRequest request) {
        Campaign c = campaigns.forApi(slug);
        limits.check(request);
        EventRules.Outcome outcome = rules.check(body, c, locale, true);
        GoingChoice going = GoingChoice.check(outcome.problems(), body.going(),
                body.goingAddressHours() == null ? null : String.valueOf(body.goingAddressHours()));
        if (!outcome.valid()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "events.error.form", outcome.problems().all());
        }
        Events.Submitted submitted = events.submit(c, outcome.draft(), outcome.contactEmail(), outcome.language(), going);
        limits.count(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Accepted(submitted.id(), EventStatus.UNCONFIRMED.name(), messages.getMessage("events.api.accepted", null, locale)));
    }

    private ApiCampaign campaign(Campaign c, boolean current, ApiCounts counts, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        c.texts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(t -> names.put(t.getKey(), t.getValue().name()));
        String api = "/api/v1/campaigns/" + c.slug();
        return new ApiCampaign(c.slug(), c.name(locale), c.text(locale).description(), names, c.startsOn().toString(),
                c.endsOn().toString(), current, counts,
                new ApiLinks(api + "/events", LanguageUrls.prefixed(locale, "/events?campaign=" + c.slug()), api + "/events.ics", api + "/events.atom"));
    }

    /**
     * An event; {@code going} where its organizers enabled it, {@code distance} (km, to 0.1) only in a search near a
     * place, {@code siblings} the other published events of its series.
     */
    private ApiEvent event(PublicEvent e, Integer going, Double distance, List<Long> siblings) {
        ApiLocation location = e.online() && e.country() == null && e.city() == null ? null
                : new ApiLocation(e.venue(), e.address(), e.city(), e.country(),
                e.latitude() == null ? null : e.latitude().doubleValue(),
                e.longitude() == null ? null : e.longitude().doubleValue(), e.visibility().name());
        List<ApiOrganization> organizations = e.organizations().stream()
                .map(o -> new ApiOrganization(o.name(), o.country(), o.verified() ? platform.link(SupportedLanguages.BASE, "/organizations/" + o.id()) : null))
                .toList();
        return new ApiEvent(e.id(), platform.link(SupportedLanguages.BASE, "/events/" + e.id()), e.title(), e.type().name(), e.description(),
                e.languages(), EventFormat.iso(e.start()), EventFormat.iso(e.end()), e.zone().getId(), e.online(),
                e.onlineUrl(), location, e.organizers(), organizations, e.accessibility(), going,
                distance == null ? null : Math.round(distance * 10) / 10.0, siblings);
    }
}
