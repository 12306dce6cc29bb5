package org.solidarityhub.events;

import java.util.Locale;

import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A read-only list of a campaign's events, filtered by country or type, for partner websites to show in
 * an iframe: {@code <iframe src="https://hub.example/embed/events?country=BE">}. Only public fields.
 */
@Controller
class EmbedController {

    static final int LIMIT = 200;

    private final Campaigns campaigns;
    private final EventViews views;
    private final Countries countries;
    private final PlatformProperties platform;

    EmbedController(Campaigns campaigns, EventViews views, Countries countries, PlatformProperties platform) {
        this.campaigns = campaigns;
        this.views = views;
        this.countries = countries;
        this.platform = platform;
    }

    @GetMapping("/embed/events")
    String embed(@RequestParam(required = false) String campaign, @RequestParam(required = false) String country,
                 @RequestParam(required = false) String type, Locale locale, Model model) {
        Campaign c = campaigns.forPage(campaign);
        FilterParams.Parsed parsed = FilterParams.parse(countries, country, null, type, null, null, null, null, null);
        if (!parsed.problems().isEmpty()) {
            throw new BadInputException(parsed.problems().values().iterator().next());
        }
        model.addAttribute("cards", views.byTime(c, parsed.filter(), LIMIT, locale));
        model.addAttribute("campaignName", c.name(locale));
        model.addAttribute("site", platform.link(locale, "/"));
        model.addAttribute("moreUrl", platform.link(locale, "/events?campaign=" + c.slug()
                + (parsed.filter().country() == null ? "" : "&country=" + parsed.filter().country())
                + (parsed.filter().type() == null ? "" : "&type=" + parsed.filter().type().name())));
        model.addAttribute("eventBase", platform.link(locale, "/events/"));
        return "events/embed";
    }
}
