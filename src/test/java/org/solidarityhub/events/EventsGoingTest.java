package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/** "I'm going": the organizers' choice (form, management page, API) and the anonymous count (page, API, limits). */
class EventsGoingTest extends WebTest {

    @Autowired ApplicationContext context;
    @Autowired Events events;

    Campaign campaign;

    @BeforeEach
    void campaign() {
        campaign = EventsFixture.newCampaign(context.getBean(Campaigns.class));
    }

    /** An approved event in Brussels, in this test's campaign. */
    private EventsFixture.ApprovedEvent approved() {
        return EventsFixture.approvedEvent(context, campaign.slug(), "DEMONSTRATION", "Brussels", "BE");
    }

    private String mode(long id) {
        return db.sql("SELECT going_mode FROM event WHERE id = :id").param("id", id).query(String.class).single();
    }

    private Long idByTitle(String title) {
        return db.sql("SELECT event_id FROM event_revision WHERE title = :title").param("title", title).query(Long.class).optional().orElse(null);
    }

    private Browser.Page choose(String token, String mode) {
        return browser.post("/en/events/manage/" + token + "/going", Map.of("going", mode));
    }

    private Browser.Page click(Browser from, long id) {
        Browser.Page page = from.open("/en/events/" + id);
        return from.submit(page, "form.going-form", Map.of());
    }

    private JsonNode apiEvent(long id) {
        JsonNode list = EventsApiTest.JSON.readTree(browser.get("/api/v1/campaigns/" + campaign.slug() + "/events").body());
        for (JsonNode e : list.get("events")) {
            if (e.get("id").asLong() == id) {
                return e;
            }
        }
        throw new AssertionError("no event " + id + " in " + list);
    }

    @Test
    void anEventHasNoGoingUntilItsOrganizersChooseIt() {
        EventsFixture.ApprovedEvent event = approved();
        assertThat(mode(event.id())).isEqualTo("NONE");
        assertThat(browser.open("/en/events/" + event.id()).doc().select("#going")).isEmpty();
        assertThat(browser.post("/en/events/" + event.id() + "/going", Map.of()).status()).isEqualTo(404);
        assertThat(apiEvent(event.id()).has("going")).isFalse();
        JsonNode pins = EventsApiTest.JSON.readTree(browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.geojson").body());
        assertThat(pins.get("features").get(0).get("properties").has("going")).isFalse();
        Browser.Page manage = browser.open("/en/events/manage/" + event.token());
        assertThat(manage.doc().select("form.going-form input[name=going][value=NONE]").attr("checked")).isNotNull();
        assertThat(manage.doc().select("form.going-form input[name=going][checked]").attr("value")).isEqualTo("NONE");
    }

    @Test
    void theSubmissionFormStoresTheChosenCountAndRefusesAnUnknownModeAtItsField() {
        String title = EventsFixture.title("Form going");
        Map<String, Object> fields = EventsFixture.brussels(title, "form-going@example.org");
        fields.put("going", "MAYBE");
        Browser.Page refused = EventsFixture.submit(browser, campaign, fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#going .field-error")).isEqualTo("Please choose one of the offered options for “I’m going”.");
        assertThat(idByTitle(title)).isNull();

        fields.put("going", "COUNT");
        Browser.Page stored = EventsFixture.submit(browser, campaign, fields);
        assertThat(stored.status()).isEqualTo(302);
        assertThat(mode(idByTitle(title))).isEqualTo("COUNT");
    }

    @Test
    void theOrganizersTurnTheCountOnAndOffFromTheManagementPage() {
        EventsFixture.ApprovedEvent event = approved();
        Browser.Page saved = choose(event.token(), "COUNT");
        assertThat(saved.status()).isEqualTo(302);
        Browser.Page manage = browser.follow(saved);
        assertThat(manage.text(".notice")).isEqualTo("Saved: “I’m going” on the event’s page.");
        assertThat(manage.text(".manage-going .going-count")).isEqualTo("Nobody has said they are going yet.");
        assertThat(mode(event.id())).isEqualTo("COUNT");
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'events.going-chosen' AND target_id = :id")
                .param("id", String.valueOf(event.id())).query(Long.class).single()).isEqualTo(1);

        assertThat(choose(event.token(), "NONE").status()).isEqualTo(302);
        assertThat(mode(event.id())).isEqualTo("NONE");
    }

    @Test
    void anUnknownModeOrAnUnknownLinkOnTheManagementPageIsRefused() {
        EventsFixture.ApprovedEvent event = approved();
        Browser.Page unknown = choose(event.token(), "EVERYONE");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Please choose one of the offered options for “I’m going”.");
        assertThat(mode(event.id())).isEqualTo("NONE");
        assertThat(choose("not-a-token", "COUNT").status()).isEqualTo(404);
    }

    @Test
    void eachAddressIsCountedOnceADayAndTheCountShowsOnThePagesAndInTheApi() {
        EventsFixture.ApprovedEvent event = approved();
        choose(event.token(), "COUNT");
        Browser one = new Browser("http://localhost:" + port).from("203.0.113.41");
        Browser two = new Browser("http://localhost:" + port).from("203.0.113.42");

        Browser.Page first = click(one, event.id());
        assertThat(first.status()).isEqualTo(302);
        Browser.Page after = one.follow(first);
        assertThat(after.text("#going .notice")).isEqualTo("Thank you: you are counted.");
        assertThat(after.text("#going .going-count")).isEqualTo("1 person is going.");

        Browser.Page again = one.follow(click(one, event.id()));
        assertThat(again.text("#going .notice")).isEqualTo("You were already counted today.");
        assertThat(again.text("#going .going-count")).isEqualTo("1 person is going.");

        assertThat(two.follow(click(two, event.id())).text("#going .going-count")).isEqualTo("2 people are going.");
        assertThat(apiEvent(event.id()).get("going").asInt()).isEqualTo(2);
        JsonNode pins = EventsApiTest.JSON.readTree(browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.geojson").body());
        assertThat(pins.get("features").get(0).get("properties").get("going").asInt()).isEqualTo(2);
        assertThat(browser.open("/en/events/manage/" + event.token()).text(".manage-going .going-count")).isEqualTo("2 people are going.");
        assertThat(browser.open("/uk/events/" + event.id()).text("#going .going-count")).isEqualTo("Підуть 2 людини.");

        // no trace of who clicked
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE target_id = :id AND detail LIKE '%203.0.113%'")
                .param("id", String.valueOf(event.id())).query(Long.class).single()).isZero();
    }

    @Test
    void tooManyClicksFromOneAddressAreRefusedWithAMessage() {
        EventsFixture.ApprovedEvent event = approved();
        choose(event.token(), "COUNT");
        Browser flooder = new Browser("http://localhost:" + port).from("203.0.113.43");
        for (int i = 0; i < Going.PER_ADDRESS.bandwidths()[0].getCapacity(); i++) {
            assertThat(flooder.post("/en/events/" + event.id() + "/going", Map.of()).status()).isEqualTo(302);
        }
        Browser.Page refused = flooder.post("/en/events/" + event.id() + "/going", Map.of());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("You have clicked “I’m going” many times in a short time.");
        assertThat(apiEvent(event.id()).get("going").asInt()).isEqualTo(1);
    }

    @Test
    void aBotThatFillsTheHoneypotIsAnsweredLikeASuccessAndCountsNothing() {
        EventsFixture.ApprovedEvent event = approved();
        choose(event.token(), "COUNT");
        Browser bot = new Browser("http://localhost:" + port).from("203.0.113.44");
        Browser.Page page = bot.open("/en/events/" + event.id());
        Browser.Page answer = bot.submit(page, "form.going-form", Map.of("homepage", "https://spam.example"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(apiEvent(event.id()).get("going").asInt()).isZero();
    }

    @Test
    void aCancelledEventHasNoButtonAndRefusesClicks() {
        EventsFixture.ApprovedEvent event = approved();
        choose(event.token(), "COUNT");
        events.cancel(event.token());
        assertThat(browser.open("/en/events/" + event.id()).doc().select("form.going-form")).isEmpty();
        assertThat(browser.post("/en/events/" + event.id() + "/going", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theApiTakesTheChoiceWithASubmissionAndRefusesAnUnknownOne() {
        String title = EventsFixture.title("Api going");
        String json = """
                {"title":"%s","type":"DEMONSTRATION","languages":["en"],"start":"2027-02-25T13:00","end":"2027-02-25T16:00",
                 "location":{"city":"Brussels","country":"BE","visibility":"PUBLIC"},"organizers":"Us",
                 "contactEmail":"api-going@example.org","going":"%s"}""";
        Browser.Page refused = browser.postRaw("/api/v1/campaigns/" + campaign.slug() + "/events", "application/json",
                json.formatted(title, "SOMETIMES").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(EventsApiTest.JSON.readTree(refused.body()).get("errors").get("going").asString())
                .isEqualTo("Please choose one of the offered options for “I’m going”.");
        assertThat(idByTitle(title)).isNull();

        Browser.Page accepted = browser.postRaw("/api/v1/campaigns/" + campaign.slug() + "/events", "application/json",
                json.formatted(title, "COUNT").getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(mode(idByTitle(title))).isEqualTo("COUNT");
    }
}
