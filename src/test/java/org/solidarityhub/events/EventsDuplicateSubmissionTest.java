package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Two identical submissions (a double click, a form posted twice at once) store one event and mail once. */
class EventsDuplicateSubmissionTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventsProperties properties;

    Campaign campaign;

    @BeforeEach
    void campaign() {
        campaign = EventsFixture.newCampaign(campaigns);
    }

    private long events(String email) {
        return db.sql("SELECT COUNT(*) FROM event WHERE contact_email = :email").param("email", email).query(Long.class).single();
    }

    private long mails(String email) {
        return db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :email").param("email", email).query(Long.class).single();
    }

    @Test
    void theSameFormPostedTwiceAtOnceStoresOneEventAndOneMail() throws Exception {
        for (int round = 0; round < 3; round++) {
            String email = uniqueEmail("twice");
            Map<String, Object> fields = EventsFixture.brussels(EventsFixture.title("Twice"), email);
            Browser first = anotherBrowser().from(uniqueIp());
            Browser second = anotherBrowser().from(uniqueIp());
            Browser.Page firstForm = first.get("/en/events/new?campaign=" + campaign.slug());
            Browser.Page secondForm = second.get("/en/events/new?campaign=" + campaign.slug());
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Browser.Page>> answers = new ArrayList<>();
                answers.add(threads.submit(() -> {
                    start.await();
                    return first.submit(firstForm, "form.event-form", fields);
                }));
                answers.add(threads.submit(() -> {
                    start.await();
                    return second.submit(secondForm, "form.event-form", fields);
                }));
                for (Future<Browser.Page> answer : answers) {
                    Browser.Page page = answer.get();
                    assertThat(page.status()).as(page.body()).isEqualTo(302);
                    assertThat(page.location()).endsWith("/en/events/submitted");
                }
            } finally {
                threads.shutdown();
            }
            assertThat(events(email)).isEqualTo(1);
            assertThat(mails(email)).isEqualTo(1);
        }
    }

    @Test
    void aDoubleClickStoresOneEventAndOneMailAndTheApiAnswersTheSameEvent() {
        String email = uniqueEmail("double");
        Map<String, Object> fields = EventsFixture.brussels(EventsFixture.title("Double"), email);
        assertThat(EventsFixture.submit(anotherBrowser().from(uniqueIp()), campaign, fields).status()).isEqualTo(302);
        assertThat(EventsFixture.submit(anotherBrowser().from(uniqueIp()), campaign, fields).status()).isEqualTo(302);
        assertThat(events(email)).isEqualTo(1);
        assertThat(mails(email)).isEqualTo(1);

        String apiEmail = uniqueEmail("api-double");
        String body = """
                {"title":"Peace for Ukraine","type":"DEMONSTRATION","description":"...","languages":["en"],
                 "start":"2027-02-25T13:00","end":"2027-02-25T16:00","timezone":"Europe/Brussels",
                 "location":{"city":"Brussels","country":"BE","visibility":"CITY"},
                 "organizers":"Promote Ukraine","contactEmail":"%s","language":"en"}""".formatted(apiEmail);
        String path = "/api/v1/campaigns/" + campaign.slug() + "/events";
        Browser.Page one = anotherBrowser().from(uniqueIp()).postRaw(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        // the same address written another way is the same submitter
        Browser.Page two = anotherBrowser().from(uniqueIp()).postRaw(path, "application/json",
                body.replace(apiEmail, apiEmail.toUpperCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        assertThat(one.status()).isEqualTo(202);
        assertThat(two.status()).isEqualTo(202);
        assertThat(two.body().replaceAll("\"message\".*", "")).isEqualTo(one.body().replaceAll("\"message\".*", ""));
        assertThat(events(apiEmail)).isEqualTo(1);
        assertThat(mails(apiEmail)).isEqualTo(1);
    }

    @Test
    void aSubmissionThatDiffersOrComesAfterTheWindowIsANewEvent() {
        String email = uniqueEmail("differs");
        Map<String, Object> fields = EventsFixture.brussels(EventsFixture.title("Differs"), email);
        assertThat(EventsFixture.submit(anotherBrowser().from(uniqueIp()), campaign, fields).status()).isEqualTo(302);
        fields.put("start", "2027-02-26T13:00");
        fields.put("end", "2027-02-26T16:00");
        assertThat(EventsFixture.submit(anotherBrowser().from(uniqueIp()), campaign, fields).status()).isEqualTo(302);
        assertThat(events(email)).isEqualTo(2);

        clock.advance(properties.duplicateWindow().plus(Duration.ofMinutes(1)));
        assertThat(EventsFixture.submit(anotherBrowser().from(uniqueIp()), campaign, fields).status()).isEqualTo(302);
        assertThat(events(email)).isEqualTo(3);
        assertThat(mails(email)).isEqualTo(3);
    }
}
