package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every class of bad input to the editor's forms, the comment form, the list and the API: a clear message, never a 500. */
class NewsBadInputTest extends WebTest {

    @Autowired
    StaffFixture staff;

    Browser editor;
    long postId;
    String slug;

    @BeforeEach
    void aPublishedPost() {
        editor = anotherBrowser();
        staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR));
        slug = NewsTestSupport.slug("bad-input");
        postId = NewsTestSupport.draft(editor, slug, "en", "A post to test", "Some text.");
        NewsTestSupport.act(editor, postId, "form[action$=/publish]", Map.of());
    }

    private String newPostProblem(Map<String, String> fields) {
        Browser.Page list = editor.get("/staff/news");
        Browser.Page answer = editor.submit(list, "form[action$=/staff/news]", fields);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.text("p.alert");
    }

    @Test
    void aNewPostWithABadSlugTakenSlugNoTitleTooLongSummaryOrNoTextIsRefusedWithItsReason() {
        Map<String, String> good = Map.of("slug", NewsTestSupport.slug("ok"), "language", "en", "title", "T", "summary", "",
                "body", "B");
        assertThat(newPostProblem(with(good, "slug", "Not A Slug!"))).contains("lower-case letters");
        assertThat(newPostProblem(with(good, "slug", slug))).contains("Another post has this address");
        assertThat(newPostProblem(with(good, "slug", "subscribe"))).as("the address of the subscription page")
                .contains("Another post has this address");
        assertThat(newPostProblem(with(good, "title", " "))).contains("title");
        assertThat(newPostProblem(with(good, "title", "x".repeat(201)))).contains("200");
        assertThat(newPostProblem(with(good, "summary", "x".repeat(501)))).contains("500");
        assertThat(newPostProblem(with(good, "body", ""))).contains("write the text");
        assertThat(newPostProblem(with(good, "language", "english!"))).contains("language");
    }

    private String actionProblem(String form, Map<String, String> values) {
        Browser.Page page = NewsTestSupport.act(editor, postId, form, values);
        return page.text("p.alert");
    }

    @Test
    void badSettingsScheduleTimesAndImagesAreRefusedWithTheirReason() {
        assertThat(actionProblem("form[action$=/settings]", Map.of("tags", "Good, <b>bad</b>"))).contains("is not a tag");
        assertThat(actionProblem("form[action$=/settings]", Map.of("cards", "APPEAL no-such-appeal"))).contains("is not a card");
        assertThat(actionProblem("form[action$=/settings]", Map.of("cards", "PETITION x"))).contains("is not a card");
        assertThat(actionProblem("form[action$=/settings]", Map.of("originalLanguage", "uk"))).contains("original language");
        assertThat(actionProblem("form[action$=/settings]", Map.of("slug", "-x-"))).contains("lower-case letters");

        String draft = NewsTestSupport.slug("draft");
        long draftId = NewsTestSupport.draft(editor, draft, "en", "Draft", "Text");
        Browser.Page page = editor.get("/staff/news/" + draftId);
        assertThat(editor.follow(editor.submit(page, "form[action$=/schedule]", Map.of("at", "tomorrow", "zone", "Europe/Kyiv")))
                .text("p.alert")).contains("date and time");
        assertThat(editor.follow(editor.submit(page, "form[action$=/schedule]", Map.of("at", "2020-01-01T10:00", "zone", "Europe/Kyiv")))
                .text("p.alert")).contains("has passed");
        assertThat(editor.follow(editor.submit(page, "form[action$=/schedule]", Map.of("at", "2099-01-01T10:00", "zone", "Mars/Olympus")))
                .text("p.alert")).contains("time zone");
        Browser.Page noFile = editor.submitMultipart(page, "form[action$=/images]", Map.of(), List.of());
        assertThat(editor.follow(noFile).text("p.alert")).contains("choose a photo");
        Browser.Page notAnImage = editor.submitMultipart(page, "form[action$=/images]", Map.of(),
                List.of(new Browser.FilePart("image", "x.html", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes())));
        assertThat(editor.follow(notAnImage).text("p.alert")).contains("Only pictures are accepted");
        byte[] video;
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("news-video");
            video = java.nio.file.Files.readAllBytes(org.solidarityhub.media.VideoFixtures.plain(dir, "clip.mp4", 160, 120, 1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Browser.Page aVideo = editor.submitMultipart(page, "form[action$=/images]", Map.of(),
                List.of(new Browser.FilePart("image", "clip.mp4", "video/mp4", video)));
        assertThat(editor.follow(aVideo).text("p.alert")).contains("not videos");
        assertThat(editor.get("/staff/news/" + draftId).doc().select("form[action*=/images/]")).isEmpty();
    }

    private Document commentProblem(Map<String, String> fields) {
        Browser reader = anotherBrowser().from(uniqueIp());
        Browser.Page answer = reader.submit(reader.get("/en/news/" + slug), "form.comment-form", fields);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.doc();
    }

    @Test
    void aCommentWithoutNameOrEmailWithABadEmailHtmlOrAnUnknownReplyIsRefusedAtItsFieldAndKeepsTheInput() {
        Map<String, String> good = Map.of("name", "Ana", "email", uniqueEmail("ana"), "comment", "Solidarity!");
        assertThat(commentProblem(with(good, "name", "")).selectFirst("#c-name-error").text()).contains("fill in");
        assertThat(commentProblem(with(good, "email", "")).selectFirst("#c-email-error").text()).contains("fill in");
        Document badEmail = commentProblem(with(good, "email", "not-an-address"));
        assertThat(badEmail.selectFirst("#c-email-error").text()).contains("valid email");
        assertThat(badEmail.selectFirst("#c-comment").text()).isEqualTo("Solidarity!");
        assertThat(commentProblem(with(good, "comment", "<script>alert(1)</script>")).selectFirst("#c-comment-error").text())
                .contains("plain text");
        assertThat(commentProblem(with(good, "comment", "x".repeat(5001))).selectFirst("#c-comment-error").text()).contains("5,000");
        assertThat(commentProblem(with(good, "name", "Ana https://spam.example")).selectFirst("#c-name-error").text())
                .contains("web addresses");
        Browser reader = anotherBrowser().from(uniqueIp());
        Browser.Page page = reader.get("/en/news/" + slug);
        Browser.Page reply = reader.post("/en/news/" + slug + "/comments", Map.of("name", "Ana", "email", uniqueEmail("ana"),
                "comment", "A reply", "replyTo", "999999999"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("The comment you reply to is not shown here");
        assertThat(page.status()).isEqualTo(200);
    }

    @Test
    void aCommentOnAPostWithClosedCommentsIsRefusedAndTheFormIsGone() {
        NewsTestSupport.act(editor, postId, "form[action$=/settings]", Map.of("commentsClosed", "true"));
        Browser reader = anotherBrowser().from(uniqueIp());
        assertThat(reader.get("/en/news/" + slug).doc().selectFirst("form.comment-form")).isNull();
        Browser.Page answer = reader.post("/en/news/" + slug + "/comments", Map.of("name", "Ana", "email", uniqueEmail("ana"),
                "comment", "Hello"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Comments are closed");
    }

    @Test
    void aFilledHoneypotIsAnsweredLikeASuccessAndStoresNothing() {
        Browser reader = anotherBrowser().from(uniqueIp());
        String email = uniqueEmail("bot");
        Browser.Page answer = reader.post("/en/news/" + slug + "/comments", Map.of("name", "Bot", "email", email,
                "comment", "Buy now", "homepage", "http://spam.example"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(db.sql("SELECT COUNT(*) FROM news_comment WHERE email = :e").param("e", email).query(Long.class).single()).isZero();
    }

    @Test
    void tooManyCommentsFromOneAddressAreRefusedWith429() {
        Browser reader = anotherBrowser().from(uniqueIp());
        int last = 0;
        for (int i = 0; i < 7; i++) {
            last = reader.post("/en/news/" + slug + "/comments", Map.of("name", "Ana", "email", uniqueEmail("ana"),
                    "comment", "Comment " + i)).status();
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void aMalformedFilterOrPageOfTheListFeedAndApiIsA400WithItsReasonAndAnUnknownPostA404() {
        Browser reader = anotherBrowser();
        assertThat(reader.get("/en/news?page=0").status()).isEqualTo(400);
        Browser.Page badTag = reader.get("/en/news?tag=%3Cb%3E");
        assertThat(badTag.status()).isEqualTo(400);
        assertThat(badTag.body()).contains("lower-case letters");
        assertThat(reader.get("/en/news?language=english").status()).isEqualTo(400);
        assertThat(reader.get("/en/news/no-such-post").status()).isEqualTo(404);
        Browser.Page api = reader.get("/api/v1/posts?page=x");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("page number");
        assertThat(reader.get("/api/v1/posts/no-such-post").status()).isEqualTo(404);
        assertThat(reader.get("/api/v1/news.atom?tag=%20x%20y").status()).isEqualTo(400);
        Browser.Page unknownLanguage = reader.get("/api/v1/news.atom?lang=xx");
        assertThat(unknownLanguage.status()).isEqualTo(200);
        assertThat(unknownLanguage.body()).contains("xml:lang=\"en\"");
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(fields);
        copy.put(name, value);
        return copy;
    }
}
