package org.solidarityhub.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.Countries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign's gallery: thumbnails of the approved photos and videos of published reports, newest first, filtered
 * by country, kind of action and media type, in pages of 48 (links, no JavaScript needed; images load lazily and a
 * small script opens them in a lightbox where JavaScript runs).
 */
@Controller
class ReportPagesController {

    private final EventDirectory events;
    private final ReportStore store;
    private final ReportViews views;
    private final Countries countries;
    private final ReportsProperties properties;

    ReportPagesController(EventDirectory events, ReportStore store, ReportViews views, Countries countries, ReportsProperties properties) {
        this.events = events;
        this.store = store;
        this.views = views;
        this.countries = countries;
        this.properties = properties;
    }

    @GetMapping("/reports")
    String gallery(@RequestParam(required = false) String campaign, @RequestParam(required = false) String country,
                   @RequestParam(required = false) String type, @RequestParam(required = false) String media,
                   @RequestParam(required = false) String page, Locale locale, Model model) {
        EventDirectory.CampaignRef c = events.campaignForPage(campaign, locale);
        GalleryParams params = GalleryParams.parse(countries, events, country, type, media, page);
        if (params.problemKey() != null) {
            throw new BadInputException(params.problemKey());
        }
        int size = properties.galleryPageSize();
        List<ReportStore.GalleryItem> items = store.gallery(c.id(), params.filter(), (params.page() - 1) * size, size);
        long total = store.galleryCount(c.id(), params.filter());
        model.addAttribute("campaign", c);
        model.addAttribute("tiles", views.tiles(items));
        model.addAttribute("total", total);
        model.addAttribute("page", params.page());
        model.addAttribute("hasMore", (long) params.page() * size < total);
        model.addAttribute("filter", params.filter());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("campaign", c.slug());
        query.put("country", nonNull(params.filter().country()));
        query.put("type", nonNull(params.filter().eventType()));
        query.put("media", params.filter().kind() == null ? "" : params.filter().kind().toLowerCase(Locale.ROOT));
        model.addAttribute("query", query);
        model.addAttribute("countryChoices", store.galleryCountries(c.id()).stream()
                .map(code -> new Countries.Country(code, countries.name(code, locale))).toList());
        model.addAttribute("types", events.types());
        return "reports/gallery";
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
