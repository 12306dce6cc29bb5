package org.solidarityhub.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaState;
import org.solidarityhub.test.Browser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the reports tests share: generated photos, sending through a management link, waiting for processing. */
final class ReportsTestSupport {

    private ReportsTestSupport() {
    }

    /** A JPEG drawn with Java2D: a coloured field with a shape, so that two photos differ. */
    static byte[] jpeg(int width, int height, Color color) {
        return org.solidarityhub.test.TestPhotos.jpeg(width, height, color);
    }

    static Browser.FilePart photo(String name, Color color) {
        return new Browser.FilePart("files", name, "image/jpeg", jpeg(320, 240, color));
    }

    /** Posts the report form of a management link (in English) with these fields and files. */
    static Browser.Page sendThroughManagementLink(Browser browser, EventsFixture.ApprovedEvent event, Map<String, ?> fields,
                                                  List<Browser.FilePart> files) {
        return sendThroughManagementLink(browser, "en", event, fields, files);
    }

    /** Posts the report form of a management link, in a language, with these fields and files. */
    static Browser.Page sendThroughManagementLink(Browser browser, String language, EventsFixture.ApprovedEvent event,
                                                  Map<String, ?> fields, List<Browser.FilePart> files) {
        Browser.Page form = browser.get("/" + language + "/events/manage/" + event.token() + "/report");
        if (form.status() != 200) {
            throw new AssertionError("report form: " + form.status() + "\n" + form.body());
        }
        return browser.submitMultipart(form, "form.report-form", fields, files);
    }

    /** Waits until every media item of a report left PROCESSING; returns them. */
    static List<MediaItem> processed(Media media, JdbcClient db, long reportId) {
        List<Long> ids = db.sql("SELECT media_id FROM report_media WHERE report_id = :id ORDER BY position")
                .param("id", reportId).query(Long.class).list();
        return org.solidarityhub.test.TestPhotos.processed(media, ids);
    }

    /** The newest report of an event. */
    static long latestOfEvent(JdbcClient db, long eventId) {
        return db.sql("SELECT MAX(id) FROM report WHERE event_id = :id").param("id", eventId).query(Long.class).single();
    }

    /** Runs one retention rule now, as the hourly job does; returns how many it erased. */
    static int runRule(org.springframework.context.ApplicationContext context, String name, java.time.Instant now) {
        org.solidarityhub.submissions.RetentionRule rule = context.getBean(org.solidarityhub.submissions.Retention.class).rules()
                .stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        return rule.eraser().eraseBefore(now.minus(rule.keptFor()));
    }

    /**
     * A POST over a plain socket that declares a Content-Length but sends only the start of the body (a client that
     * announces a huge upload); returns what the server answered before closing, as text.
     */
    static String rawPost(int port, String path, String contentType, long declaredLength, String start) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nAccept-Language: en\r\n"
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + declaredLength + "\r\n\r\n";
            socket.getOutputStream().write((head + start).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = socket.getInputStream().read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(java.nio.charset.StandardCharsets.UTF_8).contains("</html>")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // the server answered and closed, or waits for the rest: what came is the answer
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
