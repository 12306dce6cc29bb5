package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.Variant;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.E2eScripts;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "done when" in a real browser with JavaScript off ({@code e2e/reports.mjs}), for whichever media store
 * the app under test uses: a report with two photos (carrying GPS and a camera serial) and a link through the
 * management link; a moderator approves one photo (faces blurred where the detector is installed); it shows in the
 * gallery and on the event page with no metadata. Run by {@link ReportsBrowserTest} (local folder) and
 * {@link ReportsOnS3BrowserTest} (S3).
 */
final class ReportsBrowserScenario {

    private ReportsBrowserScenario() {
    }

    /**
     * Runs the scenario against the app on {@code port} and checks the server's side; returns the published item.
     *
     * @param store          the store's name, for the script's log and the screenshots' folder ({@code local}, {@code s3})
     * @param moderatorEmail a new address for the moderator
     */
    static MediaItem run(ApplicationContext context, JdbcClient db, Browser browser, int port, String store,
                         String moderatorEmail) throws Exception {
        E2eScripts.requireBrowser();
        StaffFixture staff = context.getBean(StaffFixture.class);
        Media media = context.getBean(Media.class);
        EventsFixture.ApprovedEvent event = EventsFixture.approvedEvent(context, "DEMONSTRATION", "Brussels", "BE");
        StaffFixture.Member moderator = staff.member(moderatorEmail, StaffRole.MODERATOR);
        Duration clockOffset = Duration.between(Instant.now(), context.getBean(Clock.class).instant());
        Path screenshots = Files.createDirectories(E2eScripts.screenshots("reports-" + store));
        Path photo1 = photo(screenshots, "IMG_0001.jpg", Color.BLUE, "SERIAL-0001");
        Path photo2 = photo(screenshots, "IMG_0002.jpg", Color.RED, "SERIAL-0002");

        E2eScripts.Run run = E2eScripts.run("reports.mjs", Map.ofEntries(
                Map.entry("BASE_URL", "http://localhost:" + port),
                Map.entry("MANAGE_PATH", "/en/events/manage/" + event.token()),
                Map.entry("EVENT_ID", Long.toString(event.id())),
                Map.entry("CAMPAIGN_SLUG", event.campaignSlug()),
                Map.entry("PHOTO_1", photo1.toString()), Map.entry("PHOTO_2", photo2.toString()),
                Map.entry("STAFF_EMAIL", moderator.email()), Map.entry("STAFF_PASSWORD", moderator.password()),
                Map.entry("TOTP_SECRET", moderator.totpSecret()),
                Map.entry("CLOCK_OFFSET_MS", Long.toString(clockOffset.toMillis())),
                Map.entry("MEDIA_STORE", store),
                Map.entry("SCREENSHOT_DIR", screenshots.toString())));
        assertThat(run.exitCode()).as("exit code of node e2e/reports.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps").contains("(" + store + " store)");

        // the server's side: one approved item, published, whose served file has no EXIF, GPS, XMP or IPTC directory
        long reportId = ReportsTestSupport.latestOfEvent(db, event.id());
        long mediaId = db.sql("SELECT media_id FROM report_media WHERE report_id = :id AND moderation = 'APPROVED'")
                .param("id", reportId).query(Long.class).single();
        MediaItem item = media.find(mediaId).orElseThrow();
        assertThat(item.published()).isTrue();
        byte[] served = browser.bytes(item.url(Variant.WEB).orElseThrow()).body();
        for (Directory directory : ImageMetadataReader.readMetadata(new ByteArrayInputStream(served)).getDirectories()) {
            assertThat(directory.getName()).isNotIn("Exif IFD0", "Exif SubIFD", "GPS", "XMP", "IPTC", "ICC Profile", "JpegComment");
        }
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("SERIAL-0001", "SERIAL-0002");
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE target_type = 'report' AND target_id = :id AND action = 'reports.item-approved'")
                .param("id", String.valueOf(reportId)).query(Long.class).single()).isEqualTo(1);
        return item;
    }

    /** A JPEG with GPS coordinates and a camera serial number, written to a file for the browser to upload. */
    private static Path photo(Path folder, String name, Color color, String serial) throws Exception {
        TiffOutputSet exif = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, serial);
        exif.setGpsInDegrees(30.5234, 50.4501);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(ReportsTestSupport.jpeg(640, 480, color), out, exif);
        Path file = folder.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }
}
