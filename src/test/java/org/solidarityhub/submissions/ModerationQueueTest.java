package org.solidarityhub.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

class ModerationQueueTest extends SubmissionsTestSupport {

    @Autowired
    StaffFixture staff;

    private Browser signedIn(StaffRole role) {
        Browser member = anotherBrowser();
        staff.signIn(member, staff.member(uniqueEmail("queue"), role));
        return member;
    }

    @Test
    void theQueuePageListsWhatWaitsInEveryFeature() {
        // an event, submitted and confirmed by its submitter
        String campaign = newCampaign();
        String submitter = uniqueEmail("queued-event");
        String title = "Queued " + java.util.UUID.randomUUID().toString().substring(0, 8);
        Browser person = anotherBrowser().from(uniqueIp());
        submitEvent(person, campaign, title, submitter, Map.of());
        press(person, mailedPath(submitter, 1, "/en/events/manage/"), "form.confirm-form");
        long event = eventId(submitter);
        // a signature with a comment, confirmed by its signer
        String appeal = newAppeal();
        String signer = uniqueEmail("queued-comment");
        Browser other = anotherBrowser().from(uniqueIp());
        sign(other, appeal, signer, Map.of("comment", "Slava Ukraini"));
        press(other, mailedPath(signer, 1, "/en/appeal/confirm/"), "main form");
        long appealId = db.sql("SELECT id FROM appeal WHERE slug = :slug").param("slug", appeal).query(Long.class).single();

        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser.Page queue = moderator.get("/staff/queue");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.text("h1")).isEqualTo("Moderation queue");
        assertThat(queue.doc().select("h2 a").eachText()).contains("Events to moderate", "Appeal signatures to review");
        assertThat(queue.doc().select("h2 a").eachAttr("href")).contains("/staff/events", "/staff/appeals");
        assertThat(queue.doc().select("a[href=/staff/events/" + event + "]").text()).isEqualTo(title);
        assertThat(queue.doc().select("a[href=/staff/appeals/" + appealId + "/review]").text())
                .startsWith("Appeal " + appeal).endsWith(": 1 signer's comment to moderate");
        // nothing personal on the page
        assertThat(queue.body()).doesNotContain(submitter).doesNotContain(signer);

        Browser.Page ukrainian = moderator.acceptLanguage("uk").get("/staff/queue");
        assertThat(ukrainian.text("h1")).isEqualTo("Черга модерації");
        moderator.acceptLanguage("en");

        // approved, the event no longer waits
        Browser.Page review = moderator.get("/staff/events/" + event);
        moderator.submit(review, "form.approve-form");
        assertThat(moderator.get("/staff/queue").doc().select("a[href=/staff/events/" + event + "]")).isEmpty();
    }

    @Test
    void onlyModeratorsSeeTheQueueAndTheirHomeLinksToIt() {
        assertThat(signedIn(StaffRole.EDITOR).get("/staff/queue").status()).isEqualTo(403);
        assertThat(anotherBrowser().get("/staff/queue").status()).isEqualTo(302);
        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser.Page home = moderator.get("/staff");
        assertThat(home.doc().select(".cards a[href=/staff/queue]")).hasSize(1);
        assertThat(home.doc().select("nav.staff-nav a[href=/staff/queue]")).hasSize(1);
        assertThat(signedIn(StaffRole.EDITOR).get("/staff").doc().select("a[href=/staff/queue]")).isEmpty();
    }
}
