package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.E2eScripts;

/**
 * The appeal on a phone in a real browser (e2e/appeal-phone.mjs): at 390 pixels with JavaScript off the Sign button
 * is in the first screen, the page is no wider than the screen, one tap brings the form, and after signing the
 * share links are there; at 1280 the form stands beside the text.
 */
class AppealPhoneBrowserTest extends AppealTestSupport {

    @Test
    void onAPhoneWithoutJavaScriptTheSignButtonIsInTheFirstScreenAndOneTapBringsTheForm() throws Exception {
        E2eScripts.requireBrowser();
        appeal = newAppeal(null);
        appeals.revise(appeal.id(), "en", "Stop the Russian war of aggression! Peace for Ukraine!",
                AppealDemoContent.BODY_EN_2, null, "test");
        appeals.revise(appeal.id(), "uk", AppealDemoContent.TITLE_UK, AppealDemoContent.BODY_UK, null, "test");
        String signer = uniqueEmail("phone-signer");
        Path screenshots = E2eScripts.screenshots("appeal-phone");

        E2eScripts.Run run = E2eScripts.run("appeal-phone.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port,
                "APPEAL_SLUG", appeal.slug(),
                "SIGNER_EMAIL", signer,
                "CLIENT_ADDRESS", uniqueIp(),
                "SCREENSHOT_DIR", screenshots.toString()));

        assertThat(run.exitCode()).as("exit code of node e2e/appeal-phone.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");
        try (var files = Files.list(screenshots)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("screenshots in %s", screenshots)
                    .contains("01-phone-first-screen.png", "02-phone-signed-share.png", "03-desktop.png", "04-phone-uk.png");
        }
        assertThat(row(signer)).containsEntry("status", "PENDING").containsEntry("flagged", false);
    }
}
