package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signer from Belarus who chose to be counted only must not show as "BY: 1": groups below the threshold
 * (5) are published as "fewer than 5" in the pages and the API; staff see the exact numbers.
 */
class SmallCountsTest extends AppealTestSupport {

    @Autowired
    StaffFixture staff;

    @Autowired
    AppealProperties properties;

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(100);
    }

    @Test
    void aCountryWithFewerSignersThanTheThresholdIsPublishedOnlyAsFewerThanIt() {
        assertThat(properties.smallCountThreshold()).isEqualTo(5);
        Map<String, Object> belarus = individual("Ales", uniqueEmail("by"), "HIDDEN");
        belarus.put("country", "BY");
        belarus.put("city", "");
        signAndConfirm(belarus);
        count();

        // alone: the total, the individuals and Belarus are all "fewer than 5"
        JsonNode alone = api();
        assertThat(alone.get("counts").toString())
                .isEqualTo("{\"total\":{\"fewerThan\":5},\"individuals\":{\"fewerThan\":5},\"organizations\":0,"
                        + "\"byCountry\":{\"BY\":{\"fewerThan\":5}}}");
        Browser.Page page = anotherBrowser().get("/en/appeals/" + appeal.slug());
        assertThat(page.text(".count-number")).isEqualTo("fewer than 5");
        assertThat(page.text(".count-split")).isEqualTo("0 organizations, fewer than 5 individuals");
        assertThat(page.doc().select("progress").attr("value")).isEqualTo("0");
        assertThat(page.text(".count-box")).doesNotContain("1%");
        assertThat(page.doc().select("meta[property=og:description]").attr("content")).contains("fewer than 5").doesNotContain(" 1 ");

        for (int i = 0; i < 5; i++) {
            signAndConfirm(individual("Anna " + i, uniqueEmail("be"), "FULL_NAME"));
        }
        count();

        JsonNode published = api().get("counts");
        assertThat(published.get("total").asLong()).isEqualTo(6);
        assertThat(published.get("individuals").asLong()).isEqualTo(6);
        assertThat(published.get("byCountry").get("BE").asLong()).isEqualTo(5);
        assertThat(published.get("byCountry").get("BY").toString()).isEqualTo("{\"fewerThan\":5}");
        assertThat(anotherBrowser().get("/api/v1/appeals", "Accept", "application/json").body())
                .contains("\"BY\":{\"fewerThan\":5}").doesNotContain("\"BY\":1");

        Browser.Page byCountry = anotherBrowser().get("/en/appeals/" + appeal.slug() + "/countries");
        assertThat(byCountry.text("h1 + p")).isEqualTo("6 signatures from 2 countries");
        assertThat(byCountry.text("tbody tr:nth-child(1)")).isEqualTo("Belgium 5");
        assertThat(byCountry.text("tbody tr:nth-child(2)")).isEqualTo("Belarus fewer than 5");
        Browser.Page ukrainian = anotherBrowser().acceptLanguage("uk").get("/uk/appeals/" + appeal.slug() + "/countries");
        assertThat(ukrainian.text("tbody tr:nth-child(2)")).endsWith("менше ніж 5");

        // staff see the exact numbers
        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
        assertThat(moderator.get("/staff/appeals/" + appeal.id()).body()).contains("0 organizations, 6 individuals");
        assertThat(counts.of(appeal.id()).byCountry()).containsEntry("BY", 1L);
    }

    private JsonNode api() {
        Browser.Page page = anotherBrowser().get("/api/v1/appeals/" + appeal.slug(), "Accept", "application/json");
        assertThat(page.status()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(page.body());
    }
}
