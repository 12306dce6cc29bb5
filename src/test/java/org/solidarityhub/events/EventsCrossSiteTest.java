package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.CrossSite;
import org.solidarityhub.test.ProblemDetails;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The events' public forms (submit, the manage page's confirm, edit and cancel, the address request) and the
 * submission API carry no token and set no cookie: from this site's pages they work, from a page of another site
 * they are refused with a clear page (a problem detail for the API), and nothing is stored or changed.
 */
class EventsCrossSiteTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    Campaign campaign;

    @BeforeEach
    void aCampaign() {
        campaign = EventsFixture.newCampaign(campaigns);
    }

    @Test
    void submittingAnEventWithoutATokenWorksFromThisSiteAndForClientsThatSayNothing() {
        Browser.Page form = visitor().get("/events/new?campaign=" + campaign.slug());
        assertThat(form.doc().select("form.event-form")).hasSize(1);
        assertThat(form.doc().select("input[name=_csrf]")).isEmpty();
        assertThat(form.setCookies()).isEmpty();

        CrossSite.forEach(CrossSite.fromThisSite(port), this::visitor, (sender, who) -> {
            String title = EventsFixture.title("Vigil");
            Browser.Page sent = EventsFixture.submit(who, campaign, EventsFixture.brussels(title, uniqueEmail("organizer")));

            assertThat(sent.status()).as(sender).isEqualTo(302);
            assertThat(sent.location()).as(sender).endsWith("/events/submitted");
            assertThat(sent.setCookies()).as(sender).isEmpty();
            assertThat(revisions(title)).as(sender).isEqualTo(1);
        });
    }

    @Test
    void submittingAnEventFromAPageOfAnotherSiteIsRefusedWithAClearPageAndStoresNothing() {
        for (String language : new String[] {"en", "uk"}) {
            CrossSite.forEach(CrossSite.fromElsewhere(port), () -> visitor().acceptLanguage(language), (sender, who) -> {
                String title = EventsFixture.title("Forged vigil");
                Browser.Page refused = EventsFixture.submit(who, campaign, EventsFixture.brussels(title, uniqueEmail("forged")));

                CrossSite.assertRefused(refused, language, sender);
                assertThat(revisions(title)).as(sender).isZero();
            });
        }
    }

    @Test
    void theManageFormsRefuseAPageOfAnotherSiteAndChangeNothing() {
        String email = uniqueEmail("manager");
        String title = EventsFixture.title("Concert");
        EventsFixture.submit(visitor(), campaign, EventsFixture.brussels(title, email));
        String path = EventsFixture.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(), "http://hub.test/events/manage/")
                .substring("http://hub.test".length());
        long id = db.sql("SELECT event_id FROM event_revision WHERE title = :title").param("title", title).query(Long.class).single();
        Browser owner = visitor();

        CrossSite.forEach(CrossSite.fromElsewhere(port), this::visitor, (sender, attacker) -> {
            Browser.Page manage = owner.get(path);
            CrossSite.assertRefused(attacker.submit(manage, "form.confirm-form"), "en", sender);
            CrossSite.assertRefused(attacker.submit(manage, "form.edit-form", Map.of("title", "Forged " + title)), "en", sender);
            CrossSite.assertRefused(attacker.submit(manage, "form.cancel-form"), "en", sender);
        });
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(EventStatus.UNCONFIRMED);
        assertThat(revisions("Forged " + title)).isZero();

        Browser own = CrossSite.sending(visitor(), CrossSite.fromThisSite(port).get("a page of this site"));
        Browser.Page confirmed = own.follow(own.submit(own.get(path), "form.confirm-form"));
        assertThat(confirmed.text(".status")).isEqualTo("Waiting for a moderator");
        Browser.Page cancelled = own.follow(own.submit(own.get(path), "form.cancel-form"));
        assertThat(cancelled.text(".status")).isEqualTo("Cancelled");
    }

    @Test
    void anAddressRequestFromAPageOfAnotherSiteIsRefusedAndSendsNothing() {
        SubmitEvent base = EventsFixture.event("Meeting on request", "PANEL_OR_DISCUSSION", "2027-02-27T18:00", "2027-02-27T20:00",
                null, "Kyiv", "UA", "ON_REQUEST");
        SubmitEvent onRequest = new SubmitEvent(base.title(), base.type(), base.description(), base.languages(), base.start(),
                base.end(), null, base.location(), null, base.organizers(), List.of(), uniqueEmail("on-request"), "", false, "en");
        long id = EventsFixture.approved(rules, events, store, campaign, onRequest);
        Browser.Page page = visitor().get("/events/" + id);
        assertThat(page.doc().select("form.ask-form input[name=_csrf]")).isEmpty();

        CrossSite.forEach(CrossSite.fromElsewhere(port), this::visitor, (sender, attacker) -> CrossSite.assertRefused(
                attacker.submit(page, "form.ask-form", Map.of("email", uniqueEmail("asker"), "message", "Where?")), "en", sender));
        assertThat(addressRequests(id)).isZero();

        Browser own = CrossSite.sending(visitor(), CrossSite.fromThisSite(port).get("a page of this site"));
        Browser.Page sent = own.follow(own.submit(own.get("/events/" + id), "form.ask-form", Map.of("email", uniqueEmail("asker"), "message", "Where?")));
        assertThat(sent.text(".ask-address .notice")).startsWith("Your question was sent to the organizers.");
        assertThat(addressRequests(id)).isEqualTo(1);
    }

    @Test
    void theSubmissionApiRefusesABrowserPostFromAnotherSiteWithAProblemDetail() {
        String path = "/api/v1/campaigns/" + campaign.slug() + "/events";
        CrossSite.forEach(CrossSite.fromElsewhere(port), this::visitor, (sender, who) -> {
            String title = EventsFixture.title("Forged by API");
            Browser.Page refused = who.postRaw(path, "application/json", json(title));

            assertThat(ProblemDetails.assertProblem(refused, 403, path).path("detail").asString()).as(sender)
                    .isEqualTo(CrossSite.REFUSAL.get("en")[1]);
            assertThat(revisions(title)).as(sender).isZero();
        });
    }

    private Browser visitor() {
        return anotherBrowser().from(uniqueIp());
    }

    private long revisions(String title) {
        return db.sql("SELECT COUNT(*) FROM event_revision WHERE title = :title").param("title", title).query(Long.class).single();
    }

    private long addressRequests(long id) {
        return db.sql("SELECT COUNT(*) FROM audit_event WHERE target_type = 'event' AND target_id = :id AND action = 'events.address-requested'")
                .param("id", String.valueOf(id)).query(Long.class).single();
    }

    private byte[] json(String title) {
        return ("{\"title\":\"" + title + "\",\"type\":\"CONCERT\",\"description\":\"About it\",\"languages\":[\"en\"],"
                + "\"start\":\"2027-02-26T19:00\",\"end\":\"2027-02-26T22:00\",\"location\":{\"city\":\"Kyiv\",\"country\":\"UA\","
                + "\"visibility\":\"PUBLIC\"},\"contactEmail\":\"" + uniqueEmail("api") + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
