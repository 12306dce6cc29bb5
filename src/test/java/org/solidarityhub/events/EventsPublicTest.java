package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

class EventsPublicTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;
    @Autowired Organizations organizations;

    Campaign campaign;
    long brussels;
    long kyiv;
    long vilnius;
    long exhibition;
    String pendingTitle;

    @BeforeEach
    void events() {
        campaign = EventsFixture.newCampaign(campaigns);
        SubmitEvent demo = EventsFixture.event("Peace for Ukraine", "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null, "Brussels", "BE", "PUBLIC");
        demo = new SubmitEvent(demo.title(), demo.type(), demo.description(), demo.languages(), demo.start(), demo.end(), null,
                demo.location(), null, demo.organizers(), List.of(new SubmitEvent.OrganizationRef("Promote Ukraine", "BE"),
                new SubmitEvent.OrganizationRef("A group nobody verified " + campaign.slug(), "BE")),
                "private-brussels@example.org", "Step-free access.", false, "en");
        brussels = EventsFixture.approved(rules, events, store, campaign, demo);
        organizations.verify(organizations.findOrCreate("Promote Ukraine", "BE", null).id());
        kyiv = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Concert in Kyiv", "CONCERT", "2027-02-26T19:00", "2027-02-26T22:00", null, "Kyiv", "UA", "PUBLIC"));
        vilnius = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Street art", "GRAFFITI_OR_STREET_ART", "2027-02-28T10:00", "2027-02-28T16:00", null, "Vilnius", "LT", null));
        exhibition = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Exhibition in Brussels", "EXHIBITION", "2027-02-26T10:00", "2027-03-01T18:00", null, "Brussels", "BE", "PUBLIC"));
        pendingTitle = "Not yet approved " + campaign.slug();
        EventsFixture.pending(rules, events, campaign,
                EventsFixture.event(pendingTitle, "RALLY_OR_VIGIL", "2027-02-27T12:00", "2027-02-27T13:00", null, "Kyiv", "UA", "PUBLIC"));
    }

    @Test
    void theListGroupsApprovedEventsByCountryAndCityWithLiveCounts() {
        Browser.Page list = browser.get("/en/events?campaign=" + campaign.slug());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text(".counts")).isEqualTo("4 actions in 3 countries");
        Document doc = list.doc();
        assertThat(doc.select(".country-group > h2").eachText()).containsExactly("Belgium", "Lithuania", "Ukraine");
        Element belgium = doc.select(".country-group").first();
        assertThat(belgium.select(".city-group h3").eachText()).containsExactly("Brussels");
        assertThat(belgium.select(".event-list a").eachText()).containsExactly("Peace for Ukraine", "Exhibition in Brussels");
        assertThat(list.body()).doesNotContain(pendingTitle).doesNotContain("private-brussels@example.org")
                .doesNotContain("@example.org");
        assertThat(list.text("#event-" + brussels + " .meta")).contains("25 February 2027, 13:00–16:00").contains("Central European Time (GMT+1)");
        assertThat(browser.get("/uk/events?campaign=" + campaign.slug()).text(".counts")).isEqualTo("4 акції у 3 країнах");
    }

    @Test
    void theListIsKeptPerLanguageAndShowsEveryChangeOfTheEventsAtOnce() {
        String list = "/events?campaign=" + campaign.slug();
        assertThat(browser.get("/en" + list).doc().select(".country-group > h2").eachText()).containsExactly("Belgium", "Lithuania", "Ukraine");
        assertThat(browser.get("/uk" + list).doc().select(".country-group > h2").eachText()).containsExactly("Бельгія", "Литва", "Україна");
        assertThat(browser.get("/uk" + list).text("#event-" + kyiv + " .badge")).isEqualTo("Концерт");
        assertThat(browser.get("/en" + list).text("#event-" + kyiv + " .badge")).isEqualTo("Concert");

        // a new event: shown at once, with the counts and the country filter
        long warsaw = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Rally in Warsaw", "RALLY_OR_VIGIL", "2027-02-27T12:00", "2027-02-27T14:00", null, "Warsaw", "PL", "PUBLIC"));
        Browser.Page after = browser.get("/en" + list);
        assertThat(after.doc().select(".country-group > h2").eachText()).containsExactly("Belgium", "Lithuania", "Poland", "Ukraine");
        assertThat(after.text(".counts")).isEqualTo("5 actions in 4 countries");
        assertThat(after.doc().select("select[name=country] option").eachAttr("value")).contains("PL");
        assertThat(browser.get("/uk" + list).doc().select(".country-group > h2").eachText()).contains("Польща");

        // a change of the published version, then a cancellation: shown at once too
        Events.Submitted submitted = EventsFixture.pending(rules, events, campaign,
                EventsFixture.event("Vigil before", "RALLY_OR_VIGIL", "2027-02-27T18:00", "2027-02-27T19:00", null, "Vilnius", "LT", "PUBLIC"));
        events.approve(submitted.id(), store.find(submitted.id()).orElseThrow().pending().id());
        assertThat(titles("/en" + list + "&country=LT")).containsExactlyInAnyOrder("Street art", "Vigil before");
        EventRules.Outcome changed = rules.check(EventsFixture.event("Vigil after", "RALLY_OR_VIGIL", "2027-02-27T18:00",
                "2027-02-27T19:00", null, "Vilnius", "LT", "PUBLIC"), campaign, java.util.Locale.ENGLISH, false);
        events.edit(submitted.token(), changed.draft());
        events.approve(submitted.id(), store.find(submitted.id()).orElseThrow().pending().id());
        assertThat(titles("/en" + list + "&country=LT")).containsExactlyInAnyOrder("Street art", "Vigil after");
        assertThat(titles("/uk" + list + "&country=LT")).containsExactlyInAnyOrder("Street art", "Vigil after");
        events.cancel(submitted.token());
        assertThat(titles("/en" + list + "&country=LT")).containsExactly("Street art");
        assertThat(titles("/uk" + list + "&country=LT")).containsExactly("Street art");
        assertThat(browser.get("/uk" + list).doc().select(".event-list a").eachText()).doesNotContain("Vigil after");
        assertThat(browser.get("/en" + list).text(".counts")).isEqualTo("5 actions in 4 countries");
        assertThat(browser.get("/en/events/calendar?campaign=" + campaign.slug()).text(".counts")).isEqualTo("5 actions in 4 countries");
        assertThat(browser.get("/en/events/" + warsaw).text("h1")).isEqualTo("Rally in Warsaw");
    }

    @Test
    void theCardsAreRenderedOncePerLanguageAndHoldNothingOfTheRequest() {
        String list = "/events?campaign=" + campaign.slug();
        // English first, then Ukrainian: the Ukrainian page renders Ukrainian cards, not the kept English ones
        Browser.Page en = browser.get("/en" + list);
        assertThat(en.text("#event-" + brussels + " .badge")).isEqualTo("Demonstration");
        assertThat(en.text("#event-" + brussels + " .meta")).contains("25 February 2027, 13:00–16:00");
        Browser.Page uk = browser.get("/uk" + list);
        assertThat(uk.text("#event-" + brussels + " .badge")).isEqualTo("Демонстрація");
        assertThat(uk.text("#event-" + brussels + " .meta")).contains("25 лютого 2027").contains("13:00–16:00")
                .doesNotContain("February");
        assertThat(uk.doc().select(".country-group > h2").eachText()).containsExactly("Бельгія", "Литва", "Україна");
        assertThat(uk.doc().select("#event-" + brussels + " a").attr("href")).isEqualTo("/uk/events/" + brussels);
        // and English again, for another reader: the same cards as the first time, byte for byte
        Browser.Page enAgain = anotherBrowser().acceptLanguage("uk").get("/en" + list);
        assertThat(enAgain.doc().select(".country-group").outerHtml()).isEqualTo(en.doc().select(".country-group").outerHtml());
        assertThat(enAgain.body()).contains(cards(en.body()));
        // the kept cards carry nothing of a request (no CSRF token, session or nonce)
        for (Browser.Page page : List.of(en, uk, enAgain)) {
            assertThat(cards(page.body())).doesNotContainIgnoringCase("csrf").doesNotContainIgnoringCase("nonce")
                    .doesNotContain("jsessionid").doesNotContain("<form").doesNotContain("<input");
        }
    }

    /** The part of a list page with the groups and cards, as sent. */
    private static String cards(String body) {
        int start = body.indexOf("<section class=\"country-group");
        int end = body.lastIndexOf("</section>");
        assertThat(start).isNotNegative();
        return body.substring(start, end + "</section>".length());
    }

    @Test
    void theListFiltersByCountryCityTypeDateModeAndText() {
        String base = "/en/events?campaign=" + campaign.slug();
        assertThat(titles(base + "&country=UA")).containsExactly("Concert in Kyiv");
        assertThat(titles(base + "&country=be&city=brussels")).containsExactly("Peace for Ukraine", "Exhibition in Brussels");
        assertThat(titles(base + "&type=EXHIBITION")).containsExactly("Exhibition in Brussels");
        assertThat(titles(base + "&date=2027-02-28")).containsExactlyInAnyOrder("Exhibition in Brussels", "Street art");
        assertThat(titles(base + "&mode=online")).isEmpty();
        assertThat(titles(base + "&mode=in-person")).hasSize(4);
        assertThat(titles(base + "&q=KYIV")).containsExactly("Concert in Kyiv");
        assertThat(titles(base + "&q=100%25")).isEmpty();
        Browser.Page badCountry = browser.get(base + "&country=XX");
        assertThat(badCountry.status()).isEqualTo(400);
        assertThat(badCountry.text(".lead")).isEqualTo("Please choose a country from the list.");
        assertThat(browser.get(base + "&date=yesterday").status()).isEqualTo(400);
        assertThat(browser.get(base + "&type=PARTY").text(".lead")).isEqualTo("Please choose one of the listed kinds of event.");
        assertThat(browser.get(base + "&page=0").status()).isEqualTo(400);
        assertThat(browser.get("/en/events?campaign=no-such-campaign").status()).isEqualTo(404);
    }

    @Test
    void theEventPageShowsLocalTimeTimezoneOrganizersAndLinkedOrganizations() {
        Browser.Page page = browser.get("/en/events/" + brussels);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("h1")).isEqualTo("Peace for Ukraine");
        assertThat(page.text("time.event-time")).isEqualTo("25 February 2027, 13:00–16:00");
        assertThat(page.doc().selectFirst("time.event-time").attr("datetime")).isEqualTo("2027-02-25T13:00:00+01:00");
        assertThat(page.text(".event-zone")).isEqualTo("Central European Time (GMT+1)");
        assertThat(page.text(".where")).contains("Venue of Peace for Ukraine").contains("Street 1").contains("Brussels").contains("Belgium");
        assertThat(page.text(".organizers")).isEqualTo("Organizers of Peace for Ukraine");
        long promote = organizations.findOrCreate("Promote Ukraine", "BE", null).id();
        assertThat(page.doc().select(".organizations a").eachAttr("href")).containsExactly("/en/organizations/" + promote);
        assertThat(page.doc().select(".organizations li").eachText()).contains("A group nobody verified " + campaign.slug());
        assertThat(page.body()).doesNotContain("private-brussels@example.org");
        Element map = page.doc().selectFirst("#event-map");
        assertThat(map.attr("data-lat")).startsWith("50.");
        assertThat(map.attr("data-precise")).isEqualTo("true");
        assertNoThirdPartyRequests(page);

        // in Ukrainian
        Browser.Page uk = anotherBrowser().acceptLanguage("en").get("/uk/events/" + brussels);
        assertThat(uk.text("time.event-time")).startsWith("25 лютого 2027");
        assertThat(browser.get("/en/events/999999999").status()).isEqualTo(404);
    }

    @Test
    void theEventPageHasOneBlockOfWhenAndWhereWithTheCalendarAndDirectionsToAPublicPlace() {
        Browser.Page page = browser.get("/en/events/" + brussels);
        Element block = page.doc().selectFirst("section.when-where");
        assertThat(block.select("time.event-time").text()).isEqualTo("25 February 2027, 13:00–16:00");
        assertThat(block.select("time.event-time").attr("data-zone")).isEqualTo("Europe/Brussels");
        assertThat(block.select("time.event-time").attr("data-locale")).isEqualTo("en-GB");
        assertThat(block.select("a.add-to-calendar").attr("href")).isEqualTo("/events/" + brussels + ".ics");
        assertThat(browser.get("/events/" + brussels + ".ics").body()).contains("BEGIN:VEVENT");
        // a plain link: nothing is asked of OpenStreetMap until the reader follows it
        String directions = block.select("a.directions").attr("href");
        assertThat(directions).startsWith("https://www.openstreetmap.org/directions?from=&to=50.").contains("%2C4.");
        assertThat(block.select("a.directions").attr("rel")).contains("noreferrer");
        assertThat(page.doc().select("iframe, img[src^=http], script[src^=http]")).isEmpty();
        assertThat(block.select("#event-map")).hasSize(1);
        // the data credits once, in the footer; no second "Places from GeoNames" on the page or on the map
        assertThat(page.body().split("Places from GeoNames", -1)).hasSize(2);
        assertThat(page.doc().select("#event-map").attr("data-attribution")).isEmpty();
        // in Ukrainian, written the Ukrainian way
        Browser.Page uk = browser.get("/uk/events/" + brussels);
        assertThat(uk.text("time.event-time").replace('\u202f', ' ')).isEqualTo("25 лютого 2027 р., 13:00–16:00");
        assertThat(uk.text(".event-zone")).isEqualTo("за центральноєвропейським часом (GMT+1)");
        assertThat(uk.text("a.directions")).isEqualTo("Маршрут на OpenStreetMap");
    }

    @Test
    void noDirectionsToAPlaceWhoseAddressIsHiddenOrToAnOnlineEvent() {
        assertThat(browser.get("/en/events/" + vilnius).doc().select("a.directions")).isEmpty();
        SubmitEvent base = EventsFixture.event("Meeting, address on request", "PANEL_OR_DISCUSSION", "2027-02-27T18:00",
                "2027-02-27T20:00", null, "Kyiv", "UA", "ON_REQUEST");
        long onRequest = EventsFixture.approved(rules, events, store, campaign, base);
        Browser.Page hidden = browser.get("/en/events/" + onRequest);
        assertThat(hidden.doc().select("a.directions")).isEmpty();
        assertThat(hidden.body()).doesNotContain("openstreetmap.org").doesNotContain("Street 1");
        assertThat(hidden.doc().select("a.add-to-calendar")).hasSize(1);

        long online = onlineEvent("Online panel " + campaign.slug());
        Browser.Page page = browser.get("/en/events/" + online);
        assertThat(page.doc().select("a.directions")).isEmpty();
        assertThat(page.text(".where")).startsWith("Online event").contains("https://meet.example.org/panel");
    }

    @Test
    void theMapOfAnEventNamesItsCityAndTheCitiesAroundItFromTheOfflineGazetteer() throws Exception {
        String places = browser.get("/en/events/" + brussels).doc().selectFirst("#event-map").attr("data-places");
        var labels = tools.jackson.databind.json.JsonMapper.builder().build().readTree(places);
        assertThat(labels.size()).isBetween(3, MapLabels.MOST + 1);
        assertThat(labels.get(0).get("name").asString()).isEqualTo("Brussels");
        assertThat(labels.get(0).get("own").asBoolean()).isTrue();
        List<String> names = new java.util.ArrayList<>();
        labels.forEach(l -> names.add(l.get("name").asString()));
        assertThat(names).contains("Antwerpen").doesNotHaveDuplicates();
        // a city-only event names its city too, at the city, not at a hidden address
        String vilniusPlaces = browser.get("/en/events/" + vilnius).doc().selectFirst("#event-map").attr("data-places");
        assertThat(vilniusPlaces).contains("\"name\":\"Vilnius\"").doesNotContain("Street 1");
    }

    @Test
    void theListShowsCardsWithTheKindTheDatePlaceAndOrganizersAndOneHeadingForOnlineEvents() {
        long online = onlineEvent("Online talk " + campaign.slug());
        Browser.Page list = browser.get("/en/events?campaign=" + campaign.slug());
        assertThat(list.text(".eyebrow")).isEqualTo("24 February – 3 March 2027");
        Element card = list.doc().selectFirst("#event-" + brussels);
        assertThat(card.hasClass("card")).isTrue();
        assertThat(card.parent().hasClass("card-grid")).isTrue();
        assertThat(card.select(".badge").text()).isEqualTo("Demonstration");
        assertThat(card.select(".card-title a").text()).isEqualTo("Peace for Ukraine");
        assertThat(card.select(".card-when").text()).startsWith("25 February 2027, 13:00–16:00");
        assertThat(card.select(".card-place").text()).isEqualTo("Venue of Peace for Ukraine, Brussels");
        assertThat(card.select(".card-organizers").text()).isEqualTo("Organizers of Peace for Ukraine");
        // the online events without a country: one "Online" heading, not "Online" above "Online"
        Element onlineGroup = list.doc().selectFirst("#event-" + online).closest(".country-group");
        assertThat(onlineGroup.select("h2").text()).isEqualTo("Online");
        assertThat(onlineGroup.select("h3")).isEmpty();
        assertThat(list.doc().select("#event-" + online + " .card-place").text()).isEqualTo("Online event");
        assertThat(browser.get("/uk/events?campaign=" + campaign.slug()).text(".eyebrow").replace('\u202f', ' '))
                .isEqualTo("24 лютого – 3 березня 2027 р.");
        // the calendar of the week: the same styles, a day heading with its weekday
        Browser.Page calendar = browser.get("/en/events/calendar?campaign=" + campaign.slug());
        assertThat(calendar.text("#day-2027-02-25 h2")).isEqualTo("Thursday, 25 February 2027");
    }

    @Test
    void eachKnownOrganizationSuggestedOnTheFormCarriesItsOwnName() {
        organizations.verify(organizations.findOrCreate("Second group " + campaign.slug(), "PL", null).id());
        Browser.Page form = browser.get("/en/events/new?campaign=" + campaign.slug());
        var options = form.doc().select("datalist#known-organizations option");
        assertThat(options.size()).isGreaterThanOrEqualTo(2);
        for (Element option : options) {
            assertThat(option.text()).isEqualTo(option.attr("value"));
        }
        assertThat(options.eachText()).contains("Promote Ukraine", "Second group " + campaign.slug()).doesNotHaveDuplicates();
    }

    private long onlineEvent(String title) {
        SubmitEvent base = EventsFixture.event(title, "ONLINE_EVENT", "2027-02-27T19:00", "2027-02-27T21:00", "Europe/Kyiv",
                null, null, null);
        return EventsFixture.approved(rules, events, store, campaign, new SubmitEvent(base.title(), base.type(), base.description(),
                base.languages(), base.start(), base.end(), base.timezone(), null, "https://meet.example.org/panel",
                base.organizers(), base.organizations(), base.contactEmail(), base.accessibility(), base.speakerRequested(), base.language()));
    }

    @Test
    void cityOnlyEventsHideVenueAndAddressAndPinTheCityCentre() {
        Browser.Page page = browser.get("/en/events/" + vilnius);
        assertThat(page.text(".where")).doesNotContain("Venue of").doesNotContain("Street 1").contains("Vilnius")
                .contains("Only the city is published.");
        Element map = page.doc().selectFirst("#event-map");
        assertThat(map.attr("data-precise")).isEqualTo("false");
        assertThat(map.attr("data-lat")).startsWith("54.68");
    }

    @Test
    void readersAskTheOrganizersForAnOnRequestAddressWithoutLearningTheirEmail() throws Exception {
        String contact = uniqueEmail("on-request");
        SubmitEvent base = EventsFixture.event("Meeting on request", "PANEL_OR_DISCUSSION", "2027-02-27T18:00", "2027-02-27T20:00",
                null, "Kyiv", "UA", "ON_REQUEST");
        SubmitEvent onRequest = new SubmitEvent(base.title(), base.type(), base.description(), base.languages(), base.start(),
                base.end(), null, base.location(), null, base.organizers(), List.of(), contact, "", false, "en");
        long id = EventsFixture.approved(rules, events, store, campaign, onRequest);
        Browser reader = anotherBrowser();
        Browser.Page page = reader.get("/en/events/" + id);
        assertThat(page.text(".where")).doesNotContain("Street 1").contains("The organizers give the exact address to people who ask them.");
        assertThat(page.body()).doesNotContain(contact);
        Browser.Page bad = reader.submit(page, "form.ask-form", java.util.Map.of("email", "nope", "message", "<script>x</script>"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.doc().select(".ask-address .field-error").eachText()).contains("Please enter a valid email address.",
                "HTML and script are not allowed here. Please write plain text (the description may use Markdown).");
        String asker = uniqueEmail("asker");
        Browser.Page sent = reader.follow(reader.submit(page, "form.ask-form", java.util.Map.of("email", asker, "name", "Olena",
                "message", "We are three people from the union.")));
        assertThat(sent.text(".ask-address .notice")).startsWith("Your question was sent to the organizers.");
        // after the confirmation and the "published" mails
        var mail = org.solidarityhub.test.TestMailServer.await(contact, 3, java.time.Duration.ofSeconds(10)).stream()
                .filter(m -> subject(m).startsWith("Someone asks")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Someone asks for the address of your event: Meeting on request");
        assertThat(EventsFixture.text(mail)).contains(asker).contains("Olena").contains("We are three people from the union.")
                .doesNotContain("Street 1");
        assertThat(db.sql("SELECT detail FROM audit_event WHERE target_type = 'event' AND target_id = :id AND action = 'events.address-requested'")
                .param("id", String.valueOf(id)).query(String.class).list()).hasSize(1).allMatch(d -> d == null);
        // events with a public or city-only place have no such form
        assertThat(reader.get("/en/events/" + brussels).doc().select("form.ask-form")).isEmpty();
        assertThat(reader.get("/en/events/" + vilnius).doc().select("form.ask-form")).isEmpty();
        assertThat(reader.post("/en/events/" + brussels + "/address-request", java.util.Map.of("email", asker)).status()).isIn(403, 404);
    }

    @Test
    void unapprovedEventsHaveNoPublicPage() {
        Events.Submitted waiting = EventsFixture.pending(rules, events, campaign,
                EventsFixture.event("Waiting " + campaign.slug(), "CONCERT", "2027-02-26T19:00", "2027-02-26T22:00", null, "Kyiv", "UA", "PUBLIC"));
        assertThat(browser.get("/en/events/" + waiting.id()).status()).isEqualTo(404);
    }

    @Test
    void aChangeWaitingForAModeratorLeavesTheOldVersionPublic() {
        Events.Submitted submitted = EventsFixture.pending(rules, events, campaign,
                EventsFixture.event("Original title", "CONCERT", "2027-02-26T19:00", "2027-02-26T22:00", null, "Kyiv", "UA", "PUBLIC"));
        events.approve(submitted.id(), store.find(submitted.id()).orElseThrow().pending().id());
        EventRules.Outcome changed = rules.check(EventsFixture.event("Changed title", "CONCERT", "2027-02-26T20:00",
                "2027-02-26T22:00", null, "Kyiv", "UA", "PUBLIC"), campaign, java.util.Locale.ENGLISH, false);
        assertThat(events.edit(submitted.token(), changed.draft())).isEqualTo(Events.EditOutcome.CHANGE_QUEUED);
        Browser.Page page = browser.get("/en/events/" + submitted.id());
        assertThat(page.text("h1")).isEqualTo("Original title");
        assertThat(page.text("time.event-time")).contains("19:00–22:00");
        events.approve(submitted.id(), store.find(submitted.id()).orElseThrow().pending().id());
        assertThat(browser.get("/en/events/" + submitted.id()).text("h1")).isEqualTo("Changed title");
    }

    @Test
    void theCalendarShowsEachDayOfTheWeekWithTheEventsRunningThatDay() {
        Browser.Page calendar = browser.get("/en/events/calendar?campaign=" + campaign.slug());
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.doc().select(".calendar > li")).hasSize(8);
        assertThat(calendar.doc().select("#day-2027-02-25 .event-list a").eachText()).containsExactly("Peace for Ukraine");
        assertThat(calendar.doc().select("#day-2027-02-26 .event-list a").eachText()).containsExactlyInAnyOrder("Exhibition in Brussels", "Concert in Kyiv");
        assertThat(calendar.doc().select("#day-2027-03-01 .event-list a").eachText()).containsExactly("Exhibition in Brussels");
        assertThat(calendar.doc().select("#day-2027-03-03 .event-list a")).isEmpty();
        assertThat(calendar.text("#day-2027-03-03")).contains("No events on this day yet.");
    }

    @Test
    void everyPublicPageWorksWithoutJavaScriptAndLoadsNothingFromOtherHosts() {
        for (String path : List.of("/en/events?campaign=" + campaign.slug(), "/en/events/" + brussels, "/en/events/calendar?campaign=" + campaign.slug(),
                "/en/events/new?campaign=" + campaign.slug())) {
            Browser.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertNoThirdPartyRequests(page);
            assertThat(page.header("Content-Security-Policy").orElseThrow()).contains("img-src 'self';");
            assertThat(page.doc().select("[style]")).as(path).isEmpty();
            assertThat(page.doc().select("script:not([src])")).as(path).isEmpty();
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> titles(String path) {
        Browser.Page page = browser.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        return page.doc().select(".event-list a").eachText();
    }

    static void assertNoThirdPartyRequests(Browser.Page page) {
        for (Element element : page.doc().select("[src], link[href]")) {
            String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
            if (element.is("link[rel=canonical], link[rel=alternate]")) {
                assertThat(url).as(element.outerHtml()).startsWith("http://hub.test/"); // the site's public address
                continue;
            }
            assertThat(url).as(element.outerHtml()).startsWith("/");
        }
    }
}
