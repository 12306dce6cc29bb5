package org.solidarityhub.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.E2eScripts;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser with JavaScript off: the home page and /design are not wider than a 390-pixel phone, the header
 * stays one row with a menu that opens without a script, and the Sign button is on the first screen (e2e/design.mjs).
 */
class DesignBrowserTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Test
    void theHomePageAndTheDesignPageFitA390PixelPhoneWithJavaScriptOff() throws Exception {
        E2eScripts.requireBrowser();
        StaffFixture.Member editor = staff.member(uniqueEmail("design-browser"), StaffRole.EDITOR);
        Duration clockOffset = Duration.between(Instant.now(), applicationClock.instant());

        E2eScripts.Run run = E2eScripts.run("design.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port,
                "STAFF_EMAIL", editor.email(),
                "STAFF_PASSWORD", editor.password(),
                "TOTP_SECRET", editor.totpSecret(),
                "CLOCK_OFFSET_MS", Long.toString(clockOffset.toMillis()),
                "SCREENSHOT_DIR", E2eScripts.screenshots("design").toString()));

        assertThat(run.exitCode()).as("exit code of node e2e/design.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");
    }
}
