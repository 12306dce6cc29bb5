package org.solidarityhub.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.DemoContent;
import org.solidarityhub.test.E2eScripts;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff area in Chromium with JavaScript off ({@code e2e/staff.mjs}): with the demo content of every feature, an
 * admin with every role follows the staff area's links; no page is wider than a 390-pixel phone, each has the staff
 * navigation with its section marked; screenshots at 390 and 1280 pixels go to target/e2e/staff.
 */
class StaffBrowserTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Autowired
    List<DemoContent> demos;

    @Test
    void noStaffPageIsWiderThanAPhoneWithJavaScriptOff() throws Exception {
        E2eScripts.requireBrowser();
        demos.forEach(DemoContent::load);
        StaffFixture.Member admin = staff.member(uniqueEmail("admin"), StaffRole.values());
        Path screenshots = Files.createDirectories(E2eScripts.screenshots("staff"));
        Duration clockOffset = Duration.between(Instant.now(), applicationClock.instant());

        E2eScripts.Run run = E2eScripts.run("staff.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port,
                "STAFF_EMAIL", admin.email(), "STAFF_PASSWORD", admin.password(), "TOTP_SECRET", admin.totpSecret(),
                "CLOCK_OFFSET_MS", Long.toString(clockOffset.toMillis()),
                "SHOTS", "/staff,/staff/audit,/staff/queue,/staff/appeals,/staff/events,/staff/fundraising,/staff/outbox",
                "SCREENSHOT_DIR", screenshots.toString()));
        assertThat(run.exitCode()).as("exit code of node e2e/staff.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");
    }
}
