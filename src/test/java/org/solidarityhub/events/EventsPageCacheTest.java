package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The week of action's pages and feeds in the page cache: each is kept and answered 304 while the campaign's events
 * are unchanged, and a newly approved event changes every one of them at once (the version memo is 0 in tests).
 */
class EventsPageCacheTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    Campaign campaign;

    @BeforeEach
    void aCampaignWithOneEvent() {
        campaign = EventsFixture.newCampaign(campaigns);
        EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Peace for Ukraine", "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null, "Brussels", "BE", "PUBLIC"));
    }

    private List<String> pages() {
        String api = "/api/v1/campaigns/" + campaign.slug();
        return List.of("/en/events?campaign=" + campaign.slug(), "/en/events?campaign=" + campaign.slug() + "&country=UA",
                "/en/embed/events?campaign=" + campaign.slug(), api + "/events", api + "/events?country=UA", api + "/events.geojson",
                api + "/events.atom", api + "/events.ics", api);
    }

    @Test
    void everyPageAndFeedOfACampaignIsKeptAndNotModifiedWhileItsEventsAreUnchanged() {
        for (String path : pages()) {
            Browser.Page first = anotherBrowser().get(path);
            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(first.header("Cache-Control").orElseThrow()).as(path).startsWith("public, max-age=");
            Browser.Page kept = anotherBrowser().get(path);
            assertThat(kept.header("X-Cache")).as(path).contains("HIT");
            assertThat(kept.body()).as(path).isEqualTo(first.body());
            assertThat(anotherBrowser().get(path, "If-None-Match", first.header("ETag").orElseThrow()).status()).as(path).isEqualTo(304);
        }
    }

    @Test
    void aFeedIsInTheLanguageItsUrlNamesWhateverTheReadersCookieOrBrowserSay() {
        String atom = "/api/v1/campaigns/" + campaign.slug() + "/events.atom";
        Browser.Page english = anotherBrowser().acceptLanguage("uk").get(atom, "Cookie", "lang=uk");
        Browser.Page ukrainian = anotherBrowser().get(atom + "?lang=uk");

        assertThat(english.body()).contains("<title>Test week of action</title>", "/en/events?campaign=")
                .doesNotContain("Тестовий тиждень дій");
        assertThat(ukrainian.body()).contains("<title>Тестовий тиждень дій</title>", "/uk/events?campaign=",
                atom + "?lang=uk");
        for (Browser.Page feed : List.of(english, ukrainian)) {
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.headers().allValues("Vary")).containsExactly("Accept-Encoding");
            assertThat(feed.header("Cache-Control").orElseThrow()).startsWith("public, max-age=");
            assertThat(feed.setCookies()).as("a language named in the URL is not a choice to remember").isEmpty();
        }
        assertThat(anotherBrowser().get(atom + "?lang=uk").header("X-Cache")).contains("HIT");
    }

    @Test
    void aPageLinksToItsFeedsInItsOwnLanguage() {
        Browser.Page ukrainian = anotherBrowser().get("/uk/events?campaign=" + campaign.slug());
        Browser.Page english = anotherBrowser().get("/en/events?campaign=" + campaign.slug());

        String feed = "/api/v1/campaigns/" + campaign.slug() + "/events.atom";
        assertThat(ukrainian.doc().select("a[href=" + feed + "?lang=uk]")).hasSize(1);
        assertThat(ukrainian.doc().select("[data-geojson]").attr("data-geojson")).endsWith("events.geojson?lang=uk");
        assertThat(english.doc().select("a[href=" + feed + "]")).hasSize(1);
        assertThat(english.doc().select("[data-geojson]").attr("data-geojson")).endsWith("events.geojson");
    }

    @Test
    void aNewlyApprovedEventChangesEveryPageAndFeedOfItsCampaignAtOnce() {
        List<Browser.Page> before = pages().stream().map(path -> anotherBrowser().get(path)).toList();

        EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Vigil in Kyiv", "RALLY_OR_VIGIL", "2027-02-26T18:00", "2027-02-26T20:00", null, "Kyiv", "UA", "PUBLIC"));

        for (int i = 0; i < pages().size(); i++) {
            String path = pages().get(i);
            Browser.Page after = anotherBrowser().get(path, "If-None-Match", before.get(i).header("ETag").orElseThrow());
            assertThat(after.status()).as(path).isEqualTo(200);
            assertThat(after.header("ETag")).as(path).isNotEqualTo(before.get(i).header("ETag"));
            assertThat(after.header("X-Cache")).as(path).contains("MISS");
            if (!path.endsWith("/" + campaign.slug())) {
                assertThat(after.body()).as(path).contains("Vigil in Kyiv");
            }
        }
    }

    @Test
    void anEventPageFollowsItsCampaignAndAMissingEventIsNotCachedLong() {
        long id = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Concert for Ukraine", "CONCERT", "2027-02-27T19:00", "2027-02-27T21:00", null, "Kyiv", "UA", "PUBLIC"));
        Browser.Page page = anotherBrowser().get("/en/events/" + id);
        String etag = page.header("ETag").orElseThrow();
        assertThat(anotherBrowser().get("/en/events/" + id, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(anotherBrowser().get("/events/" + id + ".ics").header("ETag")).isPresent();

        EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("Another concert", "CONCERT", "2027-02-28T19:00", "2027-02-28T21:00", null, "Lviv", "UA", "PUBLIC"));

        assertThat(anotherBrowser().get("/en/events/" + id, "If-None-Match", etag).status()).isEqualTo(200);
        Browser.Page missing = anotherBrowser().get("/en/events/" + (id + 1_000_000));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("ETag")).isEmpty();
    }
}
