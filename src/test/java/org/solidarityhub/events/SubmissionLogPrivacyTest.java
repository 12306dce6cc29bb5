package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.LogCanary;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Issue 8, finding 1: a database failure while an event is submitted logs nothing of its organizer. */
@ExtendWith(OutputCaptureExtension.class)
class SubmissionLogPrivacyTest extends WebTest {

    @Autowired
    Campaigns campaigns;

    @Test
    void aSubmissionThatLosesItsConnectionLogsNoOrganizerData(CapturedOutput output) throws Exception {
        LogCanary canary = new LogCanary();
        Campaign campaign = EventsFixture.newCampaign(campaigns);
        Map<String, Object> fields = EventsFixture.brussels(EventsFixture.title("Vigil"), canary.email);
        fields.put("organizers", canary.name);
        Browser.Page answer;
        try (AutoCloseable failing = LogCanary.failWritesOf(db, "event"); AutoCloseable verbose = LogCanary.verbose()) {
            answer = EventsFixture.submit(anotherBrowser().from(canary.ip), campaign, fields);
        }
        assertThat(answer.status()).as("the write failed").isGreaterThanOrEqualTo(500);
        assertThat(output.getAll()).as("the failure was logged").contains("08006");
        canary.assertAbsentFrom(output.getAll());
    }
}
