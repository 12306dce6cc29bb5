package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

class NewsPostsFacadeTest extends WebTest {

    @Autowired
    PostStore store;

    @Autowired
    NewsPosts posts;

    @Test
    void aPostIsGivenToOtherFeaturesInEveryLanguageAsMarkdownHtmlAndPlainTextWithTheOriginalForOtherLanguages() {
        String slug = "facade-" + UUID.randomUUID().toString().substring(0, 8);
        long id = store.insert(slug, "en", clock.instant(), null);
        store.saveTexts(id, List.of(new Post.Text("en", "Hello", "A summary", "Some **bold** words and <b>html</b>."),
                new Post.Text("uk", "Привіт", "Коротко", "Якісь **жирні** слова.")), "editor@example.org", clock.instant());

        NewsPosts.PostForUpdate post = posts.forUpdate(id).orElseThrow();

        assertThat(post.slug()).isEqualTo(slug);
        assertThat(post.path()).isEqualTo("/news/" + slug);
        assertThat(post.originalLanguage()).isEqualTo("en");
        assertThat(post.texts().keySet()).containsExactly("en", "uk");
        assertThat(post.textFor("en").html()).contains("<strong>bold</strong>").contains("&lt;b&gt;html&lt;/b&gt;");
        assertThat(post.textFor("uk").plainText()).isEqualTo("Якісь жирні слова.");
        assertThat(post.textFor("de").title()).isEqualTo("Hello");
        assertThat(posts.recent(50)).anyMatch(p -> p.id() == id && p.state().equals("DRAFT"));
    }
}
