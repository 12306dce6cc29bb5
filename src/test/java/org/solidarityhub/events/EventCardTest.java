package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.ShareCardChecks;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event's share card (docs/og-images.md): a PNG per language for a published event, named in the head of its page;
 * an event that waits for moderation or was refused has no card, only the usual 404.
 */
class EventCardTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    Campaign campaign;
    String title;
    long id;

    @BeforeEach
    void aPublishedEvent() {
        campaign = EventsFixture.newCampaign(campaigns);
        title = EventsFixture.title("Rally for Ukraine");
        id = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event(title, "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null, "Brussels", "BE", "PUBLIC"));
    }

    @Test
    void aPublishedEventHasACardInEachLanguage() {
        byte[] english = ShareCardChecks.aCachedCard(anotherBrowser(), "/en/events/" + id + "/card.png");
        byte[] ukrainian = ShareCardChecks.aCachedCard(anotherBrowser(), "/uk/events/" + id + "/card.png");

        assertThat(ukrainian).as("the day, the kind and the country in Ukrainian").isNotEqualTo(english);
    }

    @Test
    void theEventsPageNamesItsCardWithItsTimeAndPlaceAsDescription() {
        Document page = anotherBrowser().get("/en/events/" + id).doc();

        ShareCardChecks.namesItsCard(page, "http://hub.test/en/events/" + id + "/card.png", title);
        assertThat(page.select("meta[property=og:description]").attr("content"))
                .contains("February", "25", "2027", "13:00", "Brussels, Belgium").doesNotContain("Street 1", "Venue of");
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo("http://hub.test/en/events/" + id);
    }

    @Test
    void anEventWaitingForModerationOrRefusedHasNoCard() {
        Events.Submitted waiting = EventsFixture.pending(rules, events, campaign,
                EventsFixture.event(EventsFixture.title("Waiting"), "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null,
                        "Brussels", "BE", "PUBLIC"));
        Events.Submitted refused = EventsFixture.pending(rules, events, campaign,
                EventsFixture.event(EventsFixture.title("Refused"), "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null,
                        "Brussels", "BE", "PUBLIC"));
        events.reject(refused.id(), store.find(refused.id()).orElseThrow().pending().id(), "Not an action.");

        for (long hidden : new long[] {waiting.id(), refused.id(), 999_999_999L}) {
            assertThat(anotherBrowser().bytes("/en/events/" + hidden + "/card.png").statusCode()).as("event " + hidden).isEqualTo(404);
        }
    }
}
