package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Before approving, moderators see the place on a map drawn on the server (no script, no tiles) and are warned of
 * likely duplicates: same campaign, same day, near place, similar title.
 */
class EventsLikelyDuplicatesTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;
    @Autowired StaffFixture staff;

    Campaign campaign;
    Browser moderator;
    /** The events a test left waiting: approved afterwards, so that the shared queue stays short for other tests. */
    final List<Long> waiting = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void leaveTheQueue() {
        for (long id : waiting) {
            store.find(id).filter(StoredEvent::inQueue).ifPresent(e -> events.approve(id, e.pending().id()));
        }
    }

    @BeforeEach
    void campaignAndModerator() {
        campaign = EventsFixture.newCampaign(campaigns);
        moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
    }

    private long pending(String title, String start, String city, String country) {
        return waiting(EventsFixture.pending(rules, events, campaign,
                EventsFixture.event(title, "DEMONSTRATION", start, start.substring(0, 11) + "23:00", null, city, country, "PUBLIC")).id());
    }

    private long waiting(long id) {
        waiting.add(id);
        return id;
    }

    private List<String> warned(long id) {
        Document page = moderator.get("/staff/events/" + id).doc();
        return page.select(".duplicates li a").eachAttr("href");
    }

    @Test
    void aSimilarTitleOnTheSameDayInTheSameCityIsLinkedAsALikelyDuplicate() {
        long first = pending("Peace for Ukraine rally", "2027-02-25T13:00", "Brussels", "BE");
        long second = pending("Rally: peace for Ukraine!", "2027-02-25T15:00", "Brussels", "BE");
        assertThat(warned(second)).containsExactly("/staff/events/" + first);
        assertThat(moderator.get("/staff/events/" + second).text(".duplicates p")).startsWith("Possible duplicates");
        assertThat(warned(first)).containsExactly("/staff/events/" + second);
    }

    @Test
    void anotherDayAnotherCityOrAnotherTitleIsNoDuplicate() {
        long event = pending("Stand with Ukraine", "2027-02-26T13:00", "Warsaw", "PL");
        pending("Stand with Ukraine", "2027-02-27T13:00", "Warsaw", "PL"); // another day
        pending("Stand with Ukraine", "2027-02-26T13:00", "Kraków", "PL"); // far away
        pending("Film screening", "2027-02-26T18:00", "Warsaw", "PL"); // another title
        long same = pending("Stand with Ukraine", "2027-02-26T16:00", "Warsaw", "PL");
        Campaign other = EventsFixture.newCampaign(campaigns);
        waiting(EventsFixture.pending(rules, events, other,
                EventsFixture.event("Stand with Ukraine", "DEMONSTRATION", "2027-02-26T13:00", "2027-02-26T15:00", null, "Warsaw", "PL", "PUBLIC")).id());
        assertThat(warned(event)).containsExactly("/staff/events/" + same); // only the same one in the same campaign
    }

    @Test
    void theReviewPageShowsThePlaceOnAMapDrawnOnTheServerWithoutScriptsOrTiles() {
        long id = pending("Map preview", "2027-02-25T13:00", "Brussels", "BE");
        Browser.Page page = moderator.get("/staff/events/" + id);
        org.jsoup.nodes.Element svg = page.doc().selectFirst("figure.place-map svg");
        assertThat(svg).isNotNull();
        assertThat(page.text("figure.place-map figcaption")).isEqualTo("Place on the map");
        assertThat(svg.selectFirst("title").text()).isEqualTo("Brussels, BE");
        assertThat(svg.selectFirst("circle").attr("cx")).isEqualTo("180");
        assertThat(svg.selectFirst("path").attr("d")).startsWith("M").contains("Z"); // Belgium and its neighbours
        assertThat(svg.outerHtml()).doesNotContain("http://tile", "<script", "<image");

        long online = waiting(EventsFixture.pending(rules, events, campaign, new SubmitEvent("Online talk", "ONLINE_EVENT", "About", List.of("en"),
                "2027-02-25T13:00", "2027-02-25T14:00", "Europe/Brussels", null, "https://meet.example.org/talk", "Organizers",
                List.of(), uniqueEmail("online"), "", false, "en")).id());
        assertThat(moderator.get("/staff/events/" + online).doc().select("figure.place-map")).isEmpty();
    }

    @Test
    void titlesAreComparedFoldedByTheirLetterTrigrams() {
        assertThat(LikelyDuplicates.similarity("Peace for Ukraine rally", "RALLY – Peace for UKRAINE")).isGreaterThanOrEqualTo(LikelyDuplicates.SIMILAR);
        assertThat(LikelyDuplicates.similarity("Мітинг за Україну", "Мiтинг за Україну!")).isGreaterThanOrEqualTo(LikelyDuplicates.SIMILAR);
        assertThat(LikelyDuplicates.similarity("Concert", "Vigil")).isLessThan(LikelyDuplicates.SIMILAR);
        assertThat(LikelyDuplicates.similarity("!!!", "Vigil")).isZero();
    }
}
