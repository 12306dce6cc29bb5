package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaState;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Sending reports without an account: through an event's management link, and from a campaign page with email confirmation. */
class ReportSendingTest extends WebTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Media media;

    EventsFixture.ApprovedEvent event;

    @BeforeEach
    void event() {
        event = EventsFixture.approvedEvent(context, "DEMONSTRATION", "Brussels", "BE");
        browser.from(uniqueIp());
    }

    @Test
    void anOrganizerSendsTwoPhotosAndALinkThroughTheManagementLinkWithoutConfirmation() {
        Browser.Page sent = ReportsTestSupport.sendThroughManagementLink(browser, event, Map.of(
                        "text", "About a hundred of us marched to the embassy.", "attendance", "120",
                        "links", "https://news.example.org/report/1\n\n"),
                List.of(ReportsTestSupport.photo("IMG_0001.jpg", Color.BLUE), ReportsTestSupport.photo("IMG_0002.jpg", Color.RED)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/events/manage/" + event.token() + "/report?sent");

        Browser.Page page = browser.follow(sent);
        assertThat(page.text(".notice")).startsWith("Received, thank you!");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.doc().select(".sent-report .report-items li")).hasSize(2);
        assertThat(page.doc().select(".sent-report .report-links a").attr("rel")).isEqualTo("nofollow ugc noopener noreferrer");

        long id = ReportsTestSupport.latestOfEvent(db, event.id());
        Map<String, Object> row = db.sql("SELECT * FROM report WHERE id = :id").param("id", id).query().singleRow();
        assertThat(row.get("state")).isEqualTo("PENDING");
        assertThat(row.get("attendance")).isEqualTo(120);
        assertThat(row.get("country")).isEqualTo("BE");
        assertThat(row.get("event_type")).isEqualTo("DEMONSTRATION");
        assertThat(row.get("sender_ip")).isNotNull();
        assertThat(db.sql("SELECT url || ' ' || host FROM report_link WHERE report_id = :id").param("id", id).query(String.class).list())
                .containsExactly("https://news.example.org/report/1 news.example.org");
        List<MediaItem> items = ReportsTestSupport.processed(media, db, id);
        assertThat(items).hasSize(2).allSatisfy(i -> assertThat(i.state()).isEqualTo(MediaState.READY));
        // the page now says each item is ready; no file name of the sender is kept anywhere
        assertThat(browser.get("/en/events/manage/" + event.token() + "/report").doc().select(".item-state").eachText())
                .containsExactly("ready", "ready");
        assertThat(db.sql("SELECT COUNT(*) FROM report_media WHERE report_id = :id").param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aForgedManagementLinkGetsTheOneAnswerForLinksThatDoNotWork() {
        assertThat(browser.get("/en/events/manage/" + "x".repeat(43) + "/report").status()).isEqualTo(404);
    }

    @Test
    void aSenderFromTheCampaignPageConfirmsFromTheEmailOnceAndTheLinkThenStopsWorking() throws Exception {
        String email = uniqueEmail("graffiti");
        Browser.Page form = browser.get("/en/reports/new?campaign=" + event.campaignSlug());
        assertThat(form.status()).isEqualTo(200);
        Browser.Page sent = browser.submitMultipart(form, "form.report-form", Map.of(
                "text", "We painted a mural in solidarity.", "attendance", "", "links", "", "country", "PL", "email", email),
                List.of(ReportsTestSupport.photo("mural.jpg", Color.GREEN)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(sent.location()).contains("/reports/status/").endsWith("?sent");
        Browser.Page status = browser.follow(sent);
        assertThat(status.text(".notice")).startsWith("Received, thank you!");
        assertThat(status.text(".report-state")).isEqualTo("Not confirmed yet");

        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        assertThat(mail.getSubject()).startsWith("Please confirm your report");
        String confirm = TestMailServer.link(mail, "http://hub.test/en/reports/confirm/").substring("http://hub.test".length());
        String statusLink = TestMailServer.link(mail, "http://hub.test/en/reports/status/").substring("http://hub.test".length());
        long id = db.sql("SELECT MAX(id) FROM report WHERE campaign_id = :c").param("c", event.campaignId()).query(Long.class).single();
        assertThat(state(id)).isEqualTo("UNCONFIRMED");
        assertThat(db.sql("SELECT country FROM report WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("PL");

        // opening the link changes nothing (mail scanners open links); the button confirms
        Browser person = anotherBrowser();
        Browser.Page confirmPage = person.get(confirm);
        assertThat(confirmPage.status()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("UNCONFIRMED");
        Browser.Page confirmed = person.submit(confirmPage, "form.confirm-form");
        assertThat(confirmed.location()).endsWith("/reports/confirmed");
        assertThat(state(id)).isEqualTo("PENDING");
        assertThat(person.get(statusLink).text(".report-state")).isEqualTo("Waits for a moderator");

        // the link works once
        assertThat(person.get(confirm).status()).isEqualTo(404);
        assertThat(person.post(confirm, Map.of()).status()).isIn(403, 404);
        // a forged link
        assertThat(person.get("/en/reports/confirm/" + "A".repeat(43)).status()).isEqualTo(404);
    }

    @Test
    void anExpiredConfirmationLinkNoLongerConfirmsAndTheUnconfirmedReportIsErased() {
        String email = uniqueEmail("late");
        Browser.Page form = browser.get("/en/reports/new?campaign=" + event.campaignSlug());
        Browser.Page sent = browser.submitMultipart(form, "form.report-form", Map.of(
                "text", "Banner on the bridge.", "email", email), List.of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        String confirm = TestMailServer.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(),
                "http://hub.test/en/reports/confirm/").substring("http://hub.test".length());
        long id = db.sql("SELECT MAX(id) FROM report WHERE campaign_id = :c").param("c", event.campaignId()).query(Long.class).single();
        clock.advance(Duration.ofDays(8));
        assertThat(anotherBrowser().get(confirm).status()).isEqualTo(404);
        ReportsTestSupport.runRule(context, "reports.unconfirmed", applicationClock.instant());
        assertThat(db.sql("SELECT COUNT(*) FROM report WHERE id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    private String state(long id) {
        return db.sql("SELECT state FROM report WHERE id = :id").param("id", id).query(String.class).single();
    }
}
