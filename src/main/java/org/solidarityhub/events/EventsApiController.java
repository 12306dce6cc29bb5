package org.solidarityhub.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.PlatformProperties;
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
 * fields (filters, pages, GeoJSON for the map), and submission as JSON (202 when stored, 400 with field
 * errors). Documented in static/api/openapi.yaml.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class EventsApiController {

    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    static final int GEOJSON_LIMIT = 20_000;

    record ApiCampaign(String slug, String name, String description, Map<String, String> names, String startsOn,
                       String endsOn, boolean current, Map<String, Long> counts, Map<String, String> links) {
    }

    record ApiLocation(String venue, String address, String city, String country, Double latitude, Double longitude,
                       String visibility) {
    }

    record ApiOrganization(String name, String country, String url) {
    }

    record ApiEvent(long id, String url, String title, String type, String description, List<String> languages,
                    String start, String end, String timezone, boolean online, String onlineUrl, ApiLocation location,
                    String organizers, List<ApiOrganization> organizations, String accessibility) {
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
    private final FeedCache cache;
    private final tools.jackson.databind.json.JsonMapper json;

    EventsApiController(FeedCache cache, tools.jackson.databind.json.JsonMapper json, Campaigns campaigns, EventQueries queries, Countries countries, EventRules rules, Events events,
                        SubmissionLimits limits, EventsProperties properties, PlatformProperties platform,
                        MessageSource messages) {
        this.cache = cache;
        this.json = json;
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
        Campaign c = campaign(slug);
        EventQueries.Counts counts = queries.counts(c.id());
        boolean current = campaigns.current().map(x -> x.id() == c.id()).orElse(false);
        return campaign(c, current, Map.of("events", counts.events(), "countries", counts.countries()), locale);
    }

    @GetMapping("/{slug}/events")
    ApiPage events(@PathVariable String slug, @RequestParam(required = false) String country,
                   @RequestParam(required = false) String city, @RequestParam(required = false) String type,
                   @RequestParam(required = false) String date, @RequestParam(required = false) String mode,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String q, @RequestParam(required = false) String page, Locale locale) {
        Campaign c = campaign(slug);
        EventQueries.Filter filter = filter(country, city, type, date, mode, q, from, to, locale);
        Integer number = FilterParams.page(page);
        if (number == null) {
            throw new ApiProblem(400, "events.error.page", Map.of("page", messages.getMessage("events.error.page", null, locale)));
        }
        int size = properties.apiPageSize();
        EventQueries.Page result = queries.find(c.id(), filter, EventQueries.Order.BY_TIME, size, (number - 1) * size, true);
        return new ApiPage(number, size, result.total(), result.events().stream().map(this::event).toList());
    }

    @GetMapping(value = "/{slug}/events.geojson")
    ResponseEntity<byte[]> geojson(@PathVariable String slug, @RequestParam(required = false) String country,
                                   @RequestParam(required = false) String city, @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String date, @RequestParam(required = false) String mode,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String q, Locale locale,
                                   org.springframework.web.context.request.WebRequest request) {
        Campaign c = campaign(slug);
        EventQueries.Filter filter = filter(country, city, type, date, mode, q, from, to, locale);
        String key = "geojson|" + c.id() + "|" + locale.getLanguage() + "|" + filter;
        FeedCache.Version version = cache.version(c.id());
        if (request.checkNotModified(version.etag(key))) {
            return null;
        }
        byte[] body = cache.get(key, version, () -> json.writeValueAsBytes(featureCollection(c, filter, locale)));
        return ResponseEntity.ok().contentType(GEOJSON).body(body);
    }

    private Map<String, Object> featureCollection(Campaign c, EventQueries.Filter filter, Locale locale) {
        List<PublicEvent> found = queries.find(c.id(), filter, EventQueries.Order.BY_TIME, GEOJSON_LIMIT, 0, false).events();
        List<Map<String, Object>> features = found.stream().filter(PublicEvent::hasPin).map(e -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", e.id());
            properties.put("title", e.title());
            properties.put("type", e.type().name());
            properties.put("typeName", messages.getMessage(e.type().messageKey(), null, locale));
            properties.put("start", EventFormat.iso(e.start()));
            properties.put("end", EventFormat.iso(e.end()));
            properties.put("timezone", e.zone().getId());
            properties.put("when", EventFormat.when(e.start(), e.end(), locale));
            properties.put("city", e.city());
            properties.put("country", e.country());
            properties.put("online", e.online());
            properties.put("visibility", e.visibility().name());
            properties.put("url", "/events/" + e.id());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", e.id());
            feature.put("geometry", Map.of("type", "Point", "coordinates",
                    List.of(e.longitude().doubleValue(), e.latitude().doubleValue())));
            feature.put("properties", properties);
            return feature;
        }).toList();
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    @PostMapping(value = "/{slug}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submit(@PathVariable String slug, @RequestBody SubmitEvent body, Locale locale,
                                    HttpServletRequest request) {
        Campaign c = campaign(slug);
        limits.check(request);
        EventRules.Outcome outcome = rules.check(body, locale, true);
        if (!outcome.valid()) {
            throw new ApiProblem(400, "events.error.form", outcome.problems().texts(messages, locale));
        }
        Events.Submitted submitted = events.submit(c, outcome.draft(), outcome.contactEmail(), outcome.language());
        limits.count(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Accepted(submitted.id(), EventStatus.UNCONFIRMED.name(), messages.getMessage("events.api.accepted", null, locale)));
    }

    private EventQueries.Filter filter(String country, String city, String type, String date, String mode, String q,
                                       String from, String to, Locale locale) {
        FilterParams.Parsed parsed = FilterParams.parse(countries, country, city, type, date, mode, q, from, to);
        if (!parsed.problems().isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            parsed.problems().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, locale)));
            throw new ApiProblem(400, "events.error.parameter", errors);
        }
        return parsed.filter();
    }

    private Campaign campaign(String slug) {
        return campaigns.bySlug(slug).orElseThrow(() -> new ApiProblem(404, "events.error.campaign", Map.of()));
    }

    private ApiCampaign campaign(Campaign c, boolean current, Map<String, Long> counts, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        c.texts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(t -> names.put(t.getKey(), t.getValue().name()));
        return new ApiCampaign(c.slug(), c.name(locale), c.text(locale).description(), names, c.startsOn().toString(),
                c.endsOn().toString(), current, counts,
                Map.of("events", "/api/v1/campaigns/" + c.slug() + "/events", "page", "/events?campaign=" + c.slug(),
                        "ics", "/api/v1/campaigns/" + c.slug() + "/events.ics",
                        "atom", "/api/v1/campaigns/" + c.slug() + "/events.atom"));
    }

    ApiEvent event(PublicEvent e) {
        ApiLocation location = e.online() && e.country() == null && e.city() == null ? null
                : new ApiLocation(e.venue(), e.address(), e.city(), e.country(),
                e.latitude() == null ? null : e.latitude().doubleValue(),
                e.longitude() == null ? null : e.longitude().doubleValue(), e.visibility().name());
        List<ApiOrganization> organizations = e.organizations().stream()
                .map(o -> new ApiOrganization(o.name(), o.country(), o.verified() ? platform.link("/organizations/" + o.id()) : null))
                .toList();
        return new ApiEvent(e.id(), platform.link("/events/" + e.id()), e.title(), e.type().name(), e.description(),
                e.languages(), EventFormat.iso(e.start()), EventFormat.iso(e.end()), e.zone().getId(), e.online(),
                e.onlineUrl(), location, e.organizers(), organizations, e.accessibility());
    }
}
