package org.solidarityhub.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.Markdown;
import org.solidarityhub.submissions.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public side: the list of a campaign's events grouped by country and city (with the map above it
 * when JavaScript is on), the event page, the calendar of the week, and the embeddable list.
 */
@Controller
class EventPagesController {

    /** An event as a list shows it. */
    record Card(PublicEvent event, String when, String zone, String countryName, String typeName) {
    }

    record CityGroup(String city, List<Card> events) {
    }

    record CountryGroup(String code, String name, List<CityGroup> cities) {
    }

    record Day(LocalDate date, String label, List<Card> events) {
    }

    /**
     * What the list shows of one page of a filter in one language, kept while the campaign's events stay unchanged;
     * the groups and cards as the HTML of events/list-groups.html, which holds nothing of a request.
     */
    record ListView(String groupsHtml, long total, List<Countries.Country> countryChoices, List<String> cityChoices,
                    EventQueries.Counts counts) {
    }

    private final Campaigns campaigns;
    private final EventQueries queries;
    private final Countries countries;
    private final Markdown markdown;
    private final EventsProperties properties;
    private final org.springframework.context.MessageSource messages;
    private final Events events;
    private final AddressRequests addressRequests;
    private final FeedCache cache;
    private final ITemplateEngine templates;

    EventPagesController(Campaigns campaigns, EventQueries queries, Countries countries, Markdown markdown,
                         EventsProperties properties, org.springframework.context.MessageSource messages, Events events,
                         AddressRequests addressRequests, FeedCache cache, ITemplateEngine templates) {
        this.cache = cache;
        this.templates = templates;
        this.events = events;
        this.addressRequests = addressRequests;
        this.campaigns = campaigns;
        this.queries = queries;
        this.countries = countries;
        this.markdown = markdown;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/events")
    String list(@RequestParam(required = false) String campaign, @RequestParam(required = false) String country,
                @RequestParam(required = false) String city, @RequestParam(required = false) String type,
                @RequestParam(required = false) String date, @RequestParam(required = false) String mode,
                @RequestParam(required = false) String q, @RequestParam(required = false) String page,
                Locale locale, Model model, HttpServletResponse response) {
        if ((campaign == null || campaign.isBlank()) && campaigns.current().isEmpty()) {
            return "events/none";
        }
        Campaign c = campaign(campaign);
        FilterParams.Parsed parsed = FilterParams.parse(countries, country, city, type, date, mode, q, null, null);
        Integer pageNumber = FilterParams.page(page);
        if (!parsed.problems().isEmpty() || pageNumber == null) {
            throw new BadInputException(pageNumber == null ? "events.error.page" : parsed.problems().values().iterator().next());
        }
        int size = properties.listPageSize();
        // the version of the campaign's events is read on every request: a change shows at once, on every instance
        FeedCache.Version version = cache.version(c.id());
        ListView view = cache.get("list " + c.id() + " " + locale.toLanguageTag() + " " + pageNumber + query(parsed.filter()), version,
                () -> listView(c, parsed.filter(), size, (pageNumber - 1) * size, locale));
        model.addAttribute("groupsHtml", view.groupsHtml());
        model.addAttribute("total", view.total());
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasMore", (long) pageNumber * size < view.total());
        model.addAttribute("filter", parsed.filter());
        model.addAttribute("params", Map.of("country", nonNull(parsed.filter().country()), "city", nonNull(city),
                "type", nonNull(type), "date", nonNull(date), "mode", nonNull(mode), "q", nonNull(q)));
        model.addAttribute("countryChoices", view.countryChoices());
        model.addAttribute("cityChoices", view.cityChoices());
        model.addAttribute("types", EventType.values());
        campaignModel(c, view.counts(), locale, model);
        model.addAttribute("geojson", "/api/v1/campaigns/" + c.slug() + "/events.geojson" + query(parsed.filter()));
        if (properties.hasTiles()) {
            response.setHeader("Content-Security-Policy", EventsSecurity.policyWithTiles(properties.tileUrl()));
        }
        model.addAttribute("tileUrl", properties.tileUrl());
        model.addAttribute("tileAttribution", properties.tileAttribution());
        return "events/list";
    }

    private ListView listView(Campaign c, EventQueries.Filter filter, int limit, int offset, Locale locale) {
        EventQueries.Page result = queries.find(c.id(), filter, EventQueries.Order.BY_PLACE, limit, offset, false);
        // the campaign's countries, in the order of the site's country list (sorted by name in this language)
        java.util.Set<String> campaignCountries = java.util.Set.copyOf(queries.countries(c.id()));
        List<Countries.Country> countryChoices = countries.all(locale).stream()
                .filter(country -> campaignCountries.contains(country.code())).toList();
        // the city suggestions of one country (all cities of a big campaign would make the page heavy)
        List<String> cityChoices = filter.country() == null ? List.of() : queries.cities(c.id(), filter.country());
        // rendered here, without the request: the same HTML serves every reader of this page until an event changes
        String groupsHtml = templates.process("events/list-groups", new Context(locale, Map.of("groups", group(result.events(), locale))));
        return new ListView(groupsHtml, result.total(), countryChoices, cityChoices, queries.counts(c.id()));
    }

    @GetMapping("/events/{id:\\d{1,18}}")
    String show(@PathVariable long id, @RequestParam(required = false) String asked, Locale locale, Model model,
                HttpServletResponse response) {
        return showEvent(id, new AddressRequests.Ask("", "", ""), Map.of(), asked != null, locale, model, response);
    }

    /** A reader asks the organizers for the address of an "on request" event. */
    @org.springframework.web.bind.annotation.PostMapping("/events/{id:\\d{1,18}}/address-request")
    String askForAddress(@PathVariable long id, AddressRequests.Ask ask, Locale locale, Model model,
                         jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        StoredEvent stored = events.find(id).filter(addressRequests::open)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!addressRequests.allowed(request.getRemoteAddr(), id)) {
            throw new SubmissionLimits.TooManySubmissions();
        }
        Map<String, Problem> errors = addressRequests.check(ask);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showEvent(id, ask, errors, false, locale, model, response);
        }
        addressRequests.send(stored, ask, request.getRemoteAddr());
        return "redirect:/events/" + id + "?asked";
    }

    private String showEvent(long id, AddressRequests.Ask ask, Map<String, Problem> askErrors, boolean asked, Locale locale,
                             Model model, HttpServletResponse response) {
        PublicEvent event = queries.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("askOpen", events.find(id).map(addressRequests::open).orElse(false));
        model.addAttribute("ask", ask);
        model.addAttribute("askErrors", askErrors);
        model.addAttribute("asked", asked);
        Campaign c = campaigns.byId(event.campaignId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("card", card(event, locale));
        model.addAttribute("descriptionHtml", markdown.toHtml(event.description()));
        model.addAttribute("startIso", EventFormat.iso(event.start()));
        model.addAttribute("endIso", EventFormat.iso(event.end()));
        model.addAttribute("languageNames", event.languages().stream()
                .map(l -> Locale.forLanguageTag(l).getDisplayLanguage(locale)).toList());
        if (properties.hasTiles()) {
            response.setHeader("Content-Security-Policy", EventsSecurity.policyWithTiles(properties.tileUrl()));
        }
        model.addAttribute("tileUrl", properties.tileUrl());
        model.addAttribute("tileAttribution", properties.tileAttribution());
        campaignModel(c, counts(c), locale, model);
        return "events/show";
    }

    @GetMapping("/events/calendar")
    String calendar(@RequestParam(required = false) String campaign, Locale locale, Model model) {
        Campaign c = campaign(campaign);
        EventQueries.Filter filter = new EventQueries.Filter(null, null, null, null, null, null, null, null, null, null);
        List<PublicEvent> events = queries.find(c.id(), filter, EventQueries.Order.BY_TIME, 10_000, 0, false).events();
        List<Day> days = new ArrayList<>();
        java.time.format.DateTimeFormatter label = java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.FULL).withLocale(locale);
        for (LocalDate day = c.startsOn(); !day.isAfter(c.endsOn()); day = day.plusDays(1)) {
            LocalDate d = day;
            days.add(new Day(day, label.format(day), events.stream()
                    .filter(e -> !e.startsLocal().toLocalDate().isAfter(d) && !e.endsLocal().toLocalDate().isBefore(d))
                    .map(e -> card(e, locale)).toList()));
        }
        model.addAttribute("days", days);
        campaignModel(c, counts(c), locale, model);
        return "events/calendar";
    }

    Campaign campaign(String slug) {
        return (slug == null || slug.isBlank() ? campaigns.current() : campaigns.bySlug(slug))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The campaign's counts ("8 actions in 7 countries"), kept while its events stay unchanged. */
    EventQueries.Counts counts(Campaign c) {
        return cache.get("counts " + c.id(), cache.version(c.id()), () -> queries.counts(c.id()));
    }

    void campaignModel(Campaign c, EventQueries.Counts counts, Locale locale, Model model) {
        model.addAttribute("campaign", c);
        model.addAttribute("campaignName", c.name(locale));
        model.addAttribute("campaignDescriptionHtml", markdown.toHtml(c.text(locale).description()));
        model.addAttribute("counts", counts);
    }

    Card card(PublicEvent e, Locale locale) {
        return new Card(e, EventFormat.when(e.start(), e.end(), locale), EventFormat.zone(e.start()),
                e.country() == null ? "" : countries.name(e.country(), locale),
                messages.getMessage(e.type().messageKey(), null, locale));
    }

    /** Events grouped by country (by localized name), then city; online events without a country last. */
    List<CountryGroup> group(List<PublicEvent> events, Locale locale) {
        Map<String, Map<String, List<Card>>> byCountry = new LinkedHashMap<>();
        for (PublicEvent e : events) {
            String country = e.online() && e.country() == null ? "" : nonNull(e.country());
            String city = e.online() ? messages.getMessage("events.list.online", null, locale) : nonNull(e.city());
            byCountry.computeIfAbsent(country, k -> new LinkedHashMap<>()).computeIfAbsent(city, k -> new ArrayList<>())
                    .add(card(e, locale));
        }
        java.text.Collator collator = java.text.Collator.getInstance(locale);
        List<CountryGroup> groups = new ArrayList<>();
        byCountry.forEach((code, cities) -> {
            List<CityGroup> cityGroups = new ArrayList<>();
            cities.forEach((city, cards) -> cityGroups.add(new CityGroup(city, cards)));
            cityGroups.sort((a, b) -> collator.compare(a.city(), b.city()));
            groups.add(new CountryGroup(code, code.isEmpty() ? messages.getMessage("events.list.online", null, locale)
                    : countries.name(code, locale), cityGroups));
        });
        groups.sort((a, b) -> a.code().isEmpty() ? 1 : b.code().isEmpty() ? -1 : collator.compare(a.name(), b.name()));
        return groups;
    }

    private static String query(EventQueries.Filter f) {
        StringBuilder s = new StringBuilder();
        append(s, "country", f.country());
        append(s, "city", f.city());
        append(s, "type", f.type() == null ? null : f.type().name());
        append(s, "date", f.date() == null ? null : f.date().toString());
        append(s, "mode", f.online() == null ? null : f.online() ? "online" : "in-person");
        append(s, "q", f.q());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) {
            s.append(s.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
