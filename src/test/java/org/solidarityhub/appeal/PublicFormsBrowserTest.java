package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.test.E2eScripts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The public forms in a real browser (e2e/public-forms.mjs): with JavaScript off a reader signs the appeal and
 * submits an event; a page of another origin that auto-submits the same forms gets the clear refusal, and
 * nothing of it is stored.
 */
class PublicFormsBrowserTest extends AppealTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void withJavaScriptOffTheFormsWorkAndAPageOfAnotherSiteCannotPostThem() throws Exception {
        E2eScripts.requireBrowser();
        appeal = newAppeal(null);
        String campaign = EventsFixture.newCampaignSlug(context);
        String signer = uniqueEmail("browser-signer");
        String organizer = uniqueEmail("browser-organizer");
        String forgedEmail = uniqueEmail("forged");
        String title = "Vigil in Brussels " + UUID.randomUUID().toString().substring(0, 8);
        String forgedTitle = "Forged event " + UUID.randomUUID().toString().substring(0, 8);
        Path screenshots = E2eScripts.screenshots("public-forms");

        E2eScripts.Run run = E2eScripts.run("public-forms.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port,
                "APPEAL_SLUG", appeal.slug(),
                "CAMPAIGN_SLUG", campaign,
                "SIGNER_EMAIL", signer,
                "ORGANIZER_EMAIL", organizer,
                "EVENT_TITLE", title,
                "FORGED_EMAIL", forgedEmail,
                "FORGED_TITLE", forgedTitle,
                // an address of its own, so this signature leaves 127.0.0.1's per-address limit to AppealBrowserTest
                "CLIENT_ADDRESS", uniqueIp(),
                "SCREENSHOT_DIR", screenshots.toString()));

        assertThat(run.exitCode()).as("exit code of node e2e/public-forms.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");
        try (var files = Files.list(screenshots)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("screenshots in %s", screenshots)
                    .contains("01-signed.png", "02-event-submitted.png", "03-forged-signature.png", "04-forged-event.png");
        }
        // what the reader sent is stored; what the other site sent is not
        assertThat(row(signer)).containsEntry("status", "PENDING").containsEntry("name", "Olena Kovalenko")
                .containsEntry("flagged", false);
        assertThat(eventRevisions(title)).isEqualTo(1);
        assertThat(rows(forgedEmail)).isZero();
        assertThat(eventRevisions(forgedTitle)).isZero();
    }

    private long eventRevisions(String title) {
        return db.sql("SELECT COUNT(*) FROM event_revision WHERE title = :title").param("title", title).query(Long.class).single();
    }
}
