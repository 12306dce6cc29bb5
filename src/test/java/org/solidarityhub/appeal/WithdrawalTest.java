package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;

/** Withdrawing reaches every copy of the signer's data, the mails queued or kept in the outbox included. */
class WithdrawalTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    @Test
    void withdrawingErasesEveryMailToTheSignerFromTheOutboxSoNoneIsSent() throws Exception {
        String email = uniqueEmail("withdraws");
        String bystander = uniqueEmail("bystander");
        Browser who = person();
        assertThat(signAsIndividual(who, individual("Hanna Leś", email, "HIDDEN")).location()).endsWith("/signed");
        String withdraw = path(mail(email, 1), "/en/appeal/withdraw/");
        // a mail to the signer still waiting (claimed far ahead, so the test's poller leaves it queued), and one to
        // somebody else that must stay
        queue(email);
        queue(bystander);
        assertThat(mailsTo(email)).isEqualTo(2);

        Browser.Page done = who.submit(who.get(withdraw), "main form");
        assertThat(done.text("h1")).isEqualTo("Your signature is withdrawn");

        assertThat(mailsTo(email)).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE LOWER(recipient) LIKE :a OR body LIKE :b")
                .param("a", "%" + email.toLowerCase(java.util.Locale.ROOT) + "%").param("b", "%" + email + "%")
                .query(Long.class).single()).isZero();
        assertThat(mailsTo(bystander)).isEqualTo(1);
        // the poller runs every 250 ms: nothing more reaches the signer
        Thread.sleep(1_000);
        assertThat(TestMailServer.to(email)).hasSize(1);
    }

    private void queue(String to) {
        db.sql("""
                        INSERT INTO mail_outbox (recipient, subject, body, created_at, attempts, next_attempt_at, claimed_until)
                        VALUES (:to, 'Reminder', 'A reminder', CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP, :claimed)""")
                .param("to", to)
                .param("claimed", applicationClock.instant().plus(Duration.ofDays(30)).atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    private long mailsTo(String address) {
        return db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to").param("to", address).query(Long.class).single();
    }

}
