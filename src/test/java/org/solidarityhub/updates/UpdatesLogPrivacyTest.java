package org.solidarityhub.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.LogCanary;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Subscriber addresses never reach a log: not when subscribing works, nor when its write fails, at any level. */
@ExtendWith(OutputCaptureExtension.class)
class UpdatesLogPrivacyTest extends UpdatesTestSupport {

    @Test
    void subscribingUnsubscribingAndAFailedWriteLogNothingOfTheSubscriber(CapturedOutput output) throws Exception {
        LogCanary canary = new LogCanary();
        Browser.Page answer;
        try (AutoCloseable verbose = LogCanary.verbose()) {
            try (AutoCloseable failing = LogCanary.failWritesOf(db, "news_subscriber")) {
                Browser reader = anotherBrowser().from(canary.ip);
                answer = reader.submit(reader.get("/en/news/subscribe"), "form.subscribe-form", Map.of("email", canary.email));
            }
            assertThat(answer.status()).as("the write failed").isGreaterThanOrEqualTo(500);
            subscribe("en", canary.email);
            String token = db.sql("SELECT unsubscribe_token FROM news_subscriber WHERE email = :e").param("e", canary.email)
                    .query(String.class).single();
            Browser.Page done = anotherBrowser().post("/en/news/unsubscribe/" + token, Map.of("List-Unsubscribe", "One-Click"));
            assertThat(done.status()).isEqualTo(200);
        }
        assertThat(output.getAll()).as("the failure was logged").contains("08006");
        canary.assertAbsentFrom(output.getAll());
    }
}
