package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.E2eScripts;
import org.springframework.beans.factory.annotation.Autowired;

/** A new person signs in a real browser with JavaScript off, confirms from the mail, and the count rises. */
class AppealBrowserTest extends AppealTestSupport {

    @Autowired
    StaffFixture staff;

    @Test
    void aNewSignerSignsWithoutJavaScriptConfirmsFromTheMailAndSeesTheCountRise() throws Exception {
        E2eScripts.requireBrowser();
        appeal = newAppeal(1000);
        // five signers already, so that the count the browser watches is exact (smaller ones read "fewer than 5")
        for (int i = 0; i < 5; i++) {
            signAndConfirm(individual("Earlier signer " + i, uniqueEmail("earlier"), "HIDDEN"));
        }
        count();
        String signer = uniqueEmail("browser-signer");
        StaffFixture.Member admin = staff.member(uniqueEmail("outbox-reader"), StaffRole.ADMIN);
        Duration clockOffset = Duration.between(Instant.now(), applicationClock.instant());

        E2eScripts.Run run = E2eScripts.run("appeal.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port,
                "APPEAL_SLUG", appeal.slug(),
                "SIGNER_EMAIL", signer,
                "STAFF_EMAIL", admin.email(),
                "STAFF_PASSWORD", admin.password(),
                "TOTP_SECRET", admin.totpSecret(),
                "CLOCK_OFFSET_MS", Long.toString(clockOffset.toMillis()),
                "SCREENSHOT_DIR", E2eScripts.screenshots("appeal").toString()));

        assertThat(run.exitCode()).as("exit code of node e2e/appeal.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");
        assertThat(row(signer)).containsEntry("status", "CONFIRMED").containsEntry("display", "FULL_NAME")
                .containsEntry("counted", true);
    }
}
