package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaState;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.CrossSite;
import org.solidarityhub.test.Nginx;
import org.solidarityhub.test.ProblemDetails;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Resumable uploads (the core of tus 1.0.0) of the report forms, over real HTTP, then the report that names them. */
class ReportResumableUploadTest extends WebTest {

    static final String PATH = "/api/v1/reports/uploads";
    static final Path FOLDER = Path.of("target/test-media/work/resumable");

    @Autowired
    ApplicationContext context;

    @Autowired
    Media media;

    EventsFixture.ApprovedEvent event;

    @BeforeEach
    void event() {
        event = EventsFixture.approvedEvent(context, "DEMONSTRATION", "Lviv", "UA");
        browser.from(uniqueIp());
    }

    @Test
    void anInterruptedUploadResumesFromTheOffsetTheServerHasAndBecomesAnItemOfTheReport() throws Exception {
        byte[] photo = ReportsTestSupport.jpeg(900, 700, Color.MAGENTA);
        String location = start(photo.length);
        assertThat(location).matches(".*" + PATH + "/[A-Za-z0-9_-]{43}");
        int chunk = photo.length / 4;

        assertThat(patch(location, 0, Arrays.copyOfRange(photo, 0, chunk)).header("Upload-Offset")).contains(String.valueOf(chunk));
        // the connection breaks in the middle of the second piece: what arrived is kept
        int cut = chunk + chunk / 2;
        interruptedPatch(port, URI(location), chunk, Arrays.copyOfRange(photo, chunk, cut), 2 * chunk);
        long offset = awaitOffset(location, cut);
        assertThat(offset).isEqualTo(cut);
        Browser.Page head = browser.method("HEAD", location, new byte[0], "Tus-Resumable", "1.0.0");
        assertThat(head.header("Upload-Length")).contains(String.valueOf(photo.length));
        assertThat(head.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        Browser.Page last = patch(location, cut, Arrays.copyOfRange(photo, cut, photo.length));
        assertThat(last.status()).isEqualTo(204);
        assertThat(last.header("Upload-Offset")).contains(String.valueOf(photo.length));

        Browser.Page sent = ReportsTestSupport.sendThroughManagementLink(browser, event,
                Map.of("text", "We stood on the square for an hour.", "uploads", id(location)), List.of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        long report = ReportsTestSupport.latestOfEvent(db, event.id());
        List<MediaItem> items = ReportsTestSupport.processed(media, db, report);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.state()).isEqualTo(MediaState.READY);
            assertThat(item.width()).isEqualTo(900);
        });
        // taken once: the bytes are gone and the id no longer works
        assertThat(partFiles()).noneMatch(f -> f.contains(sha(id(location))));
        assertThat(browser.method("HEAD", location, new byte[0], "Tus-Resumable", "1.0.0").status()).isEqualTo(404);
    }

    @Test
    void aPieceAtTheWrongOffsetIsRefusedWith409AndTheServersOffset() {
        String location = start(100);
        patch(location, 0, new byte[40]);
        Browser.Page wrong = patch(location, 10, new byte[20]);
        ProblemDetails.assertProblem(wrong, 409, URI(location));
        assertThat(wrong.header("Upload-Offset")).contains("40");
    }

    @Test
    void anUploadLargerThanTheCapIsRefusedAtTheStartAndOnePastItsDeclaredLengthLosesItsBytes() throws Exception {
        Browser.Page tooLarge = browser.method("POST", PATH + "?event=" + event.token(), new byte[0],
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(10L * 1024 * 1024 * 1024));
        ProblemDetails.assertProblem(tooLarge, 413, PATH);
        assertThat(tooLarge.body()).contains("too large");

        String location = start(50);
        patch(location, 0, new byte[30]);
        ProblemDetails.assertProblem(patch(location, 30, new byte[30]), 400, URI(location));
        assertThat(partFiles()).noneMatch(f -> f.contains(sha(id(location))));
        assertThat(browser.method("HEAD", location, new byte[0], "Tus-Resumable", "1.0.0").status()).isEqualTo(404);
    }

    @Test
    void anUnknownOrForgedUploadIdIsNotFound() {
        String forged = PATH + "/" + "A".repeat(43);
        ProblemDetails.assertProblem(patch(forged, 0, new byte[5]), 404, forged);
        ProblemDetails.assertProblem(patch(PATH + "/short", 0, new byte[5]), 404, PATH + "/short");
        assertThat(browser.method("HEAD", forged, new byte[0], "Tus-Resumable", "1.0.0").status()).isEqualTo(404);
        // a finished upload named by a report of another event is not found either
        byte[] photo = ReportsTestSupport.jpeg(200, 100, Color.ORANGE);
        String location = start(photo.length);
        patch(location, 0, photo);
        EventsFixture.ApprovedEvent other = EventsFixture.approvedEvent(context, "DEMONSTRATION", "Kyiv", "UA");
        Browser.Page sent = ReportsTestSupport.sendThroughManagementLink(browser, other,
                Map.of("text", "Someone else's upload.", "uploads", id(location)), List.of());
        assertThat(sent.status()).isEqualTo(400);
        assertThat(sent.doc().select("#r-files-error").text()).contains("not found");
    }

    @Test
    void anIncompleteUploadExpiresWithItsBytes() {
        String location = start(100);
        patch(location, 0, new byte[30]);
        assertThat(partFiles()).anyMatch(f -> f.contains(sha(id(location))));
        int erased = ReportsTestSupport.runRule(context, "reports.resumable-uploads", applicationClock.instant().plus(Duration.ofHours(25)));
        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(partFiles()).noneMatch(f -> f.contains(sha(id(location))));
        assertThat(browser.method("HEAD", location, new byte[0], "Tus-Resumable", "1.0.0").status()).isEqualTo(404);
    }

    @Test
    void aFileSentInPiecesStillPassesTheContentChecksAnHtmlFileIsRefusedAndNothingStored() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".repeat(20).getBytes(StandardCharsets.UTF_8);
        String location = start(html.length);
        patch(location, 0, Arrays.copyOfRange(html, 0, 500));
        patch(location, 500, Arrays.copyOfRange(html, 500, html.length));
        long reportsBefore = db.sql("SELECT COUNT(*) FROM report").query(Long.class).single();
        Browser.Page sent = ReportsTestSupport.sendThroughManagementLink(browser, event,
                Map.of("text", "A page, not a photo.", "uploads", id(location)), List.of());
        assertThat(sent.status()).isEqualTo(400);
        assertThat(sent.doc().select("#r-files-error").text()).contains("This kind of file is not accepted");
        assertThat(db.sql("SELECT COUNT(*) FROM report").query(Long.class).single()).isEqualTo(reportsBefore);
        assertThat(partFiles()).noneMatch(f -> f.contains(sha(id(location))));
    }

    @Test
    void anUploadStartedOrSentFromAnotherSiteIsRefused() {
        String location = start(10);
        CrossSite.forEach(CrossSite.fromElsewhere(port), () -> anotherBrowser().from(uniqueIp()), (sender, other) -> {
            ProblemDetails.assertProblem(other.method("POST", PATH + "?event=" + event.token(), new byte[0],
                    "Tus-Resumable", "1.0.0", "Upload-Length", "10"), 403, PATH);
            ProblemDetails.assertProblem(other.method("PATCH", location, new byte[10], "Tus-Resumable", "1.0.0",
                    "Upload-Offset", "0", "Content-Type", "application/offset+octet-stream"), 403, URI(location));
        });
        assertThat(browser.method("HEAD", location, new byte[0], "Tus-Resumable", "1.0.0").header("Upload-Offset")).contains("0");
    }

    @Test
    void startingAnUploadNeedsAWorkingFormLinkAndTheProtocolVersion() {
        ProblemDetails.assertProblem(browser.method("POST", PATH + "?event=" + "x".repeat(43), new byte[0],
                "Tus-Resumable", "1.0.0", "Upload-Length", "10"), 404, PATH);
        ProblemDetails.assertProblem(browser.method("POST", PATH + "?event=" + event.token(), new byte[0],
                "Upload-Length", "10"), 412, PATH);
        ProblemDetails.assertProblem(browser.method("POST", PATH + "?event=" + event.token(), new byte[0],
                "Tus-Resumable", "1.0.0", "Upload-Length", "ten"), 400, PATH);
        Browser.Page options = browser.method("OPTIONS", PATH);
        assertThat(options.header("Tus-Extension")).contains("creation,termination");
    }

    @Test
    void behindTheNginxOfDeployAPieceCutOffCountsAsFarAsItCameAndOffsetsAreNeverCached() throws Exception {
        Nginx.require();
        try (Nginx nginx = Nginx.inFrontOf(port)) {
            Browser proxied = new Browser(nginx.base());
            Browser.Page created = proxied.method("POST", PATH + "?event=" + event.token(), new byte[0],
                    "Tus-Resumable", "1.0.0", "Upload-Length", "100000");
            assertThat(created.status()).as(created.body() + nginx.log()).isEqualTo(201);
            String location = URI(created.location());
            assertThat(proxied.method("HEAD", location, new byte[0], "Tus-Resumable", "1.0.0").header("Upload-Offset")).contains("0");
            interruptedPatch(nginx.port(), location, 0, new byte[30000], 100000);
            // streamed, not buffered by nginx: the 30,000 bytes that came reached the app and count
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Browser.Page head;
            do {
                Thread.sleep(100);
                head = proxied.method("HEAD", location, new byte[0], "Tus-Resumable", "1.0.0");
            } while (!head.header("Upload-Offset").orElse("").equals("30000") && System.nanoTime() < deadline);
            assertThat(head.header("Upload-Offset")).as(nginx.log()).contains("30000");
            assertThat(head.header("x-cache-status").orElse("")).isNotEqualTo("HIT");
        }
    }

    @Test
    void oneAddressMayStartOnlySoManyUploadsIn10Minutes() {
        for (int i = 0; i < 100; i++) {
            start(10);
        }
        Browser.Page refused = browser.method("POST", PATH + "?event=" + event.token(), new byte[0],
                "Tus-Resumable", "1.0.0", "Upload-Length", "10");
        ProblemDetails.assertProblem(refused, 429, PATH);
        assertThat(refused.body()).contains("many uploads");
        // another address is not affected
        assertThat(anotherBrowser().from(uniqueIp()).method("POST", PATH + "?event=" + event.token(), new byte[0],
                "Tus-Resumable", "1.0.0", "Upload-Length", "10").status()).isEqualTo(201);
    }

    @Test
    void aClientEndsAnUploadAndItsBytesAreDeleted() {
        String location = start(100);
        patch(location, 0, new byte[60]);
        assertThat(browser.method("DELETE", location, new byte[0], "Tus-Resumable", "1.0.0").status()).isEqualTo(204);
        assertThat(partFiles()).noneMatch(f -> f.contains(sha(id(location))));
        ProblemDetails.assertProblem(patch(location, 60, new byte[40]), 404, URI(location));
    }

    private String start(long length) {
        Browser.Page created = browser.method("POST", PATH + "?event=" + event.token(), new byte[0],
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(length));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.location();
    }

    private Browser.Page patch(String location, long offset, byte[] piece) {
        return browser.method("PATCH", location, piece, "Tus-Resumable", "1.0.0", "Upload-Offset", String.valueOf(offset),
                "Content-Type", "application/offset+octet-stream");
    }

    /** A PATCH that announces {@code declared} bytes, sends only {@code piece}, then closes the connection. */
    private static void interruptedPatch(int toPort, String path, long offset, byte[] piece, long declared) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", toPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: localhost\r\nTus-Resumable: 1.0.0\r\n"
                    + "X-Forwarded-For: 198.18.255.1\r\nUpload-Offset: " + offset
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(piece);
            out.flush();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private long awaitOffset(String location, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long offset = -1;
        while (System.nanoTime() < deadline) {
            offset = Long.parseLong(browser.method("HEAD", location, new byte[0], "Tus-Resumable", "1.0.0")
                    .header("Upload-Offset").orElse("-1"));
            if (offset == expected) {
                return offset;
            }
            Thread.sleep(100);
        }
        return offset;
    }

    private static String URI(String location) {
        return java.net.URI.create(location).getPath();
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String sha(String id) {
        return org.solidarityhub.platform.Tokens.hash(id);
    }

    private static List<String> partFiles() {
        if (!Files.isDirectory(FOLDER)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
