package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventsApiTest extends WebTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    Campaign campaign;
    long brussels;

    @BeforeEach
    void events() {
        campaign = EventsFixture.newCampaign(campaigns);
        brussels = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Peace for Ukraine", "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null, "Brussels", "BE", "PUBLIC"));
        EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Vigil in New York", "RALLY_OR_VIGIL", "2027-02-24T18:00", "2027-02-24T19:30", null, "New York City", "US", "PUBLIC"));
        EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Exhibition in Tokyo", "EXHIBITION", "2027-02-25T11:00", "2027-03-03T18:00", null, "Tokyo", "JP", "CITY"));
        EventsFixture.pending(rules, events, campaign,
                EventsFixture.event("Pending one", "CONCERT", "2027-02-26T19:00", "2027-02-26T22:00", null, "Kyiv", "UA", "PUBLIC"));
    }

    @Test
    void listsCampaignsWithTheCurrentOneFirst() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        // starting today and made last, it is the current one whatever campaigns other tests made running before
        Campaign running = campaigns.createIfAbsent("running-" + campaign.slug(), today, today.plusDays(5),
                Map.of("en", new Campaign.Text("Running now", ""), "uk", new Campaign.Text("Триває зараз", "")));
        JsonNode list = json(browser.get("/api/v1/campaigns"));
        assertThat(list.get(0).get("slug").asString()).isEqualTo(running.slug());
        assertThat(list.get(0).get("current").asBoolean()).isTrue();
        assertThat(list.get(0).get("names").get("uk").asString()).isEqualTo("Триває зараз");
        assertThat(list.findValuesAsString("slug")).contains(campaign.slug());
    }

    @Test
    void aCampaignCarriesItsCounts() {
        JsonNode c = json(browser.get("/api/v1/campaigns/" + campaign.slug()));
        assertThat(c.get("name").asString()).isEqualTo("Test week of action");
        assertThat(c.get("startsOn").asString()).isEqualTo("2027-02-24");
        assertThat(c.get("counts").get("events").asLong()).isEqualTo(3);
        assertThat(c.get("counts").get("countries").asLong()).isEqualTo(3);
        Browser.Page missing = browser.get("/api/v1/campaigns/nope-" + campaign.slug());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing).get("reason").asString()).isEqualTo("There is no campaign with this name.");
    }

    @Test
    void eventsCarryOnlyPublicFieldsWithOffsetTimesAndTheirZone() {
        Browser.Page page = browser.get("/api/v1/campaigns/" + campaign.slug() + "/events");
        assertThat(page.header("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = json(page);
        assertThat(body.get("total").asLong()).isEqualTo(3);
        assertThat(page.body()).doesNotContain("@example.org").doesNotContain("contact").doesNotContain("Pending one");
        JsonNode first = body.get("events").get(0);
        assertThat(first.get("title").asString()).isEqualTo("Vigil in New York");
        assertThat(first.get("start").asString()).isEqualTo("2027-02-24T18:00:00-05:00");
        assertThat(first.get("timezone").asString()).isEqualTo("America/New_York");
        JsonNode brusselsEvent = body.get("events").get(2);
        assertThat(brusselsEvent.get("start").asString()).isEqualTo("2027-02-25T13:00:00+01:00");
        assertThat(brusselsEvent.get("end").asString()).isEqualTo("2027-02-25T16:00:00+01:00");
        assertThat(brusselsEvent.get("timezone").asString()).isEqualTo("Europe/Brussels");
        assertThat(brusselsEvent.get("location").get("address").asString()).isEqualTo("Street 1");
        JsonNode tokyo = body.get("events").get(1);
        assertThat(tokyo.get("start").asString()).isEqualTo("2027-02-25T11:00:00+09:00");
        assertThat(tokyo.get("location").get("address").isNull()).isTrue();
        assertThat(tokyo.get("location").get("venue").isNull()).isTrue();
        assertThat(tokyo.get("location").get("visibility").asString()).isEqualTo("CITY");
        assertThat(tokyo.get("location").get("latitude").asDouble()).isBetween(35.6, 35.7);
    }

    @Test
    void eventsAreFilteredByCountryTypeTimeAndText() {
        String base = "/api/v1/campaigns/" + campaign.slug() + "/events";
        assertThat(titles(base + "?country=BE")).containsExactly("Peace for Ukraine");
        assertThat(titles(base + "?type=EXHIBITION")).containsExactly("Exhibition in Tokyo");
        assertThat(titles(base + "?from=2027-02-25&to=2027-02-25")).containsExactly("Exhibition in Tokyo", "Peace for Ukraine");
        assertThat(titles(base + "?from=2027-02-25T01:00:00Z&to=2027-02-25T05:00:00Z")).containsExactly("Exhibition in Tokyo");
        // overlapping, not only starting: the vigil in New York ends at 00:30 UTC
        assertThat(titles(base + "?from=2027-02-25T00:00:00Z&to=2027-02-25T05:00:00Z")).containsExactly("Vigil in New York", "Exhibition in Tokyo");
        assertThat(titles(base + "?q=vigil")).containsExactly("Vigil in New York");
        assertThat(titles(base + "?page=2")).isEmpty();
        Browser.Page bad = browser.get(base + "?country=Belgium&from=soon&page=-1");
        assertThat(bad.status()).isEqualTo(400);
        JsonNode errors = json(bad).get("errors");
        assertThat(errors.get("country").asString()).isEqualTo("Please choose a country from the list.");
        assertThat(errors.get("from").asString()).isEqualTo("This filter value is not valid.");
    }

    @Test
    void withoutFromAndToThePastEventsOfTheCampaignAreIncluded() {
        long past = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Vigil that already happened", "RALLY_OR_VIGIL", "2027-02-27T18:00", "2027-02-27T19:00", null, "Kyiv", "UA", "PUBLIC"));
        // as once the week is over: the event lies in the past
        db.sql("""
                        UPDATE event_revision SET starts_local = :startLocal, ends_local = :endLocal, starts_at = :start, ends_at = :end
                        WHERE event_id = :id""")
                .param("startLocal", java.time.LocalDateTime.of(2025, 2, 27, 18, 0))
                .param("endLocal", java.time.LocalDateTime.of(2025, 2, 27, 19, 0))
                .param("start", java.time.OffsetDateTime.parse("2025-02-27T16:00:00Z"))
                .param("end", java.time.OffsetDateTime.parse("2025-02-27T17:00:00Z"))
                .param("id", past).update();
        String base = "/api/v1/campaigns/" + campaign.slug() + "/events";
        assertThat(titles(base)).contains("Vigil that already happened", "Peace for Ukraine");
        assertThat(titles(base + "?from=2027-01-01")).doesNotContain("Vigil that already happened");
    }

    @Test
    void theGeoJsonHasAPointPerEventAtTheChosenPrecision() {
        Browser.Page page = browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.geojson");
        assertThat(page.header("Content-Type").orElseThrow()).startsWith("application/geo+json");
        JsonNode collection = json(page);
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features")).hasSize(3);
        for (JsonNode feature : collection.get("features")) {
            assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
            double lon = feature.get("geometry").get("coordinates").get(0).asDouble();
            double lat = feature.get("geometry").get("coordinates").get(1).asDouble();
            assertThat(lon).isBetween(-180.0, 180.0);
            assertThat(lat).isBetween(-90.0, 90.0);
            assertThat(feature.get("properties").get("url").asString()).startsWith("/en/events/");
        }
        assertThat(json(browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.geojson?country=JP")).get("features")).hasSize(1);
    }

    @Test
    void aSubmissionAsJsonIsAcceptedWith202AndConfirmedByEmail() throws Exception {
        String email = uniqueEmail("api");
        ObjectNode body = validBody(email);
        Browser.Page accepted = postJson(browser, body);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode answer = json(accepted);
        assertThat(answer.get("status").asString()).isEqualTo("UNCONFIRMED");
        long id = answer.get("id").asLong();
        assertThat(store.find(id).orElseThrow().pending().draft().start().toOffsetDateTime().toString()).isEqualTo("2027-02-25T13:00+01:00");
        var mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Please confirm your event: Peace for Ukraine");
        assertThat(EventsFixture.link(mail, "http://hub.test/en/events/manage/")).isNotEmpty();
    }

    @Test
    void badJsonSubmissionsGet400WithFieldErrorsAndStoreNothing() {
        String email = uniqueEmail("api-bad");
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[]{"end", "The end must be after the start.", (java.util.function.Consumer<ObjectNode>) b -> b.put("end", "2027-02-25T12:00")});
        cases.add(new Object[]{"start", "This date is outside the range we accept: from 30 days ago to 3 years ahead.", (java.util.function.Consumer<ObjectNode>) b -> { b.put("start", "1999-01-01T10:00"); }});
        cases.add(new Object[]{"location.country", "Please choose a country from the list.", (java.util.function.Consumer<ObjectNode>) b -> ((ObjectNode) b.get("location")).put("country", "ZZ")});
        cases.add(new Object[]{"timezone", "This is not a time zone we know. Please choose one from the list.", (java.util.function.Consumer<ObjectNode>) b -> b.put("timezone", "Europe/Atlantis")});
        cases.add(new Object[]{"description", "This is too long: at most 10,000 characters.", (java.util.function.Consumer<ObjectNode>) b -> b.put("description", "x".repeat(10_001))});
        cases.add(new Object[]{"title", "HTML and script are not allowed here. Please write plain text (the description may use Markdown).", (java.util.function.Consumer<ObjectNode>) b -> b.put("title", "<img src=x onerror=alert(1)>")});
        cases.add(new Object[]{"location.venue", "HTML and script are not allowed here. Please write plain text (the description may use Markdown).", (java.util.function.Consumer<ObjectNode>) b -> ((ObjectNode) b.get("location")).put("venue", "<script>x</script>")});
        cases.add(new Object[]{"organizations[0].name", "HTML and script are not allowed here. Please write plain text (the description may use Markdown).", (java.util.function.Consumer<ObjectNode>) b -> ((ObjectNode) b.get("organizations").get(0)).put("name", "</b>")});
        cases.add(new Object[]{"location.city", "Please remove the invisible characters that change the direction of the text.", (java.util.function.Consumer<ObjectNode>) b -> ((ObjectNode) b.get("location")).put("city", "Brus\u202Esels")});
        cases.add(new Object[]{"organizations[0].name", "Please remove the invisible characters that change the direction of the text.", (java.util.function.Consumer<ObjectNode>) b -> ((ObjectNode) b.get("organizations").get(0)).put("name", "\u2066Promote Ukraine")});
        cases.add(new Object[]{"language", "Emails can be sent in these languages: English (en), Arabic (ar), Belarusian (be), "
                + "German (de), Spanish (es), French (fr), Italian (it), Dutch (nl), Polish (pl), Russian (ru), Ukrainian (uk).",
                (java.util.function.Consumer<ObjectNode>) b -> b.put("language", "ja")});
        cases.add(new Object[]{"location.latitude", "Please enter a number between -90 and 90, with a dot for decimals.", (java.util.function.Consumer<ObjectNode>) b -> ((ObjectNode) b.get("location")).put("latitude", 200)});
        cases.add(new Object[]{"location.longitude", "Please enter a number between -180 and 180, with a dot for decimals.", (java.util.function.Consumer<ObjectNode>) b -> ((ObjectNode) b.get("location")).put("longitude", "east")});
        cases.add(new Object[]{"type", "Please choose one of the listed kinds of event.", (java.util.function.Consumer<ObjectNode>) b -> b.put("type", "PARTY")});
        cases.add(new Object[]{"location.visibility", "Please choose who may see the address: public, city only or on request.", (java.util.function.Consumer<ObjectNode>) b -> ((ObjectNode) b.get("location")).put("visibility", "SECRET")});
        cases.add(new Object[]{"contactEmail", "Please enter a valid email address.", (java.util.function.Consumer<ObjectNode>) b -> b.put("contactEmail", "nobody")});
        cases.add(new Object[]{"languages", "Please give languages as two-letter codes such as en, uk, fr.", (java.util.function.Consumer<ObjectNode>) b -> b.putArray("languages").add("english")});
        cases.add(new Object[]{"onlineUrl", "Please give either a place or a link to the online event.", (java.util.function.Consumer<ObjectNode>) b -> b.remove("location")});
        cases.add(new Object[]{"location", "This value has the wrong type.", (java.util.function.Consumer<ObjectNode>) b -> b.put("location", 5)});
        cases.add(new Object[]{"languages", "This value has the wrong type.", (java.util.function.Consumer<ObjectNode>) b -> b.putObject("languages")});
        for (Object[] c : cases) {
            ObjectNode body = validBody(email);
            @SuppressWarnings("unchecked")
            java.util.function.Consumer<ObjectNode> change = (java.util.function.Consumer<ObjectNode>) c[2];
            change.accept(body);
            Browser.Page answer = postJson(browser, body);
            assertThat(answer.status()).as(String.valueOf(c[0])).isEqualTo(400);
            JsonNode error = json(answer);
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("title").asString()).isEqualTo("This request could not be handled");
            assertThat(error.get("errors").get((String) c[0])).as(c[0] + " in " + error).isNotNull();
            assertThat(error.get("errors").get((String) c[0]).asString()).as(String.valueOf(c[0])).isEqualTo(c[1]);
            assertThat(answer.body()).doesNotContain("<script>").doesNotContain("Exception");
        }
        // malformed JSON, an empty body, another content type
        Browser.Page malformed = browser.postRaw("/api/v1/campaigns/" + campaign.slug() + "/events", "application/json",
                "{\"title\": \"x\",".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json(malformed).get("reason").asString()).isEqualTo("The request body is not JSON of the expected shape: check the field names, types and values.");
        assertThat(browser.postRaw("/api/v1/campaigns/" + campaign.slug() + "/events", "application/json", new byte[0]).status()).isEqualTo(400);
        assertThat(browser.postRaw("/api/v1/campaigns/" + campaign.slug() + "/events", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(415);
        // localized
        ObjectNode body = validBody(email);
        body.put("end", "2027-02-25T12:00");
        Browser.Page uk = postJson(anotherBrowser().acceptLanguage("uk"), body);
        assertThat(json(uk).get("errors").get("end").asString()).isEqualTo("Кінець має бути пізніше за початок.");
        assertThat(db.sql("SELECT COUNT(*) FROM event WHERE contact_email = :email").param("email", email).query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :email").param("email", email).query(Long.class).single()).isZero();
    }

    @Test
    void aSubmissionIsStoredWholeOrNotAtAll() {
        String email = uniqueEmail("whole");
        ObjectNode body = validBody(email);
        // the second organization is invalid: neither the event, its organizations, its place nor its mail is stored
        ObjectNode second = ((tools.jackson.databind.node.ArrayNode) body.get("organizations")).addObject();
        second.put("name", "Whole or nothing " + campaign.slug());
        second.put("country", "QQ");
        assertThat(postJson(browser, body).status()).isEqualTo(400);
        assertThat(db.sql("SELECT COUNT(*) FROM organization WHERE name = :name").param("name", "Whole or nothing " + campaign.slug())
                .query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :email").param("email", email).query(Long.class).single()).isZero();
    }

    private ObjectNode validBody(String email) {
        return (ObjectNode) JSON.readTree("""
                {"title":"Peace for Ukraine","type":"DEMONSTRATION","description":"...","languages":["en","fr","nl"],
                 "start":"2027-02-25T13:00","end":"2027-02-25T16:00","timezone":"Europe/Brussels",
                 "location":{"venue":"","address":"Koning Albert II Laan / Boulevard d'Anvers","city":"Brussels","country":"BE",
                             "latitude":50.8571,"longitude":4.3592,"visibility":"PUBLIC"},
                 "onlineUrl":null,"organizers":"Promote Ukraine","organizations":[{"name":"Promote Ukraine","country":"BE"}],
                 "contactEmail":"%s","accessibility":"","speakerRequested":false,"language":"en"}""".formatted(email));
    }

    private Browser.Page postJson(Browser b, JsonNode body) {
        return b.postRaw("/api/v1/campaigns/" + campaign.slug() + "/events", "application/json",
                JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private List<String> titles(String path) {
        Browser.Page page = browser.get(path);
        assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
        return json(page).get("events").findValuesAsString("title");
    }

    static JsonNode json(Browser.Page page) {
        return JSON.readTree(page.body());
    }
}
