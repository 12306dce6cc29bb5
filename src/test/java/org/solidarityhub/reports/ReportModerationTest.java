package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A moderator decides item by item (every action audited); the public event page, the gallery, the Atom feed, the API
 * and the press ZIP show only approved items of published reports.
 */
class ReportModerationTest extends WebTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Media media;

    @Autowired
    StaffFixture staff;

    EventsFixture.ApprovedEvent event;
    long reportId;
    List<MediaItem> items;
    Browser moderator;

    @BeforeEach
    void aReportWithTwoPhotosWaits() {
        event = EventsFixture.approvedEvent(context, "CONCERT", "Brussels", "BE");
        browser.from(uniqueIp());
        Browser.Page sent = ReportsTestSupport.sendThroughManagementLink(browser, event, Map.of(
                        "text", "A concert for Ukraine.", "attendance", "300", "links", "https://video.example.org/watch?v=1"),
                List.of(ReportsTestSupport.photo("one.jpg", Color.BLUE), ReportsTestSupport.photo("two.jpg", Color.RED)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        reportId = ReportsTestSupport.latestOfEvent(db, event.id());
        items = ReportsTestSupport.processed(media, db, reportId);
        moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
    }

    private List<Long> itemIds() {
        return db.sql("SELECT id FROM report_media WHERE report_id = :id ORDER BY position").param("id", reportId)
                .query(Long.class).list();
    }

    private Browser.Page act(String form) {
        Browser.Page review = moderator.get("/staff/reports/" + reportId);
        Browser.Page done = moderator.submit(review, form);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        return moderator.follow(done);
    }

    @Test
    void aModeratorApprovesOnePhotoHidesTheOtherAndPublishesAndOnlyTheApprovedOneIsPublic() throws Exception {
        assertThat(moderator.get("/staff/queue").body()).contains("/staff/reports/" + reportId);
        Browser.Page review = moderator.get("/staff/reports/" + reportId);
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.doc().select(".review-item img")).hasSize(2);
        List<Long> ids = itemIds();

        act("#item-" + ids.get(0) + " form[action$=/approve]");
        act("#item-" + ids.get(1) + " form[action$=/hide]");
        // nothing public before the report is published
        assertThat(browser.get("/en/events/" + event.id()).body()).doesNotContain("A concert for Ukraine.");
        Browser.Page published = act("form[action$=/publish]");
        assertThat(published.text(".notice")).isEqualTo("The report is published.");

        assertThat(db.sql("SELECT action FROM audit_event WHERE target_type = 'report' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(reportId)).query(String.class).list())
                .contains("reports.sent", "reports.item-approved", "reports.item-hidden", "reports.published");

        MediaItem approved = media.find(items.get(0).id()).orElseThrow();
        MediaItem hidden = media.find(items.get(1).id()).orElseThrow();
        String approvedThumb = approved.url(org.solidarityhub.media.Variant.THUMBNAIL).orElseThrow();

        Browser.Page eventPage = browser.get("/en/events/" + event.id());
        assertThat(eventPage.text(".event-reports .report-text")).isEqualTo("A concert for Ukraine.");
        assertThat(eventPage.doc().select(".event-reports img")).hasSize(1);
        assertThat(eventPage.doc().select(".event-reports img").attr("src")).isEqualTo(approvedThumb);
        assertThat(eventPage.doc().select(".event-reports img").attr("loading")).isEqualTo("lazy");
        assertThat(eventPage.doc().select(".report-links a").attr("rel")).contains("nofollow", "ugc", "noopener");
        assertThat(eventPage.text(".report-links .host")).isEqualTo("(video.example.org)");
        assertThat(eventPage.doc().select("a.to-gallery").attr("href")).isEqualTo("/en/reports?campaign=" + event.campaignSlug());
        assertThat(eventPage.body()).doesNotContain(hidden.url(org.solidarityhub.media.Variant.THUMBNAIL).orElse("none"));

        Browser.Page gallery = browser.get("/en/reports?campaign=" + event.campaignSlug());
        assertThat(gallery.doc().select(".gallery-grid img")).hasSize(1);
        assertThat(gallery.doc().select(".gallery-grid img").attr("src")).isEqualTo(approvedThumb);

        // the published photo is served without a single metadata tag beyond the image's own structure
        HttpResponse<byte[]> photo = browser.bytes(approved.url(org.solidarityhub.media.Variant.WEB).orElseThrow());
        assertThat(photo.statusCode()).isEqualTo(200);
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo.body()));
        for (Directory directory : metadata.getDirectories()) {
            assertThat(directory.getName()).isNotIn("Exif IFD0", "Exif SubIFD", "GPS", "XMP", "IPTC", "ICC Profile", "JpegComment");
        }
    }

    @Test
    void theFeedTheApiAndThePressZipCarryOnlyApprovedItemsOfPublishedReports() throws Exception {
        List<Long> ids = itemIds();
        act("#item-" + ids.get(0) + " form[action$=/approve]");
        // not published yet: nothing in the API
        assertThat(browser.get("/api/v1/campaigns/" + event.campaignSlug() + "/reports", "Accept", "application/json").body())
                .contains("\"total\":0");
        act("form[action$=/publish]");

        Browser.Page api = browser.get("/api/v1/campaigns/" + event.campaignSlug() + "/reports", "Accept", "application/json");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"total\":1", "A concert for Ukraine.", "\"host\":\"video.example.org\"",
                "\"attendance\":300", "\"kind\":\"IMAGE\"");
        assertThat(api.body().split("\"kind\"", -1)).hasSize(2);
        Browser.Page badPage = browser.get("/api/v1/campaigns/" + event.campaignSlug() + "/reports?page=0", "Accept", "application/json");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(browser.get("/api/v1/campaigns/no-such-campaign/reports").status()).isEqualTo(404);

        Browser.Page atom = browser.get("/api/v1/campaigns/" + event.campaignSlug() + "/reports.atom");
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        assertThat(atom.body()).contains("<entry>", "A concert for Ukraine.");

        // the staff page links the current campaign's download
        assertThat(moderator.get("/staff/reports").doc().select("a.press-download").attr("href")).endsWith("/media.zip");
        HttpResponse<byte[]> zip = moderator.bytes("/staff/reports/campaigns/" + event.campaignSlug() + "/media.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                byte[] content = in.readAllBytes();
                assertThat(content).isNotEmpty();
            }
        }
        assertThat(names).containsExactly("report-" + reportId + "-item-" + ids.get(0) + ".jpg");
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'reports.press-download' AND target_id = :c")
                .param("c", String.valueOf(event.campaignId())).query(Long.class).single()).isEqualTo(1);
        // not for the public
        assertThat(browser.get("/staff/reports/campaigns/" + event.campaignSlug() + "/media.zip").status()).isIn(302, 401, 403);
    }

    @Test
    void retentionErasesTheSendersIpAddressAfterItsPeriod() {
        assertThat(db.sql("SELECT sender_ip FROM report WHERE id = :id").param("id", reportId).query(String.class).single()).isNotNull();
        ReportsTestSupport.runRule(context, "reports.sender-ips", applicationClock.instant().plus(java.time.Duration.ofDays(31)));
        assertThat(db.sql("SELECT sender_ip FROM report WHERE id = :id").param("id", reportId).query(String.class).optional()).isEmpty();
    }
}
