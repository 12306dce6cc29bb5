package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityhub.test.ProblemDetails.assertProblem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Near me" without tracking: events within a radius of a place of the offline gazetteer or of coordinates, nearest
 * first with their distance, on the list (and so the map's no-JavaScript list), the map's GeoJSON and the API; every
 * bad place, radius or combination is refused with a message in the reader's language.
 */
class EventsNearTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    Campaign campaign;
    String list;
    String api;

    @BeforeEach
    void eventsAroundKrakow() {
        campaign = EventsFixture.newCampaign(campaigns);
        list = "/en/events?campaign=" + campaign.slug();
        api = "/api/v1/campaigns/" + campaign.slug() + "/events";
        // Wieliczka is about 13 km from Kraków, Katowice about 70 km, Warsaw about 250 km
        approved("Vigil in Wieliczka", "RALLY_OR_VIGIL", "2027-02-24T18:00", "Wieliczka", "PL", "PUBLIC");
        approved("Rally in Kraków", "RALLY_OR_VIGIL", "2027-02-25T12:00", "Kraków", "PL", "CITY");
        approved("Concert in Katowice", "CONCERT", "2027-02-26T19:00", "Katowice", "PL", "PUBLIC");
        approved("March in Warsaw", "DEMONSTRATION", "2027-02-24T12:00", "Warsaw", "PL", "PUBLIC");
        SubmitEvent online = new SubmitEvent("Online panel", "PANEL_OR_DISCUSSION", "About it", List.of("en"),
                "2027-02-27T18:00", "2027-02-27T20:00", "Europe/Warsaw", null, "https://meet.example.org/panel",
                "Organizers", List.of(), "contact-online@example.org", "", false, "en");
        EventsFixture.approved(rules, events, store, campaign, online);
    }

    private void approved(String title, String type, String start, String city, String country, String visibility) {
        EventsFixture.approved(rules, events, store, campaign, EventsFixture.event(title, type, start,
                start.substring(0, 11) + "23:00", null, city, country, visibility));
    }

    private static List<String> titles(Browser.Page page) {
        return page.doc().select(".event-list .card-title a").eachText();
    }

    @Test
    void aVisitorWithJavaScriptOffFindsTheEventsWithin50KmOfKrakowNearestFirstWithTheirDistance() {
        Browser.Page page = browser.get(list);
        assertThat(page.doc().select("form.filters input[name=radius]").attr("value")).isEqualTo("50");
        assertThat(page.doc().select("button[data-near-locate], .near-locate")).as("no location button without scripts").isEmpty();

        Browser.Page found = browser.submit(page, "form.filters", Map.of("near", "Kraków"));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.uri().getQuery()).contains("near=Krak").contains("radius=50");
        assertThat(titles(found)).containsExactly("Rally in Kraków", "Vigil in Wieliczka");
        assertThat(found.text(".country-group > h2")).isEqualTo("Within 50 km of Kraków, PL");
        List<String> distances = found.doc().select(".card-distance").eachText();
        assertThat(distances.get(0)).isEqualTo("0 km");
        assertThat(distances.get(1)).matches("1[0-6] km");
        assertThat(found.body()).contains("Online events are not near any place");
        assertThat(found.doc().select("form.filters input[name=near]").attr("value")).isEqualTo("Kraków");
    }

    @Test
    void aWiderRadiusFindsMoreAndOtherFiltersNarrowTheSearch() {
        assertThat(titles(browser.get(list + "&near=Krakow&radius=100")))
                .containsExactly("Rally in Kraków", "Vigil in Wieliczka", "Concert in Katowice");
        assertThat(titles(browser.get(list + "&near=Krakow&radius=100&type=CONCERT"))).containsExactly("Concert in Katowice");
        assertThat(titles(browser.get(list + "&near=Krakow&radius=500&mode=in-person&q=march"))).containsExactly("March in Warsaw");
        assertThat(titles(browser.get(list + "&near=Krak%C3%B3w,%20PL&radius=5"))).containsExactly("Rally in Kraków");
        assertThat(titles(browser.get(list + "&near=Lisbon"))).isEmpty();
    }

    @Test
    void coordinatesAsUseMyLocationSendsThemSearchLikeAPlace() {
        Browser.Page found = browser.get(list + "&near=50.05,19.95&radius=50");

        assertThat(found.status()).isEqualTo(200);
        assertThat(titles(found)).containsExactly("Rally in Kraków", "Vigil in Wieliczka");
        assertThat(found.text(".country-group > h2")).isEqualTo("Within 50 km of 50.05, 19.95");
    }

    @Test
    void anEmptyPlaceSearchesNothingNearAndShowsTheWholeList() {
        Browser.Page all = browser.get(list + "&near=&radius=50");

        assertThat(all.status()).isEqualTo(200);
        assertThat(titles(all)).hasSize(5).contains("Online panel");
        assertThat(all.doc().select(".card-distance")).isEmpty();
    }

    @Test
    void badPlacesRadiiAndCombinationsAreRefusedWithAMessageInTheReadersLanguage() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("&near=Qwertyuiop%20under%20the%20sea", "We could not find this place."),
                Map.entry("&near=" + "x".repeat(101), "We could not find this place."),
                Map.entry("&near=Krakow&radius=abc", "Please give a distance in whole kilometres from 1 to 500."),
                Map.entry("&near=Krakow&radius=0", "Please give a distance in whole kilometres from 1 to 500."),
                Map.entry("&near=Krakow&radius=501", "Please give a distance in whole kilometres from 1 to 500."),
                Map.entry("&near=Krakow&radius=-5", "Please give a distance in whole kilometres from 1 to 500."),
                Map.entry("&near=Krakow&radius=12.5", "Please give a distance in whole kilometres from 1 to 500."),
                Map.entry("&near=91,19", "Coordinates must be a latitude from -90 to 90"),
                Map.entry("&near=50,181", "Coordinates must be a latitude from -90 to 90"),
                Map.entry("&near=Krakow&mode=online", "Online events are not near any place."),
                Map.entry("&mode=elsewhere", "Please choose where: in person, online, or both."));
        refused.forEach((query, message) -> {
            Browser.Page page = browser.get(list + query);
            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.text(".lead")).as(query).startsWith(message);
        });
        Browser.Page ukrainian = browser.get("/uk/events?campaign=" + campaign.slug() + "&near=Qwertyuiop");
        assertThat(ukrainian.status()).isEqualTo(400);
        assertThat(ukrainian.text(".lead")).startsWith("Ми не знайшли такого місця.");
    }

    @Test
    void theMapShowsTheSameEventsAsTheListOfASearchNearAPlace() throws Exception {
        Browser.Page page = browser.get(list + "&near=Krakow");
        String geojson = page.doc().select("#events-map").attr("data-geojson");
        assertThat(geojson).contains("near=").contains("radius=50");

        JsonNode map = JsonMapper.builder().build().readTree(browser.get(geojson).body());
        List<String> titles = map.path("features").valueStream().map(f -> f.path("properties").path("title").asString()).toList();
        assertThat(titles).containsExactlyInAnyOrder("Rally in Kraków", "Vigil in Wieliczka");

        String feed = "/api/v1/campaigns/" + campaign.slug() + "/events.geojson";
        JsonNode problem = assertProblem(browser.get(feed + "?near=Qwertyuiop"), 400, feed);
        assertThat(problem.path("errors").path("near").asString()).startsWith("We could not find this place.");
    }

    @Test
    void theApiAnswersTheEventsWithinTheRadiusNearestFirstWithTheirDistanceInKm() throws Exception {
        JsonNode page = JsonMapper.builder().build().readTree(browser.get(api + "?near=Krak%C3%B3w&radius=100").body());

        assertThat(page.path("total").asLong()).isEqualTo(3);
        List<JsonNode> found = page.path("events").valueStream().toList();
        assertThat(found).extracting(e -> e.path("title").asString())
                .containsExactly("Rally in Kraków", "Vigil in Wieliczka", "Concert in Katowice");
        assertThat(found.get(0).path("distance").asDouble()).isEqualTo(0.0);
        assertThat(found.get(1).path("distance").asDouble()).isBetween(10.0, 16.0);
        assertThat(found.get(2).path("distance").asDouble()).isBetween(60.0, 80.0);

        JsonNode all = JsonMapper.builder().build().readTree(browser.get(api).body());
        assertThat(all.path("events").get(0).path("distance").isNull()).isTrue();
    }

    @Test
    void theApiRefusesAnUnknownPlaceABadRadiusAndAnUnknownModeWithAProblemDetail() {
        JsonNode unknown = assertProblem(anotherBrowser().acceptLanguage("pl").get(api + "?near=Qwertyuiop"), 400, api);
        assertThat(unknown.path("errors").path("near").asString()).startsWith("Nie znaleźliśmy tego miejsca.");
        assertThat(unknown.path("detail").asString()).isNotBlank();

        JsonNode radius = assertProblem(browser.get(api + "?near=Krakow&radius=1000"), 400, api);
        assertThat(radius.path("errors").path("radius").asString()).isEqualTo("Please give a distance in whole kilometres from 1 to 500.");

        JsonNode coordinates = assertProblem(browser.get(api + "?near=-91,0"), 400, api);
        assertThat(coordinates.path("errors").path("near").asString()).startsWith("Coordinates must be");

        JsonNode mode = assertProblem(browser.get(api + "?mode=somewhere"), 400, api);
        assertThat(mode.path("errors").path("mode").asString()).isEqualTo("Please choose where: in person, online, or both.");

        JsonNode both = assertProblem(browser.get(api + "?near=Krakow&mode=online"), 400, api);
        assertThat(both.path("errors").path("mode").asString()).startsWith("Online events are not near any place.");
    }
}
