package org.solidarityhub.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;

/**
 * What the submissions tests share: an appeal and a campaign of their own (made in SQL: their features keep
 * their classes to themselves), and submitting to both through their public forms, as people do.
 */
abstract class SubmissionsTestSupport extends WebTest {

    static final String BASE = "http://hub.test";

    /** A new open appeal with an English text; returns its slug. */
    String newAppeal() {
        String slug = "subm-" + UUID.randomUUID().toString().substring(0, 12);
        db.sql("INSERT INTO appeal (slug, default_language, state, goal, created_at) VALUES (:slug, 'en', 'OPEN', NULL, :now)")
                .param("slug", slug).param("now", Timestamps.toDb(clock.instant())).update();
        long id = db.sql("SELECT id FROM appeal WHERE slug = :slug").param("slug", slug).query(Long.class).single();
        db.sql("""
                        INSERT INTO appeal_revision (appeal_id, language, number, title, body, note, created_at, created_by)
                        VALUES (:id, 'en', 1, :title, 'We call for solidarity.', NULL, :now, 'test')""")
                .param("id", id).param("title", "Appeal " + slug).param("now", Timestamps.toDb(clock.instant())).update();
        return slug;
    }

    /** A new campaign (a week of action in February 2027); returns its slug. */
    String newCampaign() {
        String slug = "subm-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("INSERT INTO campaign (slug, starts_on, ends_on, created_at) VALUES (:slug, :starts, :ends, :now)")
                .param("slug", slug).param("starts", LocalDate.of(2027, 2, 24)).param("ends", LocalDate.of(2027, 3, 3))
                .param("now", Timestamps.toDb(clock.instant())).update();
        long id = db.sql("SELECT id FROM campaign WHERE slug = :slug").param("slug", slug).query(Long.class).single();
        for (String language : List.of("en", "uk")) {
            db.sql("INSERT INTO campaign_text (campaign_id, language, name, description) VALUES (:id, :language, 'Week', 'Of a test.')")
                    .param("id", id).param("language", language).update();
        }
        return slug;
    }

    /** Signs an appeal with the individual form, as a person with an address of their own. */
    Browser.Page sign(Browser who, String appealSlug, String email, Map<String, Object> extra) {
        Map<String, Object> fields = new HashMap<>(Map.of("name", "Signer", "email", email, "country", "BE",
                "city", "Brussels", "display", "HIDDEN"));
        fields.putAll(extra);
        Browser.Page page = who.get("/en/appeals/" + appealSlug);
        assertThat(page.status()).isEqualTo(200);
        return who.submit(page, "#sign-individual", fields);
    }

    /** Submits an event with the public form. */
    Browser.Page submitEvent(Browser who, String campaignSlug, String title, String email, Map<String, Object> extra) {
        Map<String, Object> fields = EventsFixture.brussels(title, email);
        fields.putAll(extra);
        Browser.Page form = who.get("/en/events/new?campaign=" + campaignSlug);
        assertThat(form.status()).isEqualTo(200);
        return who.submit(form, "form.event-form", fields);
    }

    /** The path of the first link with that prefix in the newest of {@code count} mails to an address. */
    String mailedPath(String email, int count, String prefix) {
        List<MimeMessage> mails = TestMailServer.await(email, count, Duration.ofSeconds(10));
        return TestMailServer.link(mails.get(mails.size() - 1), BASE + prefix).substring(BASE.length());
    }

    long mailsTo(String email) {
        return db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :email").param("email", email).query(Long.class).single();
    }

    /** Presses the one button of a link's page (the GET page acts on nothing). */
    Browser.Page press(Browser who, String path, String form) {
        Browser.Page page = who.get(path);
        assertThat(page.status()).isEqualTo(200);
        return who.submit(page, form);
    }

    long signatureId(String email) {
        return db.sql("SELECT id FROM signature WHERE email = :email").param("email", email).query(Long.class).single();
    }

    long eventId(String email) {
        return db.sql("SELECT id FROM event WHERE contact_email = :email").param("email", email).query(Long.class).single();
    }
}
