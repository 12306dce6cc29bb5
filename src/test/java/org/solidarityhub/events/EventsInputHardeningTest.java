package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.json.JsonMapper;

/** Indexed parameters on the event forms and control characters in JSON submissions: a 400, never a 500. */
@ExtendWith(OutputCaptureExtension.class)
class EventsInputHardeningTest extends WebTest {

    @Autowired
    Campaigns campaigns;

    Campaign campaign;

    @BeforeEach
    void campaign() {
        campaign = EventsFixture.newCampaign(campaigns);
    }

    @Test
    void indexedOrganizationFieldsOnTheEventFormGetA400WithoutAnErrorInTheLog(CapturedOutput log) {
        for (String name : new String[]{"organizationName[300]", "organizationName[0]", "organizationCountry[1]", "location.city"}) {
            Map<String, Object> fields = EventsFixture.brussels("Indexed " + name, "idx-" + campaign.slug() + "@example.org");
            fields.put(name, "x");
            Browser.Page page = EventsFixture.submit(anotherBrowser(), campaign, fields);
            assertThat(page.status()).as(name).isEqualTo(400);
            assertThat(page.body()).as(name).contains("brackets or dots").doesNotContain("Exception");
        }
        Browser.Page address = anotherBrowser().post("/en/events/1/address-request", Map.of("name[0]", "x"));
        assertThat(address.status()).isEqualTo(400);
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("InvalidPropertyException");
    }

    @Test
    void aNulInAnyTextOfAJsonSubmissionIsRefusedWithTheReasonAndTheField() {
        Browser.Page page = anotherBrowser().postRaw("/api/v1/campaigns/" + campaign.slug() + "/events", "application/json", """
                {"title":"Rally","languages":["en\\u0000"],"organizations":[{"name":"A\\u0000","country":"BE"}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(400);
        var body = JsonMapper.builder().build().readTree(page.body());
        assertThat(body.get("reason").asString()).contains("control characters");
        assertThat(body.get("errors").get("languages[0]").asString()).contains("control characters");
    }
}
