package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.E2eScripts;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The events pages in a real browser at 390 and 1280 pixels, with JavaScript on and off (e2e/events-phone.mjs): the
 * list, an event with a long address and the form are never wider than the window, and the event page keeps its
 * when-and-where block, its links, a map that names places, and the data credits once.
 */
class EventsPhoneBrowserTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    @Test
    void theListTheEventAndTheFormFitAPhoneWithAndWithoutJavaScript() throws Exception {
        E2eScripts.requireBrowser();
        Campaign campaign = EventsFixture.newCampaign(campaigns);
        SubmitEvent base = EventsFixture.event("Peace for Ukraine, no to the Russian war!", "DEMONSTRATION", "2027-02-25T13:00",
                "2027-02-25T16:00", null, "Brussels", "BE", "PUBLIC");
        SubmitEvent.Location place = new SubmitEvent.Location("Corner of Koning Albert II Laan and Boulevard d’Anvers",
                "Koning-Albert-II-Laan-en-Boulevard-d’Anvers-hoek-bij-het-Noordstation", base.location().city(),
                base.location().country(), base.location().latitude(), base.location().longitude(), base.location().visibility());
        long id = EventsFixture.approved(rules, events, store, campaign, new SubmitEvent(base.title(), base.type(), base.description(),
                base.languages(), base.start(), base.end(), base.timezone(), place, base.onlineUrl(), base.organizers(),
                base.organizations(), base.contactEmail(), base.accessibility(), base.speakerRequested(), base.language()));
        SubmitEvent panel = EventsFixture.event("Online panel on the shadow fleet", "ONLINE_EVENT", "2027-02-27T19:00",
                "2027-02-27T21:00", "Europe/Kyiv", null, null, null);
        EventsFixture.approved(rules, events, store, campaign, new SubmitEvent(panel.title(), panel.type(), panel.description(),
                panel.languages(), panel.start(), panel.end(), panel.timezone(), null, "https://meet.example.org/a-very-long-meeting-link-that-does-not-break-by-itself",
                panel.organizers(), panel.organizations(), panel.contactEmail(), panel.accessibility(), panel.speakerRequested(), panel.language()));
        for (String javaScript : List.of("on", "off")) {
            Path screenshots = E2eScripts.screenshots("events-phone-" + javaScript);
            E2eScripts.Run run = E2eScripts.run("events-phone.mjs", Map.of(
                    "BASE_URL", "http://localhost:" + port,
                    "CAMPAIGN_SLUG", campaign.slug(),
                    "EVENT_ID", String.valueOf(id),
                    "JAVASCRIPT", javaScript,
                    "SCREENSHOT_DIR", screenshots.toString()));
            assertThat(run.exitCode()).as("node e2e/events-phone.mjs with JavaScript %s printed:\n%s", javaScript, run.output()).isZero();
            assertThat(run.output()).contains("PASS all steps");
            try (var files = Files.list(screenshots)) {
                assertThat(files.count()).as("screenshots in %s", screenshots).isGreaterThanOrEqualTo(8);
            }
        }
    }
}
