package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.E2eScripts;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader comments on a post in Chromium with JavaScript off ({@code e2e/news.mjs}) and confirms from the emailed
 * link; a moderator approves; the comment shows with its link made nofollow.
 */
class NewsBrowserTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Autowired
    CommentModeration moderation;

    @Test
    void aReaderCommentsWithJavaScriptOffConfirmsFromTheMailAndTheApprovedCommentShows() throws Exception {
        E2eScripts.requireBrowser();
        Browser editor = anotherBrowser();
        staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR));
        String slug = NewsTestSupport.slug("browser");
        long postId = NewsTestSupport.draft(editor, slug, "en", "Rally in Kyiv", "Thousands came.");
        NewsTestSupport.act(editor, postId, "form[action$=/publish]", Map.of());
        Path screenshots = Files.createDirectories(E2eScripts.screenshots("news"));
        String email = uniqueEmail("mykola");
        Map<String, String> common = Map.of("BASE_URL", "http://localhost:" + port, "SCREENSHOT_DIR", screenshots.toString(),
                "CLIENT_ADDRESS", uniqueIp());

        E2eScripts.Run commented = E2eScripts.run("news.mjs", with(common, Map.of("STEP", "comment",
                "POST_PATH", "/en/news/" + slug, "TITLE", "Rally in Kyiv", "EMAIL", email)));
        assertThat(commented.exitCode()).as(commented.output()).isZero();

        String link = NewsTestSupport.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(),
                "http://hub.test/en/news/comments/confirm/");
        E2eScripts.Run confirmed = E2eScripts.run("news.mjs", with(common, Map.of("STEP", "confirm",
                "CONFIRM_PATH", link.substring("http://hub.test".length()))));
        assertThat(confirmed.exitCode()).as(confirmed.output()).isZero();

        long commentId = db.sql("SELECT id FROM news_comment WHERE post_id = :id").param("id", postId).query(Long.class).single();
        assertThat(moderation.decide(commentId, true)).isTrue();
        Element comment = anotherBrowser().get("/en/news/" + slug).doc().selectFirst("#comment-" + commentId);
        assertThat(comment.text()).contains("Mykola").contains("Slava Ukraini!");
        assertThat(comment.selectFirst("a").attr("rel")).isEqualTo("nofollow ugc noopener");
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
