package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The path over real HTTP, without JavaScript: an editor writes a post in English and Ukrainian with a
 * photo and schedules it in Kyiv time; at that time it appears on /news and in the Atom feeds; a reader comments,
 * confirms by the emailed link, and a moderator approves the comment in the shared queue.
 */
class NewsPathTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Autowired
    Media media;

    @Autowired
    PostPublishing publishing;

    @Test
    void aPostWrittenInTwoLanguagesWithAPhotoAppearsAtItsScheduledTimeAndTakesAConfirmedModeratedComment() {
        Browser editor = anotherBrowser();
        staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR));
        String slug = NewsTestSupport.slug("day-23");

        long id = NewsTestSupport.draft(editor, slug, "en", "Operation Solidarity, day 23", "We bought **100 vests**.");
        Browser.Page uploaded = editor.submitMultipart(editor.get("/staff/news/" + id), "form[action$=/images]",
                Map.of("lead", "true"), List.of(NewsTestSupport.photo(Color.BLUE)));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
        long photo = db.sql("SELECT lead_media_id FROM news_post WHERE id = :id").param("id", id).query(Long.class).single();
        assertThat(NewsTestSupport.processed(media, List.of(photo))).allMatch(MediaItem::ready);

        NewsTestSupport.act(editor, id, "form[action$=/texts]", Map.of("title", "Operation Solidarity, day 23",
                "body", "We bought **100 vests**.\n\n![The vests](image:" + photo + ")"));
        Browser.Page ukrainian = editor.get("/staff/news/" + id + "?language=uk");
        Browser.Page savedUk = editor.submit(ukrainian, "form[action$=/texts]", Map.of("title", "Операція Солідарність, день 23",
                "summary", "Бронежилети для волонтерів", "body", "Ми купили **100 бронежилетів**."));
        assertThat(savedUk.status()).as(savedUk.body()).isEqualTo(302);
        NewsTestSupport.act(editor, id, "form[action$=/settings]", Map.of("tags", "operation-solidarity, vests"));

        ZoneId kyiv = ZoneId.of("Europe/Kyiv");
        LocalDateTime inTwoHours = LocalDateTime.ofInstant(applicationClock.instant().plus(Duration.ofHours(2)), kyiv)
                .truncatedTo(ChronoUnit.MINUTES);
        Browser.Page scheduled = NewsTestSupport.act(editor, id, "form[action$=/schedule]", Map.of(
                "at", inTwoHours.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), "zone", "Europe/Kyiv"));
        assertThat(scheduled.body()).contains("Scheduled");
        assertThat(db.sql("SELECT publish_at FROM news_post WHERE id = :id").param("id", id)
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(inTwoHours.atZone(kyiv).toInstant());

        Browser reader = anotherBrowser().from(uniqueIp());
        assertThat(reader.get("/en/news").body()).doesNotContain(slug);
        assertThat(reader.get("/en/news/" + slug).status()).isEqualTo(404);
        assertThat(reader.get("/api/v1/news.atom").body()).doesNotContain(slug);
        Browser.Page preview = editor.get("/staff/news/" + id + "/preview?language=uk");
        assertThat(preview.text("h1")).isEqualTo("Операція Солідарність, день 23");

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        publishing.publishDue();

        Browser.Page list = reader.get("/en/news");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Operation Solidarity, day 23").contains("/en/news/" + slug);
        assertThat(list.header("ETag")).isPresent();
        assertThat(reader.get("/uk/news").body()).contains("Операція Солідарність, день 23");
        assertThat(reader.get("/en/news?language=uk&tag=vests").body()).contains("/en/news/" + slug);

        Browser.Page page = reader.get("/uk/news/" + slug);
        Document doc = page.doc();
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Операція Солідарність, день 23");
        assertThat(doc.selectFirst("meta[property=og:title]").attr("content")).isEqualTo("Операція Солідарність, день 23");
        assertThat(doc.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        String lead = doc.selectFirst("img.news-lead").attr("src");
        assertThat(lead).startsWith("/media/");
        assertThat(doc.selectFirst("meta[property=og:image]").attr("content")).isEqualTo("http://hub.test/uk/news/" + slug + "/card.png");
        HttpResponse<byte[]> image = reader.bytes(lead);
        assertThat(image.statusCode()).isEqualTo(200);
        Element feed = doc.selectFirst("link[rel=alternate][type=application/atom+xml]");
        assertThat(feed.attr("href")).isEqualTo("/api/v1/news.atom?lang=uk");
        assertThat(doc.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .contains("/api/v1/news.atom?tag=vests&lang=uk");
        assertThat(page.setCookies()).isEmpty();

        Document english = reader.get("/en/news/" + slug).doc();
        assertThat(english.selectFirst(".prose strong").text()).isEqualTo("100 vests");
        assertThat(english.selectFirst(".prose img").attr("src")).startsWith("/media/");

        assertThat(reader.get("/api/v1/news.atom?lang=uk").body()).contains("Операція Солідарність, день 23")
                .contains("http://hub.test/uk/news/" + slug);
        assertThat(reader.get("/api/v1/news.atom?tag=vests").body()).contains("Operation Solidarity, day 23");
        assertThat(reader.get("/api/v1/news.atom?tag=other").body()).doesNotContain(slug);

        Browser.Page api = reader.get("/api/v1/posts?lang=uk&tag=vests");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"slug\":\"" + slug + "\"").contains("Операція Солідарність, день 23")
                .contains("\"languages\":[\"en\",\"uk\"]");
        Browser.Page one = reader.get("/api/v1/posts/" + slug);
        assertThat(one.body()).contains("<strong>100 vests</strong>").contains("\"imageUrl\":\"http://hub.test/media/");
        assertThat(one.header("ETag")).isPresent();

        String email = uniqueEmail("reader");
        Browser.Page sent = reader.submit(reader.get("/en/news/" + slug), "form.comment-form", Map.of(
                "name", "Olena", "email", email, "comment", "Thank you! More at https://example.org/vests."));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/en/news/comments/sent");
        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        String link = NewsTestSupport.link(mail, "http://hub.test/en/news/comments/confirm/");
        String path = link.substring("http://hub.test".length());
        Browser.Page confirm = reader.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        Browser.Page confirmed = reader.submit(confirm, "form.confirm-form");
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(reader.get("/en/news/" + slug).body()).doesNotContain("Olena");
        assertThat(db.sql("SELECT COUNT(*) FROM news_comment WHERE email = :e").param("e", email).query(Long.class).single())
                .as("the address is erased once confirmed").isZero();

        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
        assertThat(moderator.get("/staff/queue").body()).contains("/staff/news/comments");
        Browser.Page queue = moderator.get("/staff/news/comments");
        long commentId = db.sql("SELECT id FROM news_comment WHERE post_id = :id").param("id", id).query(Long.class).single();
        Browser.Page approved = moderator.submit(queue, "form[action$=/comments/" + commentId + "/approve]");
        assertThat(approved.status()).isEqualTo(302);
        assertThat(moderator.follow(approved).body()).contains("The comment is approved");
        assertThat(db.sql("SELECT state FROM news_comment WHERE id = :id").param("id", commentId).query(String.class).single())
                .isEqualTo("APPROVED");

        Document withComment = reader.get("/en/news/" + slug).doc();
        Element comment = withComment.selectFirst("#comment-" + commentId);
        assertThat(comment).as(withComment.select("#comments").outerHtml()).isNotNull();
        assertThat(comment.text()).contains("Olena").contains("Thank you!").doesNotContain(email);
        Element link2 = comment.selectFirst(".comment-text a");
        assertThat(link2.attr("href")).isEqualTo("https://example.org/vests");
        assertThat(link2.attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(withComment.html()).doesNotContain(email);

        Browser.Page hidden = moderator.submit(moderator.get("/staff/news/comments"), "form[action$=/comments/" + commentId + "/hide]");
        assertThat(hidden.status()).isEqualTo(302);
        assertThat(reader.get("/en/news/" + slug).doc().selectFirst("#comment-" + commentId)).isNull();
    }
}
