package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.solidarityhub.test.LogCanary;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 8, finding 1: a database failure while the outbox sends a mail logs nothing of its recipient. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxLogPrivacyTest extends WebTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformProperties properties;

    @Autowired
    ObjectProvider<JavaMailSender> smtp;

    @Test
    void aSendThatLosesItsConnectionLogsNoRecipientData(CapturedOutput output) throws Exception {
        LogCanary canary = new LogCanary();
        // due tomorrow, where the application's own sender does not look yet
        Instant due = applicationClock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long id = transaction.execute(status -> {
            long stored = outbox.enqueue(canary.email, "Please confirm, " + canary.name,
                    "Dear " + canary.name + ",\nyou signed from " + canary.ip + ".\n");
            db.sql("UPDATE mail_outbox SET next_attempt_at = :due WHERE id = :id")
                    .param("due", Timestamps.toDb(due)).param("id", stored).update();
            return stored;
        });
        OutboxSender sender = new OutboxSender(db, Clock.fixed(due, ZoneOffset.UTC), smtp, properties);
        try (AutoCloseable failing = LogCanary.failWritesOf(db, "mail_outbox"); AutoCloseable verbose = LogCanary.verbose()) {
            sender.poll(); // the scheduled path: the failure is caught and logged
            assertThatThrownBy(sender::sendDue).isInstanceOf(RuntimeException.class);
        } finally {
            db.sql("DELETE FROM mail_outbox WHERE id = :id").param("id", id).update();
        }
        assertThat(output.getAll()).as("the failure was logged").contains("08006");
        canary.assertAbsentFrom(output.getAll());
    }
}
