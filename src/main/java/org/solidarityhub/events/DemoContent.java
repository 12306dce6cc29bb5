package org.solidarityhub.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidarityhub.organizations.Organization;
import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The demo content taken from the seed texts: the global week of action 2027 and its Brussels
 * demonstration (with its three organizing organizations, verified), plus a few events of the kinds the
 * call names in other cities. Loaded at start-up only when {@code app.demo} is on; loading twice changes
 * nothing.
 */
@Component
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    static final String CAMPAIGN_SLUG = "week-of-action-2027";

    private final PlatformProperties platform;
    private final Campaigns campaigns;
    private final Events events;
    private final EventStore store;
    private final EventRules rules;
    private final Organizations organizations;

    DemoContent(PlatformProperties platform, Campaigns campaigns, Events events, EventStore store, EventRules rules,
                Organizations organizations) {
        this.platform = platform;
        this.campaigns = campaigns;
        this.events = events;
        this.store = store;
        this.rules = rules;
        this.organizations = organizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (platform.demo()) {
            load();
        }
    }

    /** Loads the demo campaign and events that are not there yet; returns the campaign. */
    Campaign load() {
        Campaign campaign = campaigns.createIfAbsent(CAMPAIGN_SLUG, LocalDate.of(2027, 2, 24), LocalDate.of(2027, 3, 3), Map.of(
                "en", new Campaign.Text("Global week of action 2027",
                        "From 24 February to 3 March, groups everywhere organize rallies, fundraisers, concerts, film "
                                + "screenings, exhibitions and panel discussions against the Russian war of aggression and "
                                + "for solidarity with the Ukrainian people in their resistance.\n\n"
                                + "**Peace for Ukraine, no to the Russian war!**"),
                "uk", new Campaign.Text("Глобальний тиждень дій 2027",
                        "З 24 лютого по 3 березня групи по всьому світу організовують мітинги, збори коштів, концерти, "
                                + "кінопокази, виставки та дискусії проти російської загарбницької війни та на знак "
                                + "солідарності з українським народом у його спротиві.\n\n"
                                + "**Мир для України, ні російській війні!**")));
        int loaded = 0;
        for (Demo demo : DEMOS) {
            if (store.idByDemoKey(demo.key()).isPresent()) {
                continue;
            }
            List<Organization> organizers = demo.event().organizations() == null ? List.of()
                    : demo.event().organizations().stream().map(o -> organizations.findOrCreate(o.name(), o.country(), null)).toList();
            organizers.forEach(o -> organizations.verify(o.id()));
            EventRules.Outcome outcome = rules.check(demo.event(), campaign, Locale.ENGLISH, false, false);
            if (!outcome.valid()) {
                throw new IllegalStateException("demo event " + demo.key() + " is not valid: " + outcome.errors());
            }
            events.publishDirectly(campaign, outcome.draft(), demo.key());
            loaded++;
        }
        if (loaded > 0) {
            log.info("Loaded {} demo event(s) into campaign {}", loaded, CAMPAIGN_SLUG);
        }
        return campaign;
    }

    record Demo(String key, SubmitEvent event) {
    }

    private static SubmitEvent.Location place(String venue, String address, String city, String country, String lat,
                                              String lon, String visibility) {
        return new SubmitEvent.Location(venue, address, city, country, lat, lon, visibility);
    }

    private static SubmitEvent.OrganizationRef org(String name, String country) {
        return new SubmitEvent.OrganizationRef(name, country);
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("brussels-2027", new SubmitEvent("Peace for Ukraine, no to the Russian war!", "DEMONSTRATION",
                    "One year more of indescribable suffering and bloodshed for the Ukrainian people. We take to the streets "
                            + "of Brussels against the Russian invasion and for solidarity with Ukraine, as part of the "
                            + "worldwide week of action.\n\n"
                            + "- Peace for Ukraine, no to the Russian war! Immediate cessation of bombing by the Russian "
                            + "military and withdrawal of all Russian troops from Ukraine.\n"
                            + "- The widest possible support for and solidarity with the Ukrainian people in their justified "
                            + "resistance to the Russian invasion.",
                    List.of("en", "fr", "nl"), "2027-02-25T13:00", "2027-02-25T16:00", "Europe/Brussels",
                    place("", "Corner of Koning Albert II Laan and Boulevard d’Anvers", "Brussels", "BE", "50.8571", "4.3592", "PUBLIC"),
                    null, "Promote Ukraine, The Union of Ukrainian Women in Belgium and the European Network for Solidarity with Ukraine",
                    List.of(org("Promote Ukraine", "BE"), org("The Union of Ukrainian Women in Belgium", "BE"),
                            org("European Network for Solidarity with Ukraine", "BE")),
                    null, "The gathering point is at street level.", false, "en")),
            new Demo("glasgow-2027", new SubmitEvent("Stand with Ukraine: rally in George Square", "RALLY_OR_VIGIL",
                    "Rally for a global week of action against the Russian invasion and for solidarity with Ukraine.",
                    List.of("en"), "2027-02-24T17:30", "2027-02-24T19:00", null,
                    place("George Square", "George Square", "Glasgow", "GB", "55.86108", "-4.25018", "PUBLIC"),
                    null, "Ukraine solidarity groups in Scotland", List.of(), null, "", false, "en")),
            new Demo("kyiv-online-2027", new SubmitEvent("The Russian shadow fleet and its environmental impact", "ONLINE_EVENT",
                    "An online panel discussion on the Russian shadow fleet, its environmental impact and the international "
                            + "security challenges it poses.",
                    List.of("uk", "en"), "2027-02-27T19:00", "2027-02-27T21:00", "Europe/Kyiv",
                    null, "https://meet.example.org/shadow-fleet", "Solidarity Collectives", List.of(org("Solidarity Collectives", "UA")),
                    null, "Subtitles in English.", false, "uk")),
            new Demo("warsaw-2027", new SubmitEvent("Film screening and discussion", "FILM_SCREENING",
                    "A documentary about Ukrainian volunteers, followed by a discussion with the filmmakers.",
                    List.of("pl", "uk"), "2027-02-26T18:00", "2027-02-26T21:00", null,
                    place("Community cinema", "ul. Przykładowa 1", "Warsaw", "PL", null, null, "PUBLIC"),
                    null, "Ukrainian and Polish solidarity groups", List.of(), null, "Step-free access.", true, "en")),
            new Demo("berlin-2027", new SubmitEvent("Benefit concert for Ukrainian volunteers", "CONCERT",
                    "Bands play for the purchase of equipment that is virtually non-existent in Ukraine.",
                    List.of("de", "en"), "2027-03-01T20:00", "2027-03-01T23:30", null,
                    place("", "", "Berlin", "DE", null, null, "CITY"),
                    null, "Berlin solidarity collective", List.of(), null, "", false, "en")),
            new Demo("new-york-2027", new SubmitEvent("Vigil for the victims of the war", "RALLY_OR_VIGIL",
                    "A silent vigil with candles.",
                    List.of("en", "uk"), "2027-02-24T18:00", "2027-02-24T19:30", null,
                    place("Union Square", "Union Square", "New York City", "US", "40.73588", "-73.99066", "PUBLIC"),
                    null, "New York Ukraine solidarity", List.of(), null, "", false, "en")),
            new Demo("tokyo-2027", new SubmitEvent("Art exhibition: resistance and everyday life", "EXHIBITION",
                    "Works by Ukrainian artists about resistance and everyday life during the war.",
                    List.of("ja", "en"), "2027-02-25T11:00", "2027-03-03T18:00", null,
                    place("Gallery", "", "Tokyo", "JP", null, null, "PUBLIC"),
                    null, "Tokyo friends of Ukraine", List.of(), null, "", false, "en")),
            new Demo("vilnius-2027", new SubmitEvent("Street art for Ukraine", "GRAFFITI_OR_STREET_ART",
                    "Paint graffiti in the streets of your city and send us a picture of it.",
                    List.of("lt", "en"), "2027-02-28T10:00", "2027-02-28T16:00", null,
                    place("", "", "Vilnius", "LT", null, null, null),
                    null, "Anti-authoritarian groups of Vilnius", List.of(), null, "", false, "en")));
}
