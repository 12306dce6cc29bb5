package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.DateTimes;
import org.solidarityhub.submissions.Retention;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The mails to the participants of a sign-up event: leaving (the link and the one-click POST), the organizers'
 * message in each participant's language without an address reaching the organizers, the reminder the day before in
 * the event's time zone, the hidden place at the hour the organizers chose, and the erasure after the event.
 */
class EventsParticipantMailsTest extends WebTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired ApplicationContext context;
    @Autowired ParticipantReminders reminders;
    @Autowired Retention retention;

    Browser reader;

    @BeforeEach
    void setUp() {
        reader = anotherBrowser().from(uniqueIp());
    }

    /** Signs up and confirms in a language; returns the address. */
    private String participant(long eventId, String who, String language) {
        String email = uniqueEmail("participant");
        assertThat(ParticipantsFixture.signUp(reader, language, eventId, who, email).status()).isEqualTo(302);
        assertThat(ParticipantsFixture.confirm(reader, email, language).status()).isEqualTo(200);
        return email;
    }

    private int count(long eventId) {
        return db.sql("SELECT going_count FROM event WHERE id = :id").param("id", eventId).query(Integer.class).single();
    }

    private long rows(long eventId) {
        return db.sql("SELECT COUNT(*) FROM event_participant WHERE event_id = :id").param("id", eventId).query(Long.class).single();
    }

    private long links(long participant) {
        return db.sql("SELECT COUNT(*) FROM emailed_link WHERE subject_type = 'event-participant' AND subject_id = :id")
                .param("id", participant).query(Long.class).single();
    }

    /** No more mail than {@code count} reaches the address (given the outbox a moment to send any). */
    private static void stillOnly(String email, int count) throws InterruptedException {
        Thread.sleep(1500);
        assertThat(TestMailServer.to(email)).hasSize(count);
    }

    @Test
    void aParticipantLeavesThroughTheLinkOfAMailAndAnotherThroughTheOneClickPostOfTheirMailProgram() {
        ParticipantsFixture.SignUpEvent event = ParticipantsFixture.event(context, EventsFixture.title("Leaving"), Duration.ofDays(2), "PUBLIC", 2);
        String first = participant(event.id(), "first", "en");
        String second = participant(event.id(), "second", "uk");
        assertThat(count(event.id())).isEqualTo(2);

        MimeMessage firstMail = TestMailServer.await(first, 1, WAIT).getFirst();
        Browser.Page page = reader.open(ParticipantsFixture.path(firstMail, "/en/events/going/unsubscribe/"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("h1")).isEqualTo("Leave the participants of this event");
        assertThat(page.header("cache-control")).hasValue("private, no-store");
        assertThat(count(event.id())).as("a GET changes nothing").isEqualTo(2);
        Browser.Page left = reader.submit(page, "form.leave-form", Map.of());
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.text("h1")).isEqualTo("You have left");
        assertThat(count(event.id())).isEqualTo(1);
        assertThat(rows(event.id())).isEqualTo(1);

        MimeMessage secondMail = TestMailServer.await(second, 1, WAIT).getFirst();
        assertThat(TestMailServer.header(secondMail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String header = TestMailServer.header(secondMail, "List-Unsubscribe");
        String url = header.substring(1, header.length() - 1);
        assertThat(TestMailServer.body(secondMail)).contains(url);
        Browser mailProgram = anotherBrowser().header("Sec-Fetch-Site", "cross-site").header("Origin", "null");
        Browser.Page done = mailProgram.postRaw(url.substring(ParticipantsFixture.BASE.length()), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("h1")).isEqualTo("Ви вийшли зі списку");
        assertThat(count(event.id())).isZero();
        assertThat(rows(event.id())).isZero();
        assertThat(reader.open("/en/events/" + event.id()).text("#going .going-count")).isEqualTo("Nobody has said they are going yet.");
        assertThat(mailProgram.postRaw(url.substring(ParticipantsFixture.BASE.length()), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII)).status()).as("the link is gone with them").isEqualTo(404);
        // a cross-site POST to any other path of the sign-up is still refused
        assertThat(mailProgram.post("/en/events/" + event.id() + "/going/sign-up", Map.of("name", "X", "email", uniqueEmail("x")))
                .status()).isEqualTo(403);
    }

    @Test
    void theOrganizersWriteToTheConfirmedParticipantsInTheirLanguagesAndSeeOnlyHowManyItWentTo() throws Exception {
        ParticipantsFixture.SignUpEvent event = ParticipantsFixture.event(context, EventsFixture.title("Written"), Duration.ofDays(2), "PUBLIC", 2);
        String ukrainian = participant(event.id(), "Тарас", "uk");
        String english = participant(event.id(), "Jane", "en");
        String unconfirmed = uniqueEmail("waiting");
        ParticipantsFixture.signUp(reader, "de", event.id(), "Waiting", unconfirmed);
        TestMailServer.await(unconfirmed, 1, WAIT);

        Browser organizer = anotherBrowser();
        Browser.Page manage = organizer.open("/en/events/manage/" + event.token());
        assertThat(manage.text(".manage-going .going-count")).isEqualTo("2 people are going.");
        assertThat(manage.body()).doesNotContain(ukrainian).doesNotContain(english).doesNotContain(unconfirmed)
                .doesNotContain("Тарас").doesNotContain("Jane");
        Browser.Page written = organizer.submit(manage, "form.write-form", Map.of("subject", "Meeting point moved",
                "text", "We meet at the north gate.\nBring a flag."));
        assertThat(written.status()).isEqualTo(200);
        assertThat(written.text(".written")).isEqualTo("Your message went to 2 participants.");
        assertThat(written.body()).doesNotContain(ukrainian).doesNotContain(english).doesNotContain("Тарас");

        MimeMessage uk = TestMailServer.await(ukrainian, 2, WAIT).getLast();
        assertThat(TestMailServer.subject(uk)).isEqualTo("Meeting point moved · " + event.title());
        assertThat(TestMailServer.body(uk)).contains("Повідомлення від організаторів «" + event.title() + "»")
                .contains("We meet at the north gate.\nBring a flag.")
                .contains("Щоб вийти зі списку").contains(ParticipantsFixture.BASE + "/uk/events/going/unsubscribe/");
        assertThat(TestMailServer.header(uk, "List-Unsubscribe")).startsWith("<" + ParticipantsFixture.BASE + "/uk/events/going/unsubscribe/");
        MimeMessage en = TestMailServer.await(english, 2, WAIT).getLast();
        assertThat(TestMailServer.body(en)).contains("A message from the organizers of “" + event.title() + "”")
                .contains("We meet at the north gate.").contains("To leave");
        stillOnly(unconfirmed, 1);
        assertThat(db.sql("SELECT detail FROM audit_event WHERE action = 'events.participants-written' AND target_id = :id")
                .param("id", String.valueOf(event.id())).query(String.class).single()).isEqualTo("recipients=2");
    }

    @Test
    void anEmptyTooLongOrMarkedUpMessageIsRefusedAtItsFieldAndTheFourthMessageOfADayWith429() {
        ParticipantsFixture.SignUpEvent event = ParticipantsFixture.event(context, EventsFixture.title("Limits"), Duration.ofDays(2), "PUBLIC", 2);
        String path = "/en/events/manage/" + event.token() + "/participants/message";
        Browser organizer = anotherBrowser();
        Browser.Page empty = organizer.post(path, Map.of("subject", "", "text", "Hello"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("#write-subject-error")).isEqualTo("Please fill in this field.");
        assertThat(empty.doc().select("#write-text").text()).isEqualTo("Hello");
        Browser.Page tooLong = organizer.post(path, Map.of("subject", "Hi", "text", "x".repeat(5001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("#write-text-error")).isEqualTo("This is too long: at most 5,000 characters.");
        assertThat(organizer.post(path, Map.of("subject", "x".repeat(151), "text", "Hi")).status()).isEqualTo(400);
        Browser.Page html = organizer.post(path, Map.of("subject", "Hi", "text", "<script>alert(1)</script>"));
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.doc().select("#write-text-error")).isNotEmpty();

        for (int i = 0; i < 3; i++) {
            assertThat(organizer.post(path, Map.of("subject", "News " + i, "text", "Hello")).status()).isEqualTo(200);
        }
        Browser.Page fourth = organizer.post(path, Map.of("subject", "News 4", "text", "Hello"));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.body()).contains("You have written to the participants as often as allowed today.");

        assertThat(organizer.post("/en/events/manage/not-a-token/participants/message", Map.of("subject", "a", "text", "b"))
                .status()).isEqualTo(404);
        EventsFixture.ApprovedEvent counted = EventsFixture.approvedEvent(context, "DEMONSTRATION", "Brussels", "BE");
        assertThat(organizer.post("/en/events/manage/" + counted.token() + "/participants/message", Map.of("subject", "a", "text", "b"))
                .status()).as("no sign-up, nobody to write to").isEqualTo(404);
    }

    @Test
    void aUkrainianParticipantGetsOneReminderTheDayBeforeInUkrainianWithTheLocalTimeOfWarsaw() throws Exception {
        ParticipantsFixture.SignUpEvent event = ParticipantsFixture.event(context, EventsFixture.title("Reminded"),
                Duration.ofHours(24).plusMinutes(30), "PUBLIC", 2);
        String email = participant(event.id(), "Оксана", "uk");
        TestMailServer.await(email, 1, WAIT);
        reminders.sendDue();
        stillOnly(email, 1);

        clock.advance(Duration.ofMinutes(31));
        reminders.sendDue();
        MimeMessage reminder = TestMailServer.await(email, 2, WAIT).getLast();
        assertThat(TestMailServer.subject(reminder)).isEqualTo("Нагадування: " + event.title());
        String body = TestMailServer.body(reminder);
        assertThat(body).startsWith("Вітаємо, Оксана!")
                .contains("«" + event.title() + "» починається " + DateTimes.of(Locale.forLanguageTag("uk")).dateTime(event.start())
                        + " (часовий пояс Europe/Warsaw)")
                .contains(event.start().format(DateTimeFormatter.ofPattern("HH:mm")))
                .contains("Місце: Venue of " + event.title() + ", Street 1, Kraków, Польща")
                .contains(ParticipantsFixture.BASE + "/uk/events/" + event.id())
                .contains(ParticipantsFixture.BASE + "/uk/events/going/unsubscribe/");
        assertThat(TestMailServer.header(reminder, "List-Unsubscribe")).isNotNull();

        reminders.sendDue();
        clock.advance(Duration.ofMinutes(10));
        reminders.sendDue();
        stillOnly(email, 2);
    }

    @Test
    void theHiddenPlaceGoesAtTheHourTheOrganizersChoseNotBeforeAndAtOnceToWhoConfirmsLater() throws Exception {
        ParticipantsFixture.SignUpEvent event = ParticipantsFixture.event(context, EventsFixture.title("Hidden"),
                Duration.ofHours(3), "ON_REQUEST", 2);
        String email = participant(event.id(), "Early", "en");
        TestMailServer.await(email, 1, WAIT);
        reminders.sendDue();
        MimeMessage reminder = TestMailServer.await(email, 2, WAIT).getLast();
        assertThat(TestMailServer.body(reminder)).contains("Place: Kraków, Poland").doesNotContain("Street 1").doesNotContain("Venue of");

        clock.advance(Duration.ofMinutes(50));
        reminders.sendDue();
        stillOnly(email, 2);

        clock.advance(Duration.ofMinutes(11));
        reminders.sendDue();
        MimeMessage place = TestMailServer.await(email, 3, WAIT).getLast();
        assertThat(TestMailServer.subject(place)).isEqualTo("The place of “" + event.title() + "”");
        assertThat(TestMailServer.body(place)).contains("Venue of " + event.title() + "\nStreet 1\nKraków, Poland")
                .contains("(time zone Europe/Warsaw)").contains("To leave");
        reminders.sendDue();
        stillOnly(email, 3);

        String late = participant(event.id(), "Late", "pl");
        reminders.sendDue();
        List<MimeMessage> lateMails = TestMailServer.await(late, 3, WAIT);
        assertThat(lateMails.stream().map(TestMailServer::subject)).contains("Przypomnienie: " + event.title(),
                "Miejsce wydarzenia „" + event.title() + "”");
        assertThat(reader.open("/en/events/" + event.id()).body()).doesNotContain("Street 1");
    }

    @Test
    void theNamesAndAddressesOfParticipantsAreErasedSevenDaysAfterTheEventAndTheCountStays() {
        ParticipantsFixture.SignUpEvent event = ParticipantsFixture.event(context, EventsFixture.title("Erased"),
                Duration.ofHours(3), "PUBLIC", 2);
        String email = participant(event.id(), "Erased", "en");
        java.time.Instant end = event.start().plusHours(2).toInstant();
        long participant = db.sql("SELECT id FROM event_participant WHERE event_id = :id").param("id", event.id()).query(Long.class).single();
        assertThat(links(participant)).isPositive();

        retention.runAt(end.plus(Duration.ofDays(6)));
        assertThat(rows(event.id())).isEqualTo(1);

        retention.runAt(end.plus(Duration.ofDays(7)).plusSeconds(60));
        assertThat(rows(event.id())).isZero();
        assertThat(links(participant)).as("their links go with them").isZero();
        assertThat(count(event.id())).isEqualTo(1);
        assertThat(reader.open("/en/events/" + event.id()).text("#going .going-count")).isEqualTo("1 person is going.");
        assertThat(db.sql("SELECT COUNT(*) FROM event_participant WHERE email = :e").param("e", email).query(Long.class).single()).isZero();
    }
}
