package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

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

/** "My events": one mail with fresh management links of all the events of an address; the same answer for every address. */
class EventsMyEventsTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventsProperties properties;

    Campaign campaign;

    @BeforeEach
    void campaign() {
        campaign = EventsFixture.newCampaign(campaigns);
    }

    private String submitted(String title, String email) {
        Browser.Page sent = EventsFixture.submit(visitor(), campaign, EventsFixture.brussels(title, email));
        assertThat(sent.status()).isEqualTo(302);
        return title;
    }

    private Browser.Page ask(Browser browser, String email) {
        return ask(browser, email, "en");
    }

    private Browser.Page ask(Browser browser, String email, String language) {
        return browser.submit(browser.get("/" + language + "/events/mine"), "form.my-events-form", Map.of("email", email));
    }

    /** A browser of its own IP address (each may ask a few times an hour). */
    private Browser visitor() {
        return anotherBrowser().from(uniqueIp());
    }

    private long mails(String email) {
        return db.sql("SELECT COUNT(*) FROM mail_outbox WHERE LOWER(recipient) = LOWER(:email)").param("email", email)
                .query(Long.class).single();
    }

    @Test
    void anOrganizerGetsOneMailWithNewLinksToAllTheirEventsAndTheOldLinksStopWorking() throws Exception {
        String email = uniqueEmail("organizer");
        String first = submitted(EventsFixture.title("First"), email);
        String second = submitted(EventsFixture.title("Second"), email);
        String other = submitted(EventsFixture.title("Someone else's"), uniqueEmail("other"));
        List<MimeMessage> confirmations = TestMailServer.await(email, 2, Duration.ofSeconds(10));
        String oldLink = TestMailServer.link(confirmations.getFirst(), "http://hub.test/en/events/manage/").substring("http://hub.test".length());
        assertThat(anotherBrowser().get(oldLink).status()).isEqualTo(200);

        Browser person = visitor();
        Browser.Page answer = ask(person, email.toUpperCase(java.util.Locale.ROOT));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/en/events/mine/sent");
        assertThat(person.follow(answer).text("h1")).isEqualTo("Check your email");

        MimeMessage mail = TestMailServer.await(email, 3, Duration.ofSeconds(10)).get(2);
        assertThat(mail.getSubject()).isEqualTo("The management links of your events");
        String text = EventsFixture.text(mail);
        assertThat(text).contains(first, second, "25 February 2027, 13:00 (Europe/Brussels)").doesNotContain(other);
        List<String> links = java.util.regex.Pattern.compile("http://hub\\.test(/en/events/manage/\\S+)").matcher(text).results()
                .map(m -> m.group(1)).toList();
        assertThat(links).hasSize(2);
        for (String link : links) {
            assertThat(anotherBrowser().get(link).status()).isEqualTo(200);
        }
        assertThat(anotherBrowser().get(oldLink).status()).isEqualTo(404);
        assertThat(mails(email)).isEqualTo(3);
    }

    @Test
    void anAddressWithoutEventsGetsTheSameAnswerAndNoMail() {
        String email = uniqueEmail("nobody");
        Browser person = visitor();
        Browser.Page answer = ask(person, email);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/en/events/mine/sent");
        assertThat(person.follow(answer).body()).contains("If events were submitted with this address");
        assertThat(mails(email)).isZero();
    }

    @Test
    void aMissingOrInvalidAddressComesBackWithAMessageAtTheField() {
        Map<String, String> cases = Map.of(
                "", "Please fill in this field.",
                "not an address", "Please enter a valid email address.",
                "a\u202E@example.org", "Please remove the invisible characters that change the direction of the text.");
        cases.forEach((email, message) -> {
            Browser.Page page = ask(visitor(), email);
            assertThat(page.status()).as(email).isEqualTo(400);
            assertThat(page.text("#email-error")).as(email).isEqualTo(message);
            assertThat(page.doc().selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        });
        Browser.Page ukrainian = ask(visitor(), "x", "uk");
        assertThat(ukrainian.status()).isEqualTo(400);
        assertThat(ukrainian.text("h1")).isEqualTo("Мої події");
        assertThat(ukrainian.text("#email-error")).isEqualTo("Будь ласка, введіть правильну адресу електронної пошти.");
    }

    @Test
    void aBotThatFillsTheHoneypotGetsTheSameAnswerAndNothingIsMailed() {
        String email = uniqueEmail("bot");
        submitted(EventsFixture.title("Bot target"), email);
        Browser bot = visitor();
        Browser.Page answer = bot.submit(bot.get("/en/events/mine"), "form.my-events-form", Map.of("email", email, "homepage", "http://spam"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/en/events/mine/sent");
        assertThat(mails(email)).isEqualTo(1); // the confirmation only
    }

    @Test
    void oneAddressGetsAFewMailsADayAndOneIpAddressAFewRequestsAnHour() throws Exception {
        String email = uniqueEmail("flooded");
        submitted(EventsFixture.title("Flooded"), email);
        for (int i = 0; i < properties.myEventsMailsPerDay() + 1; i++) {
            assertThat(ask(visitor(), email).status()).isEqualTo(302);
        }
        assertThat(mails(email)).isEqualTo(1 + properties.myEventsMailsPerDay());

        Browser asker = visitor();
        for (int i = 0; i < properties.myEventsPerHour(); i++) {
            assertThat(ask(asker, uniqueEmail("many")).status()).isEqualTo(302);
        }
        Browser.Page refused = ask(asker, uniqueEmail("many"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("You have asked for your events’ links many times in a short time.");
    }
}
