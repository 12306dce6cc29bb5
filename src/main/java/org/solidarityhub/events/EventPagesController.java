package org.solidarityhub.events;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.ContentLanguages;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.Markdown;
import org.solidarityhub.platform.PageNumbers;
import org.solidarityhub.platform.ShareCards;
import org.solidarityhub.submissions.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public side: the list of a campaign's events grouped by country and city (with the map above it
 * when JavaScript is on), the event page, the calendar of the week, and the embeddable list.
 */
@Controller
class EventPagesController {

    private final Campaigns campaigns;
    private final EventQueries queries;
    private final EventViews views;
    private final Countries countries;
    private final Markdown markdown;
    private final EventsProperties properties;
    private final Events events;
    private final AddressRequests addressRequests;
    private final java.util.List<EventPageSection> sections;
    private final MapLabels mapLabels;
    private final EventShareCards cards;
    private final ShareCards shareCards;
    private final Gazetteer places;
    private final EventImages images;
    private final EventSeries series;

    EventPagesController(Campaigns campaigns, EventQueries queries, EventViews views, Countries countries, Markdown markdown,
                         EventsProperties properties, Events events, AddressRequests addressRequests,
                         java.util.List<EventPageSection> sections, MapLabels mapLabels, EventShareCards cards,
                         ShareCards shareCards, Gazetteer places, EventImages images, EventSeries series) {
        this.places = places;
        this.images = images;
        this.series = series;
        this.cards = cards;
        this.shareCards = shareCards;
        this.sections = sections;
        this.mapLabels = mapLabels;
        this.campaigns = campaigns;
        this.queries = queries;
        this.views = views;
        this.countries = countries;
        this.markdown = markdown;
        this.properties = properties;
        this.events = events;
        this.addressRequests = addressRequests;
    }

    @GetMapping("/events")
    String list(@RequestParam(required = false) String campaign, @RequestParam(required = false) String country,
                @RequestParam(required = false) String city, @RequestParam(required = false) String type,
                @RequestParam(required = false) String date, @RequestParam(required = false) String mode,
                @RequestParam(required = false) String q, @RequestParam(required = false) String page,
                @RequestParam(required = false) String near, @RequestParam(required = false) String radius,
                Locale locale, Model model, HttpServletResponse response) {
        if (campaigns.noneToShow(campaign)) {
            return "events/none";
        }
        Campaign c = campaigns.forPage(campaign);
        FilterParams.Parsed parsed = FilterParams.near(FilterParams.parse(countries, country, city, type, date, mode, q, null, null),
                places, near, radius);
        Integer pageNumber = PageNumbers.parse(page);
        if (!parsed.problems().isEmpty() || pageNumber == null) {
            throw new BadInputException(pageNumber == null ? "events.error.page" : parsed.problems().values().iterator().next());
        }
        int size = properties.listPageSize();
        EventViews.ListView view = views.list(c, parsed.filter(), pageNumber, size, locale);
        model.addAttribute("groupsHtml", view.groupsHtml());
        model.addAttribute("total", view.total());
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasMore", (long) pageNumber * size < view.total());
        model.addAttribute("filter", parsed.filter());
        model.addAttribute("params", Map.of("country", nonNull(parsed.filter().country()), "city", nonNull(city),
                "type", nonNull(type), "date", nonNull(date), "mode", nonNull(mode), "q", nonNull(q),
                "near", nonNull(near), "radius", parsed.filter().near() == null ? nonNull(radius) : String.valueOf(parsed.filter().near().radiusKm())));
        model.addAttribute("radiusDefault", FilterParams.RADIUS_DEFAULT);
        model.addAttribute("radiusMin", FilterParams.RADIUS_MIN);
        model.addAttribute("radiusMax", FilterParams.RADIUS_MAX);
        model.addAttribute("countryChoices", view.countryChoices());
        model.addAttribute("cityChoices", view.cityChoices());
        model.addAttribute("types", EventType.values());
        campaignModel(c, view.counts(), locale, model);
        model.addAttribute("geojson", "/api/v1/campaigns/" + c.slug() + "/events.geojson" + EventViews.query(parsed.filter()));
        if (properties.hasTiles()) {
            response.setHeader("Content-Security-Policy", EventsSecurity.policyWithTiles(properties.tileUrl()));
        }
        model.addAttribute("tileUrl", properties.tileUrl());
        model.addAttribute("tileAttribution", properties.tileAttribution());
        return "events/list";
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
        model.addAttribute("card", views.card(event, locale));
        model.addAttribute("images", images.shown(id));
        model.addAttribute("series", series.view(event, locale));
        model.addAttribute("sections", sections.stream().map(s -> {
            Object data = s.data(id, locale);
            return data == null ? null : new EventPageSection.Shown(s.template(), data);
        }).filter(java.util.Objects::nonNull).toList());
        model.addAttribute("descriptionHtml", markdown.toHtml(event.description()));
        model.addAttribute("startIso", EventFormat.iso(event.start()));
        model.addAttribute("endIso", EventFormat.iso(event.end()));
        model.addAttribute("directionsUrl", directions(event));
        model.addAttribute("mapPlaces", mapLabels.json(event));
        model.addAttribute("languageNames", event.languages().stream()
                .map(l -> ContentLanguages.name(l, locale)).toList());
        if (properties.hasTiles()) {
            response.setHeader("Content-Security-Policy", EventsSecurity.policyWithTiles(properties.tileUrl()));
        }
        model.addAttribute("tileUrl", properties.tileUrl());
        model.addAttribute("tileAttribution", properties.tileAttribution());
        campaignModel(c, views.counts(c), locale, model);
        shareCards.addPage(model, locale, "/events/" + id, event.title(),
                String.join(" · ", cards.card(event, locale).details()));
        return "events/show";
    }

    @GetMapping("/events/calendar")
    String calendar(@RequestParam(required = false) String campaign, Locale locale, Model model) {
        Campaign c = campaigns.forPage(campaign);
        model.addAttribute("days", views.days(c, locale));
        campaignModel(c, views.counts(c), locale, model);
        return "events/calendar";
    }

    private void campaignModel(Campaign c, EventQueries.Counts counts, Locale locale, Model model) {
        model.addAttribute("campaign", c);
        model.addAttribute("campaignName", c.name(locale));
        model.addAttribute("campaignDescriptionHtml", markdown.toHtml(c.text(locale).description()));
        model.addAttribute("counts", counts);
    }

    /**
     * A plain link to directions to the event on OpenStreetMap (nothing is asked of it until a reader follows the link),
     * only when the exact place is public: never for an event whose address is hidden or which is online.
     */
    static String directions(PublicEvent e) {
        if (e.online() || e.visibility() != Visibility.PUBLIC || !e.hasPin()) {
            return null;
        }
        String lat = e.latitude().toPlainString();
        String lon = e.longitude().toPlainString();
        return "https://www.openstreetmap.org/directions?from=&to=" + lat + "%2C" + lon + "#map=16/" + lat + "/" + lon;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
