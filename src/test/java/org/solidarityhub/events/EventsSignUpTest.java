package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * "I'm going" with a sign-up: the organizers' choice (form, management page, API), the form under the event, the
 * confirmation by mail, the count of confirmed participants, and every bad input refused with a message.
 */
class EventsSignUpTest extends WebTest {

    @Autowired ApplicationContext context;
    @Autowired Events events;

    String campaign;
    Browser reader;

    @BeforeEach
    void setUp() {
        campaign = ParticipantsFixture.campaignSlug(context);
        reader = anotherBrowser().from(uniqueIp());
    }

    private ParticipantsFixture.SignUpEvent event(String title) {
        return ParticipantsFixture.event(context, campaign, EventsFixture.title(title), Duration.ofDays(2), "Kraków", "PUBLIC", 2);
    }

    private long rows(long eventId) {
        return db.sql("SELECT COUNT(*) FROM event_participant WHERE event_id = :id").param("id", eventId).query(Long.class).single();
    }

    private JsonNode apiEvent(long id) {
        JsonNode list = EventsApiTest.JSON.readTree(reader.get("/api/v1/campaigns/" + campaign + "/events").body());
        for (JsonNode e : list.get("events")) {
            if (e.get("id").asLong() == id) {
                return e;
            }
        }
        throw new AssertionError("no event " + id + " in " + list);
    }

    private JsonNode pin(long id) {
        JsonNode pins = EventsApiTest.JSON.readTree(reader.get("/api/v1/campaigns/" + campaign + "/events.geojson").body());
        for (JsonNode f : pins.get("features")) {
            if (f.get("id").asLong() == id) {
                return f.get("properties");
            }
        }
        throw new AssertionError("no pin " + id);
    }

    @Test
    void aReaderSignsUpConfirmsFromTheMailInTheirLanguageAndIsCountedOnThePageTheApiAndTheMap() {
        ParticipantsFixture.SignUpEvent event = event("Sign-up rally");
        String email = uniqueEmail("olena");
        Browser.Page page = reader.open("/uk/events/" + event.id());
        assertThat(page.text("#going .going-count")).isEqualTo("Ще ніхто не сказав, що піде.");
        assertThat(page.doc().select("form.going-form")).as("no anonymous button").isEmpty();
        assertThat(page.doc().select("form.write-form, .manage-participants")).as("nothing of the management page").isEmpty();
        assertThat(page.doc().select("section#going form.sign-up-form")).hasSize(1);

        Browser.Page sent = ParticipantsFixture.signUp(reader, "uk", event.id(), "Олена", email);
        assertThat(sent.status()).isEqualTo(302);
        Browser.Page check = reader.follow(sent);
        assertThat(check.text("h1")).isEqualTo("Перевірте пошту");
        assertThat(rows(event.id())).isEqualTo(1);
        assertThat(reader.open("/en/events/" + event.id()).text("#going .going-count")).as("not before the confirmation")
                .isEqualTo("Nobody has said they are going yet.");

        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        assertThat(TestMailServer.subject(mail)).isEqualTo("Підтвердьте: ви йдете на «" + event.title() + "»");
        assertThat(TestMailServer.body(mail)).contains("Вітаємо, Олена!").contains("(часовий пояс Europe/Warsaw)");
        assertThat(TestMailServer.header(mail, "List-Unsubscribe")).matches("<" + ParticipantsFixture.BASE
                + "/uk/events/going/unsubscribe/[A-Za-z0-9_-]{43}>");

        String confirmPath = ParticipantsFixture.path(mail, "/uk/events/going/confirm/");
        Browser.Page confirmPage = reader.open(confirmPath);
        assertThat(confirmPage.text("h1")).isEqualTo("Підтвердьте, що ви підете");
        assertThat(confirmPage.header("cache-control")).as("a page behind a mailed token is never kept").hasValue("private, no-store");
        assertThat(reader.open("/en/events/" + event.id()).text("#going .going-count")).as("a GET changes nothing")
                .isEqualTo("Nobody has said they are going yet.");
        Browser.Page confirmed = reader.submit(confirmPage, "form.confirm-form", Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("h1")).isEqualTo("Ви йдете");

        assertThat(reader.open("/en/events/" + event.id()).text("#going .going-count")).isEqualTo("1 person is going.");
        assertThat(apiEvent(event.id()).get("going").asInt()).isEqualTo(1);
        assertThat(pin(event.id()).get("going").asInt()).isEqualTo(1);
        assertThat(db.sql("SELECT state FROM event_participant WHERE event_id = :id").param("id", event.id())
                .query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(db.sql("SELECT language FROM event_participant WHERE event_id = :id").param("id", event.id())
                .query(String.class).single()).isEqualTo("uk");

        Browser.Page again = reader.post(confirmPath, Map.of());
        assertThat(again.status()).as("a used link").isEqualTo(404);
        assertThat(reader.open("/en/events/" + event.id()).text("#going .going-count")).isEqualTo("1 person is going.");
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'events.participant-confirmed' AND target_id = :id")
                .param("id", String.valueOf(event.id())).query(Long.class).single()).isEqualTo(1);
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE :email").param("email", "%" + email + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoIdenticalSignUpsAreOneRowAndOneMailAndTheAnswerIsTheSameAsForANewAddress() throws Exception {
        ParticipantsFixture.SignUpEvent event = event("Twice");
        String email = uniqueEmail("twice");
        Browser.Page first = ParticipantsFixture.signUp(reader, "en", event.id(), "Twice", email);
        Browser.Page second = ParticipantsFixture.signUp(reader, "en", event.id(), "Twice", email.toUpperCase(java.util.Locale.ROOT));
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(reader.follow(second).body()).isEqualTo(reader.follow(first).body());
        assertThat(rows(event.id())).isEqualTo(1);
        TestMailServer.await(email, 1, Duration.ofSeconds(10));
        Thread.sleep(1500);
        assertThat(TestMailServer.to(email)).hasSize(1);

        // the same address after confirming: still the same answer, no new mail, still one
        ParticipantsFixture.confirm(reader, email, "en");
        Browser.Page third = ParticipantsFixture.signUp(reader, "en", event.id(), "Twice again", email);
        assertThat(third.location()).isEqualTo(first.location());
        assertThat(rows(event.id())).isEqualTo(1);
        Thread.sleep(1000);
        assertThat(TestMailServer.to(email)).hasSize(1);
        assertThat(apiEvent(event.id()).get("going").asInt()).isEqualTo(1);
    }

    @Test
    void signingUpAgainWithoutHavingConfirmedMailsANewLinkAfterTenMinutesAndTheLostOneNoLongerWorks() throws Exception {
        ParticipantsFixture.SignUpEvent event = event("Lost mail");
        String email = uniqueEmail("lost");
        ParticipantsFixture.signUp(reader, "en", event.id(), "Lost", email);
        MimeMessage lost = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        String lostLink = ParticipantsFixture.path(lost, "/en/events/going/confirm/");

        ParticipantsFixture.signUp(reader, "en", event.id(), "Lost", email); // within ten minutes: no second mail
        Thread.sleep(1500);
        assertThat(TestMailServer.to(email)).hasSize(1);

        clock.advance(Duration.ofMinutes(11));
        Browser.Page again = ParticipantsFixture.signUp(reader, "uk", event.id(), "Знайдена", email);
        assertThat(again.status()).isEqualTo(302);
        MimeMessage second = TestMailServer.await(email, 2, Duration.ofSeconds(10)).get(1);
        assertThat(rows(event.id())).isEqualTo(1);
        assertThat(reader.get(lostLink).status()).as("the first link is replaced").isEqualTo(404);
        Browser.Page page = reader.open(ParticipantsFixture.path(second, "/uk/events/going/confirm/"));
        reader.submit(page, "form.confirm-form", Map.of());
        assertThat(db.sql("SELECT state || ' ' || name || ' ' || language FROM event_participant WHERE event_id = :id")
                .param("id", event.id()).query(String.class).single()).isEqualTo("CONFIRMED Знайдена uk");
        assertThat(apiEvent(event.id()).get("going").asInt()).isEqualTo(1);
    }

    @Test
    void theSameSignUpPostedTwiceAtOnceIsOneRowAndOneMail() throws Exception {
        ParticipantsFixture.SignUpEvent event = event("At once");
        for (int round = 0; round < 3; round++) {
            String email = uniqueEmail("at-once");
            Browser first = anotherBrowser().from(uniqueIp());
            Browser second = anotherBrowser().from(uniqueIp());
            Browser.Page firstPage = first.open("/en/events/" + event.id());
            Browser.Page secondPage = second.open("/en/events/" + event.id());
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Browser.Page>> answers = List.of(
                        threads.submit(() -> {
                            start.await();
                            return first.submit(firstPage, "form.sign-up-form", Map.of("name", "Same", "email", email));
                        }),
                        threads.submit(() -> {
                            start.await();
                            return second.submit(secondPage, "form.sign-up-form", Map.of("name", "Same", "email", email));
                        }));
                for (java.util.concurrent.Future<Browser.Page> answer : answers) {
                    assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(302);
                }
            } finally {
                threads.shutdown();
            }
            assertThat(db.sql("SELECT COUNT(*) FROM event_participant WHERE event_id = :id AND email = :email")
                    .param("id", event.id()).param("email", email).query(Long.class).single()).isEqualTo(1);
            TestMailServer.await(email, 1, Duration.ofSeconds(10));
            Thread.sleep(500);
            assertThat(TestMailServer.to(email)).hasSize(1);
        }
    }

    @Test
    void aMissingOrTooLongNameAndAMissingOrBadEmailAreRefusedAtTheirFieldsAndStoreNothing() {
        ParticipantsFixture.SignUpEvent event = event("Bad input");
        Map<String, String> cases = Map.of(
                "", "Please fill in this field.",
                "x".repeat(101), "This is too long: at most 100 characters.",
                "<b>Bold</b>", "HTML and script are not allowed here. Please write plain text (the description may use Markdown).",
                "Two\nlines", "");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Browser.Page refused = ParticipantsFixture.signUp(reader, "en", event.id(), c.getKey(), uniqueEmail("bad"));
            assertThat(refused.status()).as(c.getKey()).isEqualTo(400);
            if (!c.getValue().isEmpty()) {
                assertThat(refused.text("#sign-up-name-error")).as(c.getKey()).isEqualTo(c.getValue());
            } else {
                assertThat(refused.doc().select("#sign-up-name-error")).as(c.getKey()).isNotEmpty();
            }
        }
        for (String email : List.of("", "not-an-address", "a@b@c", "x".repeat(250) + "@example.org")) {
            Browser.Page refused = ParticipantsFixture.signUp(reader, "en", event.id(), "Name", email);
            assertThat(refused.status()).as(email).isEqualTo(400);
            assertThat(refused.doc().select("#sign-up-email-error")).as(email).isNotEmpty();
            assertThat(refused.doc().select("form.sign-up-form input[name=name]").attr("value")).isEqualTo("Name");
        }
        Browser.Page ukrainian = ParticipantsFixture.signUp(reader, "uk", event.id(), "Ім’я", "ні");
        assertThat(ukrainian.text("#sign-up-email-error")).isNotBlank().doesNotContain("Please");
        assertThat(rows(event.id())).isZero();
    }

    @Test
    void aBotThatFillsTheHoneypotIsAnsweredLikeASuccessAndNothingIsStoredOrMailed() throws Exception {
        ParticipantsFixture.SignUpEvent event = event("Honeypot");
        String email = uniqueEmail("bot");
        Browser.Page page = reader.open("/en/events/" + event.id());
        Browser.Page answer = reader.submit(page, "form.sign-up-form", Map.of("name", "Bot", "email", email,
                "homepage", "https://spam.example"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/events/" + event.id() + "/going/sent");
        assertThat(rows(event.id())).isZero();
        Thread.sleep(1000);
        assertThat(TestMailServer.to(email)).isEmpty();
    }

    @Test
    void tooManySignUpsFromOneAddressAreRefusedWith429AndAMessage() {
        ParticipantsFixture.SignUpEvent event = event("Flood");
        for (int i = 0; i < Participants.PER_ADDRESS.bandwidths()[0].getCapacity(); i++) {
            assertThat(ParticipantsFixture.signUp(reader, "en", event.id(), "Person " + i, uniqueEmail("flood")).status())
                    .isEqualTo(302);
        }
        Browser.Page refused = ParticipantsFixture.signUp(reader, "en", event.id(), "One more", uniqueEmail("flood"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("You have signed up many times in a short time.");
        assertThat(rows(event.id())).isEqualTo(Participants.PER_ADDRESS.bandwidths()[0].getCapacity());
    }

    @Test
    void aCancelledOrPastEventAndAnEventWithoutASignUpRefuseSignUpsWith404() {
        ParticipantsFixture.SignUpEvent cancelled = event("Cancelled");
        Browser.Page before = reader.open("/en/events/" + cancelled.id());
        String early = uniqueEmail("early");
        assertThat(ParticipantsFixture.signUp(reader, "en", cancelled.id(), "Early", early).status()).isEqualTo(302);
        String confirmPath = ParticipantsFixture.path(TestMailServer.await(early, 1, Duration.ofSeconds(10)).getFirst(),
                "/en/events/going/confirm/");
        events.cancel(cancelled.token());
        assertThat(reader.get(confirmPath).status()).as("confirming a cancelled event").isEqualTo(404);
        assertThat(reader.post(confirmPath, Map.of()).status()).isEqualTo(404);
        assertThat(db.sql("SELECT going_count FROM event WHERE id = :id").param("id", cancelled.id()).query(Integer.class).single())
                .isZero();
        db.sql("DELETE FROM event_participant WHERE event_id = :id").param("id", cancelled.id()).update();
        Browser.Page late = reader.submit(before, "form.sign-up-form", Map.of("name", "Late", "email", uniqueEmail("late")));
        assertThat(late.status()).isEqualTo(404);
        assertThat(reader.open("/en/events/" + cancelled.id()).doc().select("form.sign-up-form")).isEmpty();

        ParticipantsFixture.SignUpEvent past = event("Past");
        db.sql("UPDATE event_revision SET starts_local = starts_local - INTERVAL '10' DAY, ends_local = ends_local - INTERVAL '10' DAY, "
                + "starts_at = starts_at - INTERVAL '10' DAY, ends_at = ends_at - INTERVAL '10' DAY WHERE event_id = :id")
                .param("id", past.id()).update();
        assertThat(reader.post("/en/events/" + past.id() + "/going/sign-up", Map.of("name", "Late", "email", uniqueEmail("late")))
                .status()).isEqualTo(404);

        ParticipantsFixture.SignUpEvent count = event("Count only");
        db.sql("UPDATE event SET going_mode = 'COUNT' WHERE id = :id").param("id", count.id()).update();
        assertThat(reader.post("/en/events/" + count.id() + "/going/sign-up", Map.of("name", "X", "email", uniqueEmail("x")))
                .status()).isEqualTo(404);
        db.sql("UPDATE event SET going_mode = 'NONE' WHERE id = :id").param("id", count.id()).update();
        assertThat(reader.post("/en/events/" + count.id() + "/going/sign-up", Map.of("name", "X", "email", uniqueEmail("x")))
                .status()).isEqualTo(404);
        assertThat(reader.post("/en/events/99999999999/going/sign-up", Map.of("name", "X", "email", uniqueEmail("x")))
                .status()).isEqualTo(404);
        assertThat(rows(cancelled.id()) + rows(past.id()) + rows(count.id())).isZero();
    }

    @Test
    void aForgedOrMistypedConfirmationOrLeaveLinkGetsTheOneAnswer() {
        for (String path : List.of("/en/events/going/confirm/not-a-token", "/en/events/going/confirm/" + "A".repeat(43),
                "/en/events/going/unsubscribe/" + "B".repeat(43), "/en/events/going/unsubscribe/short")) {
            assertThat(reader.get(path).status()).as(path).isEqualTo(404);
            assertThat(reader.post(path, Map.of()).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theSubmissionFormTheManagementPageAndTheApiOfferTheSignUpAndTheHoursOfAHiddenAddress() {
        String title = EventsFixture.title("Form sign-up");
        Map<String, Object> fields = EventsFixture.brussels(title, "form-signup@example.org");
        Campaign c2027 = EventsFixture.newCampaign(context.getBean(Campaigns.class));
        fields.put("going", "SIGN_UP");
        fields.put("goingAddressHours", "73");
        Browser.Page refused = EventsFixture.submit(reader, c2027, fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#going-address-hours-error")).isEqualTo("Please enter a whole number of hours from 1 to 72.");
        assertThat(refused.doc().select("input[name=going][value=SIGN_UP]").attr("checked")).isNotNull();
        fields.put("goingAddressHours", "6");
        assertThat(EventsFixture.submit(reader, c2027, fields).status()).isEqualTo(302);
        Map<String, Object> stored = db.sql("SELECT e.going_mode, e.going_address_hours FROM event e JOIN event_revision r ON r.event_id = e.id WHERE r.title = :t")
                .param("t", title).query().singleRow();
        assertThat(stored.get("going_mode")).isEqualTo("SIGN_UP");
        assertThat(((Number) stored.get("going_address_hours")).intValue()).isEqualTo(6);

        ParticipantsFixture.SignUpEvent event = event("Managed");
        Browser.Page manage = reader.open("/en/events/manage/" + event.token());
        assertThat(manage.doc().select("form.going-form input[name=going][checked]").attr("value")).isEqualTo("SIGN_UP");
        assertThat(manage.doc().select("form.going-form input[name=goingAddressHours]").attr("value")).isEqualTo("2");
        assertThat(reader.post("/en/events/manage/" + event.token() + "/going", Map.of("going", "SIGN_UP", "goingAddressHours", "0"))
                .status()).isEqualTo(400);
        assertThat(reader.post("/en/events/manage/" + event.token() + "/going", Map.of("going", "SIGN_UP", "goingAddressHours", "many"))
                .status()).isEqualTo(400);
        assertThat(reader.post("/en/events/manage/" + event.token() + "/going", Map.of("going", "SIGN_UP", "goingAddressHours", "24"))
                .status()).isEqualTo(302);
        assertThat(db.sql("SELECT going_address_hours FROM event WHERE id = :id").param("id", event.id()).query(Integer.class).single())
                .isEqualTo(24);

        String apiTitle = EventsFixture.title("Api sign-up");
        String json = """
                {"title":"%s","type":"DEMONSTRATION","languages":["en"],"start":"2027-02-25T13:00","end":"2027-02-25T16:00",
                 "location":{"city":"Brussels","country":"BE","visibility":"ON_REQUEST"},"organizers":"Us",
                 "contactEmail":"api-signup@example.org","going":"SIGN_UP","goingAddressHours":%s}""";
        Browser.Page apiRefused = reader.postRaw("/api/v1/campaigns/" + c2027.slug() + "/events", "application/json",
                json.formatted(apiTitle, "100").getBytes(StandardCharsets.UTF_8));
        assertThat(apiRefused.status()).isEqualTo(400);
        assertThat(EventsApiTest.JSON.readTree(apiRefused.body()).get("errors").get("goingAddressHours").asString())
                .isEqualTo("Please enter a whole number of hours from 1 to 72.");
        assertThat(reader.postRaw("/api/v1/campaigns/" + c2027.slug() + "/events", "application/json",
                json.formatted(apiTitle, "12").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
        assertThat(db.sql("SELECT e.going_address_hours FROM event e JOIN event_revision r ON r.event_id = e.id WHERE r.title = :t")
                .param("t", apiTitle).query(Integer.class).single()).isEqualTo(12);
    }
}
