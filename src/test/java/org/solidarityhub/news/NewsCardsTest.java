package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A post links to a fundraiser as a card; a fundraiser still in draft is no card. */
class NewsCardsTest extends WebTest {

    @Autowired StaffFixture staff;

    Browser editor;
    long postId;
    String slug;

    @BeforeEach
    void aPublishedPost() {
        editor = anotherBrowser();
        staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR));
        slug = NewsTestSupport.slug("cards");
        postId = NewsTestSupport.draft(editor, slug, "en", "Vests arrived", "Day 23.");
        NewsTestSupport.act(editor, postId, "form[action$=/publish]", Map.of());
    }

    @Test
    void aPostShowsAPublicFundraiserAsACardButRefusesADraftOne() {
        String open = fundraiser("OPEN", "Operation Solidarity");
        String draft = fundraiser("DRAFT", "Not yet public");

        Browser.Page refused = NewsTestSupport.act(editor, postId, "form[action$=/settings]",
                Map.of("cards", "FUNDRAISER " + draft));
        assertThat(refused.text("p.alert")).contains("is not a card");
        NewsTestSupport.act(editor, postId, "form[action$=/settings]", Map.of("cards", "FUNDRAISER " + open));

        Browser.Page post = anotherBrowser().get("/en/news/" + slug);
        assertThat(post.doc().select(".news-cards .card").text()).contains("Fundraiser", "Operation Solidarity");
        assertThat(post.doc().select(".news-cards a[href=/en/fundraisers/" + open + "]")).isNotEmpty();
    }

    private String fundraiser(String state, String title) {
        String fundraiser = NewsTestSupport.slug("f");
        db.sql("""
                        INSERT INTO fundraiser (slug, title, summary, base_currency, how_to_give, state, created_at)
                        VALUES (:slug, :title, '', 'EUR', '', :state, :at)""")
                .param("slug", fundraiser).param("title", title).param("state", state)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return fundraiser;
    }
}
