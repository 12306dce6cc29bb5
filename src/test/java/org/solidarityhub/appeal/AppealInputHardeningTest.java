package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.solidarityhub.test.Browser;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Input that once gave a 500: a NUL in a JSON signature (PostgreSQL refuses it), indexed form parameters (the
 * binder failed), and names within their limit in characters but not in the UTF-16 units H2 counts.
 */
@ExtendWith(OutputCaptureExtension.class)
class AppealInputHardeningTest extends AppealTestSupport {

    private static final String CONTROL = "The request contains invisible control characters. Please remove them and try again.";

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    private Browser.Page signJson(String body) {
        return person().postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures", "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonSignatureWithANulCharacterGetsTheSame400AsTheFormAndStoresNothing() {
        String email = uniqueEmail("nul");
        Browser.Page page = signJson("""
                {"kind":"INDIVIDUAL","name":"Olena\\u0000K.","email":"%s","country":"BE","display":"FULL_NAME"}"""
                .formatted(email));

        assertThat(page.status()).isEqualTo(400);
        JsonNode body = json.readTree(page.body());
        assertThat(body.get("reason").asString()).isEqualTo(CONTROL);
        assertThat(body.get("errors").get("name").asString()).isEqualTo(CONTROL);
        assertThat(rows(email)).isZero();
        // nested fields are named by their path, and other control characters and lone surrogates are refused too
        Browser.Page nested = signJson("""
                {"kind":"ORGANIZATION","organization":{"name":"Union\\u001b","country":"BE"},"contactName":"N","email":"%s"}"""
                .formatted(email));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(json.readTree(nested.body()).get("errors").get("organization.name").asString()).isEqualTo(CONTROL);
        Browser.Page surrogate = signJson("""
                {"kind":"INDIVIDUAL","name":"Olena \\ud800","email":"%s","country":"BE","display":"FULL_NAME"}"""
                .formatted(email));
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(rows(email)).isZero();
    }

    @Test
    void indexedAndNestedParametersOnTheSignFormGetA400WithoutAnErrorInTheLog(CapturedOutput log) {
        for (String name : new String[]{"organizationName[0]", "organizationName[300]", "name.first", "updates[x]"}) {
            Browser.Page page = person().post("/appeals/" + appeal.slug() + "/sign",
                    Map.of("kind", "INDIVIDUAL", "name", "Olena", "email", uniqueEmail("idx"), "country", "BE",
                            "display", "FULL_NAME", name, "x"));
            assertThat(page.status()).as(name).isEqualTo(400);
            assertThat(page.body()).as(name).contains("brackets or dots").doesNotContain("Exception");
        }
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("InvalidPropertyException")
                .doesNotContain("BeanInstantiationException");
    }

    @Test
    void aMultipartSignatureIsScreenedLikeAnyOtherForm() {
        Browser who = person();
        String email = uniqueEmail("multipart");
        Map<String, String> fields = Map.of("kind", "INDIVIDUAL", "name", "Olena\u0000K.", "email", email,
                "country", "BE", "display", "FULL_NAME");
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--b0undary\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--b0undary--\r\n");
        Browser.Page refused = who.postRaw("/appeals/" + appeal.slug() + "/sign", "multipart/form-data; boundary=b0undary",
                body.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains(CONTROL);
        assertThat(rows(email)).isZero();
    }

    @Test
    void aNameOfEmojiIsCountedInTheUnitsTheDatabaseCountsAndNeverOverflowsItsColumn(CapturedOutput log) {
        String fits = "😀".repeat(SignRequest.NAME_LIMIT / 2); // 50 code points, 100 UTF-16 units
        String email = uniqueEmail("emoji");
        Browser.Page signed = signAsIndividual(person(), individual(fits, email, "FULL_NAME"));
        assertThat(signed.location()).endsWith("/signed");
        assertThat(row(email)).containsEntry("name", fits);

        // 51 code points, within 100 characters as PostgreSQL counts them, but 102 units: refused as too long
        String tooLong = "😀".repeat(SignRequest.NAME_LIMIT / 2 + 1);
        String other = uniqueEmail("emoji");
        Browser.Page refused = signAsIndividual(person(), individual(tooLong, other, "FULL_NAME"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#sign-individual")).contains("at most 100 characters");
        Map<String, Object> city = individual("Olena", other, "FULL_NAME");
        city.put("city", "🏙".repeat(SignRequest.CITY_LIMIT / 2 + 1));
        assertThat(signAsIndividual(person(), city).status()).isEqualTo(400);
        Map<String, Object> comment = individual("Olena", other, "FULL_NAME");
        comment.put("comment", "🇺🇦".repeat(SignRequest.COMMENT_LIMIT / 4 + 1)); // a flag is two code points, four units
        assertThat(signAsIndividual(person(), comment).status()).isEqualTo(400);
        Browser.Page api = signJson("""
                {"kind":"INDIVIDUAL","name":"%s","email":"%s","country":"BE","display":"FULL_NAME"}""".formatted(tooLong, other));
        assertThat(api.status()).isEqualTo(400);
        assertThat(rows(other)).isZero();
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("😀");
    }

    @Test
    void anOrganizationNameThatGrowsWhenNormalizedIsStoredWithoutOverflow() {
        String contact = uniqueEmail("ligature");
        Browser.Page signed = signJson("""
                {"kind":"ORGANIZATION","organization":{"name":"%s","country":"BE"},"contactName":"N","email":"%s"}"""
                .formatted("ﷺ".repeat(199) + appeal.slug().substring(5, 6), contact));
        assertThat(signed.status()).isEqualTo(202);
        assertThat(rows(contact)).isEqualTo(1);
    }
}
