package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every class of bad input to the report forms gets a clear message in the reader's language, and nothing is stored. */
class ReportBadInputTest extends WebTest {

    @Autowired
    ApplicationContext context;

    EventsFixture.ApprovedEvent event;

    @BeforeEach
    void event() {
        event = EventsFixture.approvedEvent(context, "RALLY_OR_VIGIL", "Brussels", "BE");
        browser.from(uniqueIp());
    }

    private Browser.Page send(Map<String, ?> fields, List<Browser.FilePart> files) {
        return ReportsTestSupport.sendThroughManagementLink(browser, event, fields, files);
    }

    private long reports() {
        return db.sql("SELECT COUNT(*) FROM report WHERE event_id = :id").param("id", event.id()).query(Long.class).single();
    }

    private long mediaRows() {
        return db.sql("SELECT COUNT(*) FROM media_item").query(Long.class).single();
    }

    @Test
    void aLinkThatIsNotHttpOrHttpsIsRefusedWithItsLineNumber() {
        Browser.Page page = send(Map.of("text", "We met.", "links", "https://ok.example.org/\nftp://files.example.org/x"), List.of());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#r-links-error")).isEqualTo("Line 2 is not a web address starting with http:// or https://.");
        assertThat(page.doc().selectFirst("#r-links").attr("aria-invalid")).isEqualTo("true");
        assertThat(reports()).isZero();
    }

    @Test
    void aJavascriptLinkIsRefused() {
        Browser.Page page = send(Map.of("text", "We met.", "links", "javascript:alert(1)"), List.of());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#r-links-error")).startsWith("Line 1 is not a web address");
        assertThat(page.body()).doesNotContain("href=\"javascript:");
        assertThat(reports()).isZero();
    }

    @Test
    void tooManyLinksAreRefused() {
        String links = String.join("\n", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "https://example.org/" + i).toList());
        Browser.Page page = send(Map.of("text", "We met.", "links", links), List.of());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#r-links-error")).isEqualTo("Please send at most 10 links.");
    }

    @Test
    void aMissingTextAndAnAttendanceOutOfRangeAreEachNamedAndTheFilesAreAskedForAgain() {
        Browser.Page page = send(Map.of("text", "  ", "attendance", "-5"), List.of(ReportsTestSupport.photo("a.jpg", Color.BLUE)));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#r-text-error")).isEqualTo("Please fill in this field.");
        assertThat(page.text("#r-attendance-error")).isEqualTo("Please give a whole number from 0 to 10,000,000, or leave the field empty.");
        assertThat(page.text("#r-files-error")).startsWith("Please choose your files again");
        assertThat(page.doc().selectFirst("#r-attendance").attr("value")).isEqualTo("-5");
        assertThat(reports()).isZero();

        Browser.Page huge = send(Map.of("text", "We met.", "attendance", "99999999999"), List.of());
        assertThat(huge.text("#r-attendance-error")).startsWith("Please give a whole number");
    }

    @Test
    void tooManyFilesAreRefusedAndNothingIsStored() {
        long before = mediaRows();
        List<Browser.FilePart> files = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            files.add(new Browser.FilePart("files", i + ".jpg", "image/jpeg", ReportsTestSupport.jpeg(16, 16, Color.BLUE)));
        }
        Browser.Page page = send(Map.of("text", "Many photos."), files);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#r-files-error")).isEqualTo("Please send at most 10 photos and videos in one report.");
        assertThat(reports()).isZero();
        assertThat(mediaRows()).isEqualTo(before);
    }

    @Test
    void anSvgWithScriptIsRefusedWithItsMessageAndNothingOfTheReportIsKept() {
        long before = mediaRows();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        Browser.Page page = send(Map.of("text", "A drawing."), List.of(ReportsTestSupport.photo("ok.jpg", Color.RED),
                new Browser.FilePart("files", "photo.jpg", "image/jpeg", svg)));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#r-files-error")).startsWith("This kind of file is not accepted.");
        assertThat(reports()).isZero();
        // the photo accepted before the refused file is discarded too
        assertThat(mediaRows()).isEqualTo(before);
    }

    @Test
    void aFileOverTheSizeCapIsRefusedWithItsMessage() {
        byte[] big = new byte[21 * 1024 * 1024];
        byte[] head = ReportsTestSupport.jpeg(64, 64, Color.BLUE);
        System.arraycopy(head, 0, big, 0, head.length);
        Arrays.fill(big, head.length, big.length, (byte) 7);
        Browser.Page page = send(Map.of("text", "A big one."), List.of(new Browser.FilePart("files", "big.jpg", "image/jpeg", big)));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#r-files-error")).startsWith("The file is too large");
        assertThat(reports()).isZero();
    }

    @Test
    void aBodyOverTheRequestLimitGetsAClear413PageNotA500() {
        // a body declared far over the limit (2 GB): refused before it is read, with the site's page
        String answer = ReportsTestSupport.rawPost(port, "/en/events/manage/" + event.token() + "/report",
                "multipart/form-data; boundary=x", 2_000_000_000L,
                "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("<html").doesNotContain("Exception");
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessAndStoresNothing() {
        Browser.Page page = send(Map.of("text", "Buy cheap watches", "homepage", "http://spam.example"), List.of());
        assertThat(page.status()).isEqualTo(302);
        assertThat(reports()).isZero();
    }

    @Test
    void theCampaignPageAsksForAValidEmailAndAKnownCountry() {
        Browser.Page form = browser.get("/en/reports/new?campaign=" + event.campaignSlug());
        Browser.Page page = browser.submitMultipart(form, "form.report-form", Map.of("text", "Mural.", "email", "not-an-address",
                "country", "XX"), List.of());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#r-email-error")).isEqualTo("Please give a valid email address.");
        assertThat(page.text("#r-country-error")).isEqualTo("Please choose a country from the list.");
    }

    @Test
    void theFormIsInUkrainianUnderTheUkrainianAddress() {
        Browser.Page page = ReportsTestSupport.sendThroughManagementLink(browser, "uk", event, Map.of("text", ""), List.of());
        assertThat(page.text("#r-text-error")).isEqualTo("Будь ласка, заповніть це поле.");
    }
}
