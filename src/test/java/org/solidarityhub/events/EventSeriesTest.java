package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;

/**
 * Recurring and multi-place actions: entered once on the form (without JavaScript), stored as one normal event per
 * date and city, confirmed together, moderated one by one, linked on their pages and in the API; each bad input of
 * the series fields refused with its message and nothing stored.
 */
class EventSeriesTest extends RunningCampaignTest {

    private Browser.Page submit(Map<String, Object> fields) {
        Browser.Page form = browser.get("/en/events/new?campaign=" + slug);
        assertThat(form.status()).isEqualTo(200);
        return browser.submitMultipart(form, "form.event-form", fields, List.of());
    }

    @Test
    void anActionOnThreeDaysInTwoCitiesBecomesSixLinkedEventsConfirmedOnceAndApprovedOneByOne() throws Exception {
        String title = EventsFixture.title("Week of vigils");
        String email = uniqueEmail("series");
        Map<String, Object> fields = fields(title, email);
        fields.put("alsoOn", day.plusDays(1) + ", " + day.plusDays(2));
        fields.put("alsoIn", "Gent");
        assertThat(submit(fields).status()).isEqualTo(302);

        List<Long> ids = eventsTitled(title);
        assertThat(ids).hasSize(6);
        List<StoredEvent> stored = ids.stream().map(id -> store.find(id).orElseThrow()).toList();
        assertThat(stored).extracting(e -> e.latest().draft().city()).containsExactlyInAnyOrder(
                "Brussels", "Brussels", "Brussels", "Gent", "Gent", "Gent");
        assertThat(stored).extracting(e -> e.latest().draft().startsLocal().toString()).containsExactlyInAnyOrder(
                day + "T13:00", day.plusDays(1) + "T13:00", day.plusDays(2) + "T13:00",
                day + "T13:00", day.plusDays(1) + "T13:00", day.plusDays(2) + "T13:00");
        // another city: its own place at the city's centre, no venue or address of the first
        StoredEvent gent = stored.stream().filter(e -> e.latest().draft().city().equals("Gent")).findFirst().orElseThrow();
        assertThat(gent.latest().draft().address()).isNull();
        assertThat(gent.latest().draft().latitude()).isNotNull();

        // one mail per occurrence (each has its management link); confirming one confirms them all
        List<jakarta.mail.internet.MimeMessage> mails = TestMailServer.await(email, 6, Duration.ofSeconds(10));
        String manage = TestMailServer.link(mails.getFirst(), "http://hub.test/en/events/manage/").substring("http://hub.test".length());
        assertThat(browser.submit(browser.get(manage), "form.confirm-form").status()).isEqualTo(302);
        assertThat(ids).allSatisfy(id -> assertThat(store.find(id).orElseThrow().status()).isEqualTo(EventStatus.PENDING));

        // moderated one by one: only approved occurrences are public and linked
        long first = ids.getFirst();
        events.approve(first, store.find(first).orElseThrow().pending().id());
        assertThat(browser.get("/en/events/" + first).doc().select("nav.event-series")).isEmpty();
        for (long id : ids.subList(1, ids.size())) {
            events.approve(id, store.find(id).orElseThrow().pending().id());
        }

        Browser.Page page = browser.get("/en/events/" + first);
        assertThat(page.status()).isEqualTo(200);
        List<String> alsoOn = page.doc().select("nav.event-series p:first-child a").eachAttr("href");
        assertThat(alsoOn).hasSize(2).allSatisfy(href -> assertThat(href).matches("/en/events/\\d+"));
        assertThat(page.text("nav.event-series")).startsWith("Also on:").contains("Also in:").contains("Gent");
        assertThat(page.doc().select("nav.event-series a")).hasSize(5);

        // each is a normal event: on the list, and in the API with the ids of the others
        Browser.Page list = browser.get("/en/events?campaign=" + slug);
        for (long id : ids) {
            assertThat(list.doc().select("#event-" + id)).hasSize(1);
        }
        JsonNode api = new ObjectMapper().readTree(browser.get("/api/v1/campaigns/" + slug + "/events").body());
        for (JsonNode event : api.get("events")) {
            List<Long> series = new java.util.ArrayList<>();
            event.get("series").forEach(n -> series.add(n.asLong()));
            assertThat(series).hasSize(5).doesNotContain(event.get("id").asLong());
            assertThat(ids).containsAll(series);
        }
    }

    @Test
    void everyDayOfTheCampaignMakesOneEventADay() {
        String title = EventsFixture.title("Daily picket");
        Map<String, Object> fields = fields(title, uniqueEmail("daily"));
        fields.put("everyDay", "true");
        assertThat(submit(fields).status()).isEqualTo(302);
        // the running campaign of the fixture: today and the seven days after
        assertThat(eventsTitled(title)).hasSize(8);
    }

    @Test
    void aSingleEventHasNoSeries() throws Exception {
        String title = EventsFixture.title("Single");
        String email = uniqueEmail("single");
        assertThat(submit(fields(title, email)).status()).isEqualTo(302);
        long id = eventsTitled(title).getFirst();
        events.confirm(TestMailServer.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(),
                "http://hub.test/en/events/manage/").substring("http://hub.test/en/events/manage/".length()));
        events.approve(id, store.find(id).orElseThrow().pending().id());
        assertThat(browser.get("/en/events/" + id).doc().select("nav.event-series")).isEmpty();
        JsonNode api = new ObjectMapper().readTree(browser.get("/api/v1/campaigns/" + slug + "/events").body());
        assertThat(api.get("events").get(0).get("series").size()).isZero();
    }

    private void assertRefused(Map<String, Object> changes, String field, String message) {
        String title = EventsFixture.title("Refused series");
        Map<String, Object> fields = fields(title, uniqueEmail("refused"));
        fields.putAll(changes);
        Browser.Page page = submit(fields);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#" + field + "-error")).isEqualTo(message);
        assertThat(page.doc().selectFirst("#title").val()).isEqualTo(title);
        assertThat(eventsTitled(title)).isEmpty();
    }

    @Test
    void aDateThatIsNotADateIsRefused() {
        assertRefused(Map.of("alsoOn", "26/02/2027"), "alsoOn",
                "“26/02/2027” is not a date. Write dates like 2027-02-26, separated by commas.");
    }

    @Test
    void aDateOutsideTheCampaignIsRefused() {
        LocalDate outside = day.plusDays(30);
        Browser.Page page;
        String title = EventsFixture.title("Outside");
        Map<String, Object> fields = fields(title, uniqueEmail("outside"));
        fields.put("alsoOn", outside.toString());
        page = submit(fields);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#alsoOn-error")).contains("is outside the campaign, which runs from");
        assertThat(eventsTitled(title)).isEmpty();
    }

    @Test
    void anUnknownCityIsRefusedWithItsLine() {
        assertRefused(Map.of("alsoIn", "Gent\nAtlantis, BE"), "alsoIn",
                "Line 2: we do not know the city “Atlantis, BE”. Write it as “City, country code”, like Kraków, PL.");
    }

    @Test
    void moreOccurrencesThanTheBoundAreRefused() {
        assertRefused(Map.of("everyDay", "true", "alsoIn", "Gent"), "alsoOn",
                "This would make 16 events: at most 10 events can be entered at once. Choose fewer dates or cities.");
    }

    @Test
    void citiesForAnOnlineEventAreRefused() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("mode", "online");
        changes.put("onlineUrl", "https://meet.example.org/vigil");
        changes.put("timezone", "Europe/Brussels");
        changes.put("alsoIn", "Gent");
        assertRefused(changes, "alsoIn", "An online event has no cities: leave this field empty.");
    }
}
