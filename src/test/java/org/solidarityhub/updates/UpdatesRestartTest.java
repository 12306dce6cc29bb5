package org.solidarityhub.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queuing survives restarts without mailing anyone twice: an update left half-queued (as by a crash) is taken up by the
 * pass that runs after a restart, and queuing its recipients again, even all of them, adds nobody to the outbox twice.
 */
class UpdatesRestartTest extends UpdatesTestSupport {

    @Autowired
    UpdateQueue queue;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.datasource.url}")
    String url;

    private String run;

    @AfterEach
    void erase() {
        if (run != null) {
            UpdatesVolumeTest.eraseRun(db, run);
        }
    }

    private long outboxRows(long id) {
        return db.sql("SELECT COUNT(*) FROM mail_outbox WHERE bulk_group = :g").param("g", UpdateStore.bulkGroup(id))
                .query(Long.class).single();
    }

    @Test
    void anUpdateLeftHalfQueuedIsTakenUpAfterARestartAndQueuingAgainMailsNobodyTwice() {
        run = UUID.randomUUID().toString().substring(0, 8);
        UpdatesVolumeTest.subscribers(db, url.startsWith("jdbc:postgresql"), run, "held.example.org", 300,
                Timestamps.toDb(clock.instant()));
        Map<String, String[]> texts = new LinkedHashMap<>();
        texts.put("en", new String[]{"Restart " + run, "Text."});
        long post = publishedPost(texts);
        Browser editor = signedIn(member(StaffRole.EDITOR));
        assertThat(postUpdate(editor, "/test", String.valueOf(post), "SUBSCRIBERS").isRedirect()).isTrue();
        Browser.Page sent = postUpdate(editor, "", String.valueOf(post), "SUBSCRIBERS");
        long id = Long.parseLong(sent.location().substring(sent.location().lastIndexOf('/') + 1));
        await("queued", Duration.ofSeconds(30), () -> db.sql("SELECT state FROM news_update WHERE id = :id").param("id", id)
                .query(String.class).single().equals("QUEUED"));
        long recipients = db.sql("SELECT recipients FROM news_update WHERE id = :id").param("id", id).query(Long.class).single();
        assertThat(recipients).isGreaterThanOrEqualTo(300);
        assertThat(outboxRows(id)).isEqualTo(recipients);

        // as if the instance died after the outbox took the mails and before it knew: every recipient PENDING again
        db.sql("UPDATE news_update SET state = 'QUEUEING', queued_at = NULL WHERE id = :id").param("id", id).update();
        db.sql("""
                        UPDATE news_update_recipient SET state = 'PENDING',
                               email = (SELECT s.email FROM news_subscriber s WHERE s.email_hash = news_update_recipient.email_hash)
                        WHERE update_id = :id""").param("id", id).update();
        queue.pass(); // what the scheduler runs after a restart
        assertThat(db.sql("SELECT state FROM news_update WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("QUEUED");
        assertThat(outboxRows(id)).as("nobody queued twice").isEqualTo(recipients);
        assertThat(db.sql("SELECT COUNT(*) FROM news_update_recipient WHERE update_id = :id AND state = 'QUEUED'")
                .param("id", id).query(Long.class).single()).isEqualTo(recipients);

        // the same chunk offered to the outbox again, by a second instance say: nothing is added
        db.sql("UPDATE news_update_recipient SET state = 'PENDING', email = 'x@held.example.org' WHERE update_id = :id")
                .param("id", id).update();
        Integer again = transactions.execute(status -> outbox.enqueueSelected(UpdateStore.CHUNK,
                UpdateStore.chunk(id, Long.MAX_VALUE), Outbox.Priority.BULK));
        assertThat(again).isZero();
        assertThat(outboxRows(id)).isEqualTo(recipients);
        db.sql("UPDATE news_update_recipient SET state = 'QUEUED', email = NULL WHERE update_id = :id").param("id", id).update();
    }
}
