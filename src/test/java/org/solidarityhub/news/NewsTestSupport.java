package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaState;
import org.solidarityhub.test.Browser;

/** What the news tests share: a photo, a draft written through the editor's pages, waiting for processing. */
final class NewsTestSupport {

    private NewsTestSupport() {
    }

    static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Browser.FilePart photo(Color color) {
        return new Browser.FilePart("image", "rally.jpg", "image/jpeg", org.solidarityhub.test.TestPhotos.jpeg(400, 300, color));
    }

    /** Creates a draft through the new-post form; returns its id. */
    static long draft(Browser editor, String slug, String language, String title, String body) {
        Browser.Page list = editor.get("/staff/news");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        Browser.Page created = editor.submit(list, "form[action$=/staff/news]", Map.of("slug", slug, "language", language,
                "title", title, "summary", "", "body", body));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return Long.parseLong(created.location().replaceAll(".*/staff/news/(\\d+).*", "$1"));
    }

    /** Submits a form of the post's staff page and expects the redirect back. */
    static Browser.Page act(Browser editor, long postId, String formSelector, Map<String, ?> values) {
        Browser.Page page = editor.get("/staff/news/" + postId);
        Browser.Page done = editor.submit(page, formSelector, values);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        return editor.follow(done);
    }

    /** The first link in a mail (its decoded text) that starts with the prefix. */
    static String link(jakarta.mail.internet.MimeMessage mail, String prefix) {
        String text;
        try {
            text = String.valueOf(mail.getContent());
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new AssertionError("unreadable mail", e);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "\\S+").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link starting with " + prefix + " in:\n" + text);
        }
        return m.group();
    }

    /** Waits until these media items left PROCESSING. */
    static List<MediaItem> processed(Media media, List<Long> ids) {
        return org.solidarityhub.test.TestPhotos.processed(media, ids);
    }

}
