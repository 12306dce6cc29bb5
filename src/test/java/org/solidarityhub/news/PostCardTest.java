package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.ShareCardChecks;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A post's share card (docs/og-images.md): none while it is a draft, a PNG with its title once published, named in
 * the head of its page; the staff preview names no card.
 */
class PostCardTest extends WebTest {

    @Autowired StaffFixture staff;

    @Test
    void aPostHasACardOnlyOncePublished() {
        Browser editor = anotherBrowser();
        staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR));
        String slug = NewsTestSupport.slug("card");
        long id = NewsTestSupport.draft(editor, slug, "en", "Vests arrived in Kharkiv", "Day 23.");
        String card = "/en/news/" + slug + "/card.png";

        assertThat(anotherBrowser().bytes(card).statusCode()).as("a draft").isEqualTo(404);
        assertThat(editor.get("/staff/news/" + id + "/preview").doc().select("meta[property=og:image]")).isEmpty();

        NewsTestSupport.act(editor, id, "form[action$=/publish]", Map.of());
        ShareCardChecks.aCachedCard(anotherBrowser(), card);
        ShareCardChecks.aCachedCard(anotherBrowser(), "/uk/news/" + slug + "/card.png");
        ShareCardChecks.namesItsCard(anotherBrowser().get("/en/news/" + slug).doc(), "http://hub.test" + card,
                "Vests arrived in Kharkiv");
    }
}
