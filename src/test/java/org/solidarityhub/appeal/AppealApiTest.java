package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class AppealApiTest extends AppealTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @org.springframework.beans.factory.annotation.Autowired
    PlatformProperties platform;

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(500);
    }

    private JsonNode get(String path, String language) {
        Browser.Page page = anotherBrowser().acceptLanguage(language).get(path, "Accept", "application/json");
        assertThat(page.status()).as(path).isEqualTo(200);
        return json.readTree(page.body());
    }

    @Test
    void signsAnIndividualAndAnOrganizationLikeAPartnerSiteWould() {
        String email = uniqueEmail("api");
        Browser partner = person();
        Browser.Page accepted = partner.postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures", "application/json", """
                {"kind":"INDIVIDUAL","name":"Olena K.","email":"%s","country":"BE","city":"Brussels","display":"FULL_NAME","comment":"","updates":false,"language":"en"}"""
                .formatted(email).getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(json.readTree(accepted.body()).get("status").asString()).isEqualTo("PENDING");
        assertThat(row(email)).containsEntry("status", "PENDING").containsEntry("display", "FULL_NAME").containsEntry("updates", false);
        assertThat(TestMailServer.subject(mail(email, 1))).startsWith("Please confirm your signature");

        String contact = uniqueEmail("api-org");
        Browser.Page organization = person().postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures", "application/json", """
                {"kind":"ORGANIZATION","organization":{"name":"Union of Ukrainian Women in Belgium %s","country":"BE","website":"https://example.org"},"contactName":"Natalia","email":"%s","comment":"","language":"uk"}"""
                .formatted(appeal.slug(), contact).getBytes(StandardCharsets.UTF_8));
        assertThat(organization.status()).isEqualTo(202);
        assertThat(row(contact)).containsEntry("kind", "ORGANIZATION").containsEntry("name", "Natalia").containsEntry("language", "uk")
                .containsEntry("review", "PENDING");
        assertThat(TestMailServer.subject(mail(contact, 1))).startsWith("Будь ласка, підтвердьте підпис");
    }

    @Test
    void describesAnAppealWithItsCountsAndServesThemCacheable() {
        signAndConfirm(individual("Anna", uniqueEmail("a"), "FULL_NAME"));
        Map<String, Object> pl = individual("Piotr", uniqueEmail("p"), "HIDDEN");
        pl.put("country", "PL");
        signAndConfirm(pl);
        count();

        Browser.Page page = anotherBrowser().get("/api/v1/appeals/" + appeal.slug(), "Accept", "application/json");
        // a change shows within the page cache's documented delay (docs/caching.md)
        PlatformProperties.Pages lifetimes = platform.pages();
        assertThat(page.header("cache-control").orElse("")).contains("public").contains("max-age=" + lifetimes.liveMaxAge().toSeconds())
                .contains("stale-while-revalidate=" + lifetimes.liveStale().toSeconds());
        assertThat(page.header("etag")).isPresent();
        JsonNode body = json.readTree(page.body());
        assertThat(body.get("slug").asString()).isEqualTo(appeal.slug());
        assertThat(body.get("title").asString()).startsWith("Peace for Ukraine");
        assertThat(body.get("language").asString()).isEqualTo("en");
        assertThat(body.get("languages").toString()).isEqualTo("[\"en\",\"uk\"]");
        assertThat(body.get("revision").asInt()).isEqualTo(1);
        assertThat(body.get("goal").asInt()).isEqualTo(500);
        // two signatures, one per country: every group is below the threshold of 5 (see SmallCountsTest)
        assertThat(body.get("counts").get("total").get("fewerThan").asLong()).isEqualTo(5);
        assertThat(body.get("counts").get("individuals").get("fewerThan").asLong()).isEqualTo(5);
        assertThat(body.get("counts").get("organizations").asLong()).isZero();
        assertThat(body.get("counts").get("byCountry").get("BE").get("fewerThan").asLong()).isEqualTo(5);
        assertThat(body.get("counts").get("byCountry").get("PL").get("fewerThan").asLong()).isEqualTo(5);
        assertThat(counts.of(appeal.id()).byCountry()).containsEntry("BE", 1L).containsEntry("PL", 1L);

        assertThat(get("/api/v1/appeals/" + appeal.slug(), "uk").get("language").asString())
                .as("a cacheable answer is in the language of its URL, not the reader's").isEqualTo("en");
        JsonNode ukrainian = get("/api/v1/appeals/" + appeal.slug() + "?lang=uk", "en");
        assertThat(ukrainian.get("language").asString()).isEqualTo("uk");
        assertThat(ukrainian.get("title").asString()).startsWith("Мир для України");

        JsonNode list = get("/api/v1/appeals", "en");
        List<String> slugs = list.valueStream().map(a -> a.get("slug").asString()).toList();
        assertThat(slugs).contains(appeal.slug());
        JsonNode listed = list.valueStream().filter(a -> a.get("slug").asString().equals(appeal.slug())).findFirst().orElseThrow();
        // the list carries the summary only
        assertThat(listed.has("languages")).isFalse();
        assertThat(listed.has("revision")).isFalse();
        assertThat(listed.has("goal")).isTrue();
    }

    @Test
    void theSignatoriesEndpointReturnsOnlyWhatEachSignerChoseToShow() {
        String full = uniqueEmail("full");
        String hidden = uniqueEmail("hidden");
        Map<String, Object> fields = individual("Anna Nowak", full, "FULL_NAME");
        fields.put("comment", "not yet moderated");
        signAndConfirm(fields);
        signAndConfirm(individual("Hidden Person", hidden, "HIDDEN"));
        count();
        Browser.Page page = anotherBrowser().get("/api/v1/appeals/" + appeal.slug() + "/signatories?page=0", "Accept", "application/json");
        JsonNode body = json.readTree(page.body());
        assertThat(body.get("total").asLong()).isEqualTo(1);
        JsonNode item = body.get("items").get(0);
        assertThat(item.get("name").asString()).isEqualTo("Anna Nowak");
        assertThat(item.get("city").asString()).isEqualTo("Brussels");
        assertThat(item.get("country").asString()).isEqualTo("BE");
        assertThat(item.has("comment")).isFalse();
        assertThat(page.body()).doesNotContain("@").doesNotContain("Hidden").doesNotContain("email").doesNotContain("ip");
        JsonNode filtered = get("/api/v1/appeals/" + appeal.slug() + "/signatories?country=PL", "en");
        assertThat(filtered.get("total").asLong()).isZero();
        Browser.Page bad = anotherBrowser().get("/api/v1/appeals/" + appeal.slug() + "/signatories?country=XX", "Accept", "application/json");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesTheAppealEndpoints() {
        Browser.Page page = anotherBrowser().get("/api/openapi.yaml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/api/v1/appeals/{slug}/signatures:").contains("/api/v1/appeals/{slug}/signatories:")
                .contains("SignatureRequest");
    }
}
