package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.submissions.Retention;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Comments beyond the first: a confirmed address is not asked again, replies are one level deep, retention erases. */
class NewsCommentsTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Autowired
    CommentModeration moderation;

    @Autowired
    Retention retention;

    String slug;
    long postId;

    @BeforeEach
    void aPublishedPost() {
        Browser editor = anotherBrowser();
        staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR));
        slug = NewsTestSupport.slug("comments");
        postId = NewsTestSupport.draft(editor, slug, "en", "Comments welcome", "Text.");
        NewsTestSupport.act(editor, postId, "form[action$=/publish]", Map.of());
    }

    private long comment(String email, String text, String replyTo) {
        Browser reader = anotherBrowser().from(uniqueIp());
        Browser.Page sent = reader.post("/en/news/" + slug + "/comments", Map.of("name", "Taras", "email", email,
                "comment", text, "replyTo", replyTo));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        return db.sql("SELECT MAX(id) FROM news_comment WHERE post_id = :id").param("id", postId).query(Long.class).single();
    }

    private String state(long id) {
        return db.sql("SELECT state FROM news_comment WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aLaterCommentFromAConfirmedAddressGoesStraightToModerationWithoutAMailAndKeepsNoAddress() {
        String email = uniqueEmail("taras");
        long first = comment(email, "First", "");
        String link = NewsTestSupport.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(), "http://hub.test/en/news/");
        Browser reader = anotherBrowser();
        reader.submit(reader.get(link.substring("http://hub.test".length())), "form.confirm-form");
        assertThat(state(first)).isEqualTo("PENDING");

        long second = comment(email.toUpperCase(java.util.Locale.ROOT), "Second", "");
        assertThat(state(second)).isEqualTo("PENDING");
        assertThat(db.sql("SELECT COUNT(*) FROM news_comment WHERE id IN (:a, :b) AND email IS NOT NULL")
                .param("a", first).param("b", second).query(Long.class).single()).isZero();
        assertThat(TestMailServer.to(email)).hasSize(1);
    }

    @Test
    void aReplyShowsUnderItsCommentAndAReplyToAReplyIsRefused() {
        String email = uniqueEmail("olha");
        db.sql("INSERT INTO news_comment_address (email_key, confirmed_at, last_used_at) VALUES (:k, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param("k", org.solidarityhub.submissions.EmailKey.hash(email)).update();
        long parent = comment(email, "Where can I help?", "");
        assertThat(moderation.decide(parent, true)).isTrue();
        long reply = comment(email, "Answering myself", Long.toString(parent));
        assertThat(moderation.decide(reply, true)).isTrue();

        Document page = anotherBrowser().get("/en/news/" + slug).doc();
        assertThat(page.select("#comment-" + parent + " .comment-replies #comment-" + reply)).hasSize(1);
        Browser.Page deeper = anotherBrowser().from(uniqueIp()).post("/en/news/" + slug + "/comments", Map.of("name", "Olha",
                "email", email, "comment", "Too deep", "replyTo", Long.toString(reply)));
        assertThat(deeper.status()).isEqualTo(400);
    }

    @Test
    void retentionErasesUnconfirmedCommentsWithTheirAddressAfterTheValidityAndForgetsUnusedAddressesAfterAYear() {
        String email = uniqueEmail("never");
        long unconfirmed = comment(email, "Never confirmed", "");
        String key = org.solidarityhub.submissions.EmailKey.hash(uniqueEmail("old"));
        db.sql("INSERT INTO news_comment_address (email_key, confirmed_at, last_used_at) VALUES (:k, :t, :t)")
                .param("k", key).param("t", org.solidarityhub.platform.Timestamps.toDb(applicationClock.instant())).update();

        // the rules run as the hourly job would in 8 days and in a year and 8 days (the shared test clock is left
        // alone: moving it a year on would put every other test's week of action in the past)
        runAll(applicationClock.instant().plus(Duration.ofDays(8)));
        assertThat(db.sql("SELECT COUNT(*) FROM news_comment WHERE id = :id").param("id", unconfirmed).query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM news_comment_address WHERE email_key = :k").param("k", key).query(Long.class).single()).isOne();

        runAll(applicationClock.instant().plus(Duration.ofDays(374)));
        assertThat(db.sql("SELECT COUNT(*) FROM news_comment_address WHERE email_key = :k").param("k", key).query(Long.class).single()).isZero();
    }

    /** Runs the news retention rules as the job does at {@code now}. */
    private void runAll(java.time.Instant now) {
        retention.rules().stream().filter(rule -> rule.name().startsWith("news."))
                .forEach(rule -> rule.eraser().eraseBefore(now.minus(rule.keptFor())));
    }
}
