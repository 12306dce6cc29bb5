package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaState;
import org.solidarityhub.test.E2eScripts;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The report form in a real browser with JavaScript on ({@code e2e/reports-resumable.mjs}): two photos sent as
 * resumable uploads in several pieces, one piece cut off and resumed, and the report that names them processed.
 */
class ReportsResumableBrowserTest extends WebTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Media media;

    @Test
    void withJavaScriptTwoPhotosGoInPiecesSurviveACutAndBecomeTheReportsItems() throws Exception {
        E2eScripts.requireBrowser();
        EventsFixture.ApprovedEvent event = EventsFixture.approvedEvent(context, "DEMONSTRATION", "Odesa", "UA");
        Path screenshots = Files.createDirectories(E2eScripts.screenshots("reports-resumable"));
        byte[] first = ReportsTestSupport.jpeg(800, 600, Color.BLUE);
        byte[] second = ReportsTestSupport.jpeg(640, 480, Color.GREEN);
        Path photo1 = Files.write(screenshots.resolve("square-1.jpg"), first);
        Path photo2 = Files.write(screenshots.resolve("square-2.jpg"), second);
        int chunk = Math.max(512, Math.min(first.length, second.length) / 3);

        E2eScripts.Run run = E2eScripts.run("reports-resumable.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port,
                "MANAGE_PATH", "/en/events/manage/" + event.token(),
                "PHOTO_1", photo1.toString(), "PHOTO_2", photo2.toString(),
                "CHUNK", Integer.toString(chunk),
                "CLIENT_ADDRESS", uniqueIp(),
                "SCREENSHOT_DIR", screenshots.toString()));
        assertThat(run.exitCode()).as("exit code of node e2e/reports-resumable.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");

        List<MediaItem> items = ReportsTestSupport.processed(media, db, ReportsTestSupport.latestOfEvent(db, event.id()));
        assertThat(items).extracting(MediaItem::state).containsExactly(MediaState.READY, MediaState.READY);
        assertThat(items).extracting(MediaItem::width).containsExactly(800, 640);
    }
}
