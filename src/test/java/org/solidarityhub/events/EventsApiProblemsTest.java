package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityhub.test.ProblemDetails.assertProblem;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Every kind of error of the events API and its feeds is an RFC 9457 problem detail, in the reader's language. */
class EventsApiProblemsTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventsProperties properties;

    String base;

    @BeforeEach
    void aCampaign() {
        base = "/api/v1/campaigns/" + EventsFixture.newCampaign(campaigns).slug();
    }

    private static String valid(String email) {
        return """
                {"title":"Peace for Ukraine","type":"DEMONSTRATION","description":"...","languages":["en"],
                 "start":"2027-02-25T13:00","end":"2027-02-25T16:00","timezone":"Europe/Brussels",
                 "location":{"city":"Brussels","country":"BE","visibility":"CITY"},
                 "organizers":"Promote Ukraine","contactEmail":"%s","language":"en"}""".formatted(email);
    }

    private Browser.Page submit(Browser client, String contentType, String body) {
        return client.postRaw(base + "/events", contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void invalidFieldsHaveOneMessageEachInTheReadersLanguage() {
        String body = valid(uniqueEmail("fields")).replace("\"end\":\"2027-02-25T16:00\"", "\"end\":\"2027-02-25T12:00\"");

        JsonNode problem = assertProblem(submit(anotherBrowser().acceptLanguage("uk"), "application/json", body), 400, base + "/events");

        assertThat(problem.path("title").asString()).isEqualTo("Не вдалося обробити запит");
        assertThat(problem.path("errors").path("end").asString()).isEqualTo("Кінець має бути пізніше за початок.");
    }

    @Test
    void malformedJsonAndAWrongTypeAreProblemsNamingTheField() {
        JsonNode malformed = assertProblem(submit(browser, "application/json", "{\"title\": \"x\","), 400, base + "/events");
        JsonNode wrongType = assertProblem(submit(browser, "application/json", "{\"languages\": {\"a\": 1}}"), 400, base + "/events");

        assertThat(malformed.path("detail").asString())
                .isEqualTo("The request body is not JSON of the expected shape: check the field names, types and values.");
        assertThat(wrongType.path("errors").has("languages")).as(wrongType.toString()).isTrue();
    }

    @Test
    void badFiltersAreProblemsNamingEachParameter() {
        JsonNode events = assertProblem(browser.get(base + "/events?country=XX&from=tomorrow"), 400, base + "/events");
        JsonNode page = assertProblem(browser.get(base + "/events?page=0"), 400, base + "/events");
        JsonNode geojson = assertProblem(browser.get(base + "/events.geojson?type=PARTY"), 400, base + "/events.geojson");
        JsonNode calendar = assertProblem(anotherBrowser().acceptLanguage("uk").get(base + "/events.ics?country=Belgium"), 400,
                base + "/events.ics");

        assertThat(events.path("errors").path("country").asString()).isEqualTo("Please choose a country from the list.");
        assertThat(events.path("errors").path("from").asString()).isEqualTo("This filter value is not valid.");
        assertThat(page.path("errors").has("page")).isTrue();
        assertThat(geojson.path("errors").has("type")).isTrue();
        assertThat(calendar.path("errors").path("country").asString()).isNotBlank().isNotEqualTo("Please choose a country from the list.");
    }

    @Test
    void anUnknownCampaignIsAProblemOnEveryEndpoint() {
        String missing = base + "-gone";
        for (String path : new String[]{missing, missing + "/events", missing + "/events.geojson", missing + "/events.ics",
                missing + "/events.atom"}) {
            JsonNode problem = assertProblem(browser.get(path), 404, path);
            assertThat(problem.path("detail").asString()).isEqualTo("There is no campaign with this name.");
        }
        assertProblem(browser.postRaw(missing + "/events", "application/json", valid(uniqueEmail("gone")).getBytes(StandardCharsets.UTF_8)),
                404, missing + "/events");
    }

    @Test
    void aMethodOrMediaTypeTheApiDoesNotTakeIsAProblem() {
        Browser.Page method = browser.method("DELETE", base + "/events");
        assertProblem(method, 405, base + "/events");
        assertThat(method.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
        assertProblem(submit(browser, "text/plain", "hello"), 415, base + "/events");
        assertProblem(browser.get(base + "/events", "Accept", "application/xml"), 406, base + "/events");
    }

    @Test
    void tooManySubmissionsFromOneAddressAreAProblem() {
        Browser coordinator = anotherBrowser().from(uniqueIp());
        int accepted = 0;
        Browser.Page answer = submit(coordinator, "application/json", valid(uniqueEmail("many")));
        while (answer.status() == 202 && accepted <= properties.submissionsPer10Minutes()) {
            accepted++;
            answer = submit(coordinator, "application/json", valid(uniqueEmail("many")));
        }

        assertThat(accepted).isEqualTo(properties.submissionsPer10Minutes());
        JsonNode problem = assertProblem(answer, 429, base + "/events");
        assertThat(problem.path("title").asString()).isEqualTo("Too many requests");
        assertThat(problem.path("detail").asString())
                .isEqualTo("You have submitted many events in a short time. Please wait a few minutes and try again.");
    }

    @Test
    void anUnknownEventsCalendarIsAProblem() {
        assertProblem(browser.get("/events/999999999999.ics"), 404, "/events/999999999999.ics");
    }
}
