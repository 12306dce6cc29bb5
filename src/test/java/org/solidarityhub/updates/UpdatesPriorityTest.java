package org.solidarityhub.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.springframework.beans.factory.annotation.Value;

/**
 * Bulk mail never delays a confirmation: while an update to 10,000 subscribers waits in the outbox and flows to the
 * SMTP server, a reader who subscribes gets the confirmation mail at once, long before the update has left.
 */
class UpdatesPriorityTest extends UpdatesTestSupport {

    static final int BULK = 10_000;

    @Value("${spring.datasource.url}")
    String url;

    private String run;

    @AfterEach
    void erase() {
        if (run != null) {
            UpdatesVolumeTest.eraseRun(db, run);
        }
    }

    @Test
    void aConfirmationMailLeavesBeforeTenThousandBulkMailsThatWaitedBeforeIt() {
        run = UUID.randomUUID().toString().substring(0, 8);
        UpdatesVolumeTest.subscribers(db, url.startsWith("jdbc:postgresql"), run, "example.net", BULK, Timestamps.toDb(clock.instant()));
        Map<String, String[]> texts = new LinkedHashMap<>();
        texts.put("en", new String[]{"Bulk " + run, "An update for everyone."});
        long post = publishedPost(texts);
        Browser editor = signedIn(member(StaffRole.EDITOR));
        assertThat(postUpdate(editor, "/test", String.valueOf(post), "SUBSCRIBERS").isRedirect()).isTrue();
        Browser.Page sent = postUpdate(editor, "", String.valueOf(post), "SUBSCRIBERS");
        long id = Long.parseLong(sent.location().substring(sent.location().lastIndexOf('/') + 1));
        String group = UpdateStore.bulkGroup(id);
        await("the update queued and flowing", Duration.ofSeconds(60), () -> db.sql(
                "SELECT COUNT(sent_at) FROM mail_outbox WHERE bulk_group = :g").param("g", group).query(Long.class).single() > 0
                && db.sql("SELECT state FROM news_update WHERE id = :id").param("id", id).query(String.class).single().equals("QUEUED"));
        long waitingBefore = db.sql("SELECT COUNT(*) FROM mail_outbox WHERE bulk_group = :g AND sent_at IS NULL")
                .param("g", group).query(Long.class).single();

        String reader = uniqueEmail("reader-first");
        Browser browser = anotherBrowser().from(uniqueIp());
        Browser.Page form = browser.get("/en/news/subscribe");
        assertThat(browser.submit(form, "form.subscribe-form", Map.of("email", reader)).isRedirect()).isTrue();
        TestMailServer.await(reader, 1, Duration.ofSeconds(30));

        await("the confirmation recorded as sent", Duration.ofSeconds(10), () -> db.sql(
                "SELECT COUNT(sent_at) FROM mail_outbox WHERE recipient = :r").param("r", reader).query(Long.class).single() == 1);
        Instant confirmationSent = db.sql("SELECT sent_at FROM mail_outbox WHERE recipient = :r").param("r", reader)
                .query((rs, n) -> Timestamps.fromDb(rs, "sent_at")).single();
        long bulkLeftAfter = db.sql("""
                        SELECT COUNT(*) FROM mail_outbox WHERE bulk_group = :g AND (sent_at IS NULL OR sent_at > :at)""")
                .param("g", group).param("at", Timestamps.toDb(confirmationSent)).query(Long.class).single();
        System.out.printf("UPDATES PRIORITY: %,d bulk mails waited when the reader subscribed; %,d of them left after the confirmation%n",
                waitingBefore, bulkLeftAfter);
        assertThat(waitingBefore).isGreaterThan(BULK / 2);
        assertThat(bulkLeftAfter).as("the confirmation overtook the waiting bulk mail").isGreaterThan(BULK / 4);
    }
}
