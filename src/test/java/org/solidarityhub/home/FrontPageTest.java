package org.solidarityhub.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The front page shows what the features have, through their facades, each block with its call to act. */
class FrontPageTest extends WebTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ContentVersions versions;

    @Test
    void showsTheAppealsLiveCountWithItsProgressAndABigSignButton() {
        String slug = "front-" + UUID.randomUUID().toString().substring(0, 8);
        long appeal = appeal(slug, "Front page appeal " + slug, 10_000);
        count(appeal, "BE", 1_200);
        count(appeal, "UA", 34);

        Document page = browser.get("/en/").doc();
        assertThat(page.select(".home-appeal-title").text()).isEqualTo("Front page appeal " + slug);
        assertThat(page.select(".home-count-number").text()).isEqualTo("1,234");
        assertThat(page.select(".home-appeal progress").attr("value")).isEqualTo("1234");
        // the moving goal, as on the appeal's page: the next step (2,500) below the staff's final target (10,000)
        assertThat(page.select(".home-appeal progress").attr("max")).isEqualTo("2500");
        assertThat(page.select(".home-appeal progress").hasClass("progress-some")).isTrue();
        assertThat(page.select(".home-appeal .progress-label").text()).isEqualTo("1,234 of 2,500 signatures");
        assertThat(page.select("a.home-sign").attr("href")).isEqualTo("/en/appeals/" + slug + "#sign");
        assertThat(page.select("a.home-sign").text()).isEqualTo("Sign the appeal");

        // a new signature counted: the next request shows it (the page is kept, its version is the appeal's)
        count(appeal, "PL", 1);
        versions.changed("appeal:" + appeal);
        Browser.Page later = browser.get("/en/");
        assertThat(later.text(".home-count-number")).isEqualTo("1,235");
        assertThat(browser.get("/uk/").text(".home-count-number").replaceAll("[\\u00a0\\u202f ]", "")).isEqualTo("1235");
    }

    @Test
    void showsTheNextEventsOfTheCurrentCampaignWithLinksToTheMapAndTheForm() {
        String campaign = EventsFixture.runningCampaignSlug(context); // the current one, whatever other tests made
        EventsFixture.ApprovedEvent brussels = EventsFixture.approvedEvent(context, campaign, "DEMONSTRATION", "Brussels", "BE");
        EventsFixture.ApprovedEvent odesa = EventsFixture.approvedEvent(context, campaign, "RALLY_OR_VIGIL", "Odesa", "UA");

        Document page = browser.get("/en/").doc();
        assertThat(page.select(".home-events .card h3 a").eachAttr("href"))
                .containsExactly("/en/events/" + odesa.id(), "/en/events/" + brussels.id()); // 13:00 in Odesa is earlier
        assertThat(page.select(".home-events .card").get(1).text()).contains("Demonstration", "2027", "13:00", "Brussels, Belgium");
        assertThat(page.select(".home-events .home-block-note").text()).isEqualTo("2 actions in 2 countries");
        assertThat(page.select(".home-events .home-actions a").eachAttr("href"))
                .containsExactly("/en/events/new?campaign=" + campaign, "/en/events?campaign=" + campaign);
    }

    @Test
    void showsTheLatestPublishedNewsInTheReadersLanguage() {
        String slug = "front-news-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("""
                        INSERT INTO news_post (slug, original_language, state, published_at, revision, created_at, updated_at)
                        VALUES (:slug, 'en', 'PUBLISHED', :now, 1, :now, :now)""")
                .param("slug", slug).param("now", Timestamps.toDb(applicationClock.instant().plusSeconds(1))).update();
        long id = db.sql("SELECT id FROM news_post WHERE slug = :slug").param("slug", slug).query(Long.class).single();
        text(id, "en", "News for the front page", "What happened this week.");
        text(id, "uk", "Новина для головної", "Що сталося цього тижня.");
        versions.changed("news");

        Document english = browser.get("/en/").doc();
        assertThat(english.select(".home-news .card h3").first().text()).isEqualTo("News for the front page");
        assertThat(english.select(".home-news .card h3 a").first().attr("href")).isEqualTo("/en/news/" + slug);
        assertThat(english.select(".home-news .home-actions a").attr("href")).isEqualTo("/en/news");
        assertThat(browser.get("/uk/").doc().select(".home-news .card h3").first().text()).isEqualTo("Новина для головної");
    }

    @Test
    void everyProgressBarIsARealProgressElementWithoutInlineStyle() {
        Document page = browser.get("/en/").doc();
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select(".progress progress")).allSatisfy(bar -> {
            assertThat(bar.attr("aria-label")).isNotBlank();
            assertThat(Long.parseLong(bar.attr("value"))).isBetween(0L, Long.parseLong(bar.attr("max")));
        });
    }

    private long appeal(String slug, String title, int goal) {
        Instant now = applicationClock.instant().plusSeconds(1); // newer than every appeal made so far: the one shown
        db.sql("INSERT INTO appeal (slug, default_language, state, goal, created_at) VALUES (:slug, 'en', 'OPEN', :goal, :now)")
                .param("slug", slug).param("goal", goal).param("now", Timestamps.toDb(now)).update();
        long id = db.sql("SELECT id FROM appeal WHERE slug = :slug").param("slug", slug).query(Long.class).single();
        db.sql("""
                        INSERT INTO appeal_revision (appeal_id, language, number, title, body, note, created_at, created_by)
                        VALUES (:id, 'en', 1, :title, 'We call for solidarity.', NULL, :now, 'test')""")
                .param("id", id).param("title", title).param("now", Timestamps.toDb(now)).update();
        return id;
    }

    private void count(long appeal, String country, long total) {
        db.sql("INSERT INTO appeal_count (appeal_id, country, kind, total) VALUES (:id, :country, 'INDIVIDUAL', :total)")
                .param("id", appeal).param("country", country).param("total", total).update();
    }

    private void text(long post, String language, String title, String summary) {
        db.sql("INSERT INTO news_post_text (post_id, language, title, summary, body) VALUES (:id, :language, :title, :summary, 'Body.')")
                .param("id", post).param("language", language).param("title", title).param("summary", summary).update();
    }
}
