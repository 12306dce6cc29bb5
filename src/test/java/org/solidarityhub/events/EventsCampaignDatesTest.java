package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityhub.test.ProblemDetails.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * An event must start on a day of its campaign (24 February – 3 March 2027 here), counted in the local dates at its
 * place: on the form, through the management link and in the API, with a message naming the campaign's dates.
 */
class EventsCampaignDatesTest extends WebTest {

    static final String OUTSIDE = "The event must start on a day of Test week of action: 24 February – 3 March 2027 "
            + "(dates at the event’s place). It may end after the last day.";

    @Autowired Campaigns campaigns;

    Campaign campaign;

    @BeforeEach
    void campaign() {
        campaign = EventsFixture.newCampaign(campaigns);
    }

    private Browser.Page submit(String start, String end, String timezone, String email) {
        Map<String, Object> fields = EventsFixture.brussels(EventsFixture.title("Dates"), email);
        fields.put("start", start);
        fields.put("end", end);
        fields.put("timezone", timezone);
        return EventsFixture.submit(anotherBrowser().from(uniqueIp()), campaign, fields);
    }

    private long stored(String email) {
        return db.sql("SELECT COUNT(*) FROM event WHERE contact_email = :email").param("email", email).query(Long.class).single();
    }

    @Test
    void anEventOnTheFirstOfJuneIsRefusedWithTheCampaignsDatesAndNothingIsStored() {
        String email = uniqueEmail("june");
        Browser.Page page = submit("2027-06-01T13:00", "2027-06-01T16:00", "", email);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#start-error")).isEqualTo(OUTSIDE);
        assertThat(page.doc().selectFirst("#start").attr("value")).isEqualTo("2027-06-01T13:00");
        assertThat(stored(email)).isZero();
    }

    @Test
    void anEventStartingTheDayBeforeTheCampaignIsRefusedEvenIfItEndsInside() {
        String email = uniqueEmail("before");
        Browser.Page page = submit("2027-02-23T20:00", "2027-02-24T10:00", "", email);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#start-error")).isEqualTo(OUTSIDE);
        assertThat(stored(email)).isZero();
    }

    @Test
    void anEventStartingOnTheLastDayMayRunPastIt() {
        String email = uniqueEmail("spans");
        Browser.Page page = submit("2027-03-03T20:00", "2027-03-05T12:00", "", email);
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        assertThat(stored(email)).isEqualTo(1);
    }

    @Test
    void theCampaignsDaysAreTheLocalDatesAtThePlace() {
        // 3 March 23:00 in Kyiv is 3 March 21:00 UTC, but 4 March 06:00 in Tokyo: the local date decides
        String kyiv = uniqueEmail("kyiv");
        assertThat(submit("2027-03-03T23:00", "2027-03-04T01:00", "Europe/Kyiv", kyiv).status()).isEqualTo(302);
        assertThat(stored(kyiv)).isEqualTo(1);
        // 24 February 00:30 in Brussels is still 23 February in UTC: inside
        String early = uniqueEmail("early");
        assertThat(submit("2027-02-24T00:30", "2027-02-24T02:00", "", early).status()).isEqualTo(302);
        // 4 March 00:30 in Kyiv is still 3 March in UTC: outside
        String late = uniqueEmail("late");
        Browser.Page page = submit("2027-03-04T00:30", "2027-03-04T02:00", "Europe/Kyiv", late);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#start-error")).isEqualTo(OUTSIDE);
        assertThat(stored(late)).isZero();
    }

    @Test
    void theMessageIsInTheReadersLanguage() {
        Map<String, Object> fields = EventsFixture.brussels(EventsFixture.title("Dates"), uniqueEmail("uk"));
        fields.put("start", "2027-06-01T13:00");
        fields.put("end", "2027-06-01T16:00");
        Browser.Page page = EventsFixture.submit(anotherBrowser().from(uniqueIp()), campaign, fields, "uk");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#start-error")).startsWith("Подія має початися в один із днів кампанії «Тестовий тиждень дій»: 24 лютого")
                .contains("2027");
    }

    @Test
    void aChangeThroughTheManagementLinkToADateOutsideIsRefusedAndTheEventKeepsItsDate() throws Exception {
        String email = uniqueEmail("manage");
        assertThat(submit("2027-02-25T13:00", "2027-02-25T16:00", "", email).status()).isEqualTo(302);
        String path = TestMailServer.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(),
                "http://hub.test/en/events/manage/").substring("http://hub.test".length());
        Browser person = anotherBrowser().from(uniqueIp());
        Browser.Page manage = person.get(path);
        Map<String, Object> fields = EventsFixture.brussels("Moved", email);
        fields.put("start", "2027-06-01T13:00");
        fields.put("end", "2027-06-01T16:00");
        Browser.Page page = person.submit(manage, "form.event-form", fields);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#start-error")).isEqualTo(OUTSIDE);
        assertThat(db.sql("SELECT r.starts_local FROM event e JOIN event_revision r ON r.id = e.pending_revision WHERE e.contact_email = :email")
                .param("email", email).query(String.class).single()).startsWith("2027-02-25");
    }

    @Test
    void theApiAnswersAProblemWithTheFieldError() {
        String body = """
                {"title":"Peace for Ukraine","type":"DEMONSTRATION","description":"...","languages":["en"],
                 "start":"2027-06-01T13:00","end":"2027-06-01T16:00","timezone":"Europe/Brussels",
                 "location":{"city":"Brussels","country":"BE","visibility":"CITY"},
                 "organizers":"Promote Ukraine","contactEmail":"%s","language":"en"}""".formatted(uniqueEmail("api"));
        String path = "/api/v1/campaigns/" + campaign.slug() + "/events";
        JsonNode problem = assertProblem(anotherBrowser().from(uniqueIp()).postRaw(path, "application/json", body.getBytes(StandardCharsets.UTF_8)), 400, path);
        assertThat(problem.path("errors").path("start").asString()).isEqualTo(OUTSIDE);
    }
}
