package org.solidarityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * The site in a real browser: runs {@code e2e/smoke.mjs} (Debian's Chromium through playwright-core, with
 * JavaScript disabled) against this test's running app. The script checks the home page, that no request
 * leaves the site's origin, the language switch, and a staff sign-in with password and TOTP code.
 */
class BrowserEndToEndTest extends WebTest {

    @Autowired
    StaffFixture fixture;

    @Test
    void homePageWorksWithoutJavaScriptAndStaffSignInWithPasswordAndTotp() throws Exception {
        E2eScripts.requireBrowser();
        StaffFixture.Member admin = fixture.member(uniqueEmail("e2e"), StaffRole.ADMIN);
        // The test clock may run ahead of real time (tests move it to a new TOTP step); the script adds this.
        Duration clockOffset = Duration.between(Instant.now(), applicationClock.instant());
        Path screenshots = E2eScripts.screenshots("smoke");

        E2eScripts.Run run = E2eScripts.run("smoke.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port,
                "STAFF_EMAIL", admin.email(),
                "STAFF_PASSWORD", admin.password(),
                "TOTP_SECRET", admin.totpSecret(),
                "CLOCK_OFFSET_MS", Long.toString(clockOffset.toMillis()),
                "SCREENSHOT_DIR", screenshots.toString()));

        assertThat(run.exitCode()).as("exit code of node e2e/smoke.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");
        try (var files = Files.list(screenshots)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("screenshots in %s", screenshots)
                    .contains("01-home.png", "04-home-en.png", "06-staff-home.png");
        }
        // The server, not just the page, saw the browser sign in: one audit entry for this member.
        long signIns = db.sql("SELECT count(*) FROM audit_event WHERE action = 'staff.signed-in' AND actor_id = :id")
                .param("id", admin.id()).query(Long.class).single();
        assertThat(signIns).isEqualTo(1);
    }
}
