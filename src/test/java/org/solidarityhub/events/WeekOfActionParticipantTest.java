package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.DateTimes;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.PosterFiles;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 16, done when: a visitor with JavaScript off (plain HTTP form posts) finds events within 50 km of Kraków, says
 * they are going to one with an email, gets the reminder the day before in Ukrainian with the right local time, and
 * receives the hidden address at the set time; the organizer writes to the participants without seeing an address
 * and prints the poster.
 */
class WeekOfActionParticipantTest extends WebTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired ApplicationContext context;
    @Autowired ParticipantReminders reminders;

    /** Moves the application's clock forward to the given instant. */
    private void advanceTo(java.time.Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    @Test
    void aVisitorWithoutJavaScriptFindsAnActionNearKrakowSignsUpInUkrainianAndGetsTheReminderAndTheHiddenPlaceInTime()
            throws Exception {
        String campaign = ParticipantsFixture.campaignSlug(context);
        // starts in a day and a half, Warsaw time; the exact place goes to participants 3 hours before
        ParticipantsFixture.SignUpEvent action = ParticipantsFixture.event(context, campaign,
                EventsFixture.title("Вахта солідарності"), Duration.ofHours(36), "Kraków", "ON_REQUEST", 3);
        ParticipantsFixture.SignUpEvent far = ParticipantsFixture.event(context, campaign,
                EventsFixture.title("Marsz w Warszawie"), Duration.ofHours(36), "Warsaw", "PUBLIC", 2);

        // the visitor: no scripts, their own address; the list's filter form as a plain GET
        Browser visitor = anotherBrowser().from(uniqueIp());
        Browser.Page list = visitor.get("/uk/events?campaign=" + campaign);
        Browser.Page near = visitor.submit(list, "form.filters", Map.of("near", "Kraków", "radius", "50"));
        assertThat(near.status()).isEqualTo(200);
        List<String> found = near.doc().select(".event-list .card-title a").eachText();
        assertThat(found).contains(action.title()).doesNotContain(far.title());

        Browser.Page page = visitor.open(near.doc().select(".event-list .card-title a:contains(" + action.title() + ")").attr("href"));
        assertThat(page.body()).doesNotContain("Street 1").doesNotContain("Venue of");
        String email = uniqueEmail("marta");
        Browser.Page sent = visitor.submit(page, "form.sign-up-form", Map.of("name", "Марта", "email", email));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(visitor.follow(sent).text("h1")).isEqualTo("Перевірте пошту");

        MimeMessage confirmation = TestMailServer.await(email, 1, WAIT).getFirst();
        assertThat(TestMailServer.subject(confirmation)).startsWith("Підтвердьте");
        Browser.Page confirm = visitor.open(ParticipantsFixture.path(confirmation, "/uk/events/going/confirm/"));
        assertThat(visitor.submit(confirm, "form.confirm-form", Map.of()).text("h1")).isEqualTo("Ви йдете");
        assertThat(visitor.open("/uk/events/" + action.id()).text("#going .going-count")).isEqualTo("Піде 1 людина.");

        // not yet a day before: nothing
        reminders.sendDue();
        Thread.sleep(1000);
        assertThat(TestMailServer.to(email)).hasSize(1);

        // the day before: the reminder, in Ukrainian, at Warsaw's local time, the city only
        advanceTo(action.start().toInstant().minus(Duration.ofHours(24)).plusSeconds(60));
        reminders.sendDue();
        MimeMessage reminder = TestMailServer.await(email, 2, WAIT).getLast();
        assertThat(TestMailServer.subject(reminder)).isEqualTo("Нагадування: " + action.title());
        String when = DateTimes.of(Locale.forLanguageTag("uk")).dateTime(action.start());
        assertThat(TestMailServer.body(reminder)).contains("починається " + when + " (часовий пояс Europe/Warsaw)")
                .contains(action.start().format(DateTimeFormatter.ofPattern("HH:mm")))
                .contains("Місце: Kraków, Польща").doesNotContain("Street 1");

        // the organizer writes from the management page and sees no address
        Browser organizer = anotherBrowser();
        Browser.Page manage = organizer.open("/en/events/manage/" + action.token());
        assertThat(manage.body()).doesNotContain(email).doesNotContain("Марта");
        Browser.Page written = organizer.submit(manage, "form.write-form", Map.of("subject", "Bring candles",
                "text", "Please bring a candle and warm clothes."));
        assertThat(written.text(".written")).isEqualTo("Your message went to 1 participant.");
        assertThat(written.body()).doesNotContain(email).doesNotContain("Марта");
        MimeMessage message = TestMailServer.await(email, 3, WAIT).getLast();
        assertThat(TestMailServer.body(message)).contains("Повідомлення від організаторів").contains("Please bring a candle and warm clothes.");

        // the hidden place: not 3 hours and a minute before, but at 3 hours before
        advanceTo(action.start().toInstant().minus(Duration.ofHours(3)).minusSeconds(60));
        reminders.sendDue();
        Thread.sleep(1000);
        assertThat(TestMailServer.to(email)).hasSize(3);
        advanceTo(action.start().toInstant().minus(Duration.ofHours(3)));
        reminders.sendDue();
        MimeMessage place = TestMailServer.await(email, 4, WAIT).getLast();
        assertThat(TestMailServer.subject(place)).isEqualTo("Місце події «" + action.title() + "»");
        assertThat(TestMailServer.body(place)).contains("Venue of " + action.title()).contains("Street 1")
                .contains("(часовий пояс Europe/Warsaw)");

        // and the organizer prints the poster
        HttpResponse<byte[]> pdf = organizer.bytes("/en/events/" + action.id() + "/poster.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(PosterFiles.read(pdf.body()).text().replaceAll("\\s+", " ")).contains(action.title()).doesNotContain("Street 1");
    }
}
