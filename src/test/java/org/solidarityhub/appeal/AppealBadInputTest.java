package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;

/** Every field of the sign form and API with bad input: a 4xx, a message in the user's language, nothing stored. */
class AppealBadInputTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    private Browser.Page badForm(String field, Object value, String language) {
        Map<String, Object> fields = individual("Olena", uniqueEmail("bad"), "FULL_NAME");
        fields.put(field, value);
        Browser who = person().acceptLanguage(language);
        return who.submit(who.get("/" + language + "/appeals/" + appeal.slug()), "#sign-individual", fields);
    }

    private void assertRefused(Browser.Page page, String fieldId, String message) {
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text(".sign .alert")).isNotBlank();
        assertThat(page.doc().select("#sign-individual .field-error").eachText()).contains(message);
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("org.solidarityhub");
    }

    @Test
    void overlongValuesAreRefusedFieldByField() {
        assertRefused(badForm("name", "x".repeat(101), "en"), "i-name", "Please use at most 100 characters.");
        assertRefused(badForm("city", "x".repeat(101), "en"), "i-city", "Please use at most 100 characters.");
        assertRefused(badForm("comment", "x".repeat(501), "en"), "i-comment", "Please use at most 500 characters.");
        assertRefused(badForm("email", "a".repeat(250) + "@example.org", "en"), "i-email", "Please enter a valid email address.");
    }

    @Test
    void htmlAndScriptAreRefusedAndNeverEchoedUnescaped() {
        Browser.Page page = badForm("name", "<script>alert('x')</script>", "en");
        assertRefused(page, "i-name", "Please write plain text, without HTML tags.");
        assertThat(page.body()).doesNotContain("<script>alert('x')</script>");
        assertThat(page.doc().selectFirst("#i-name").attr("value")).isEqualTo("<script>alert('x')</script>");
        assertRefused(badForm("comment", "<img src=x onerror=alert(1)>", "en"), "i-comment", "Please write plain text, without HTML tags.");
        assertRefused(badForm("city", "<b>Kyiv</b>", "en"), "i-city", "Please write plain text, without HTML tags.");
    }

    @Test
    void directionOverridesInNamesAndCitiesAreRefusedAndTheFieldPointsAtItsMessage() {
        String message = "Please remove the invisible characters that change the direction of the text.";
        Browser.Page page = badForm("name", "Olena \u202Eexe.gnp", "en");
        assertRefused(page, "i-name", message);
        var name = page.doc().selectFirst("#i-name");
        assertThat(name.attr("aria-invalid")).isEqualTo("true");
        assertThat(name.attr("aria-describedby")).isEqualTo("i-name-error");
        assertThat(page.text("#i-name-error")).isEqualTo(message);
        assertRefused(badForm("city", "Kyiv\u2067", "en"), "i-city", message);
        assertRefused(badForm("name", "\u200FOlena", "en"), "i-name", message);
    }

    @Test
    void harmlessAngleBracketsAndAutolinksAreAccepted() {
        Map<String, Object> fields = individual("Olena", uniqueEmail("brackets"), "FULL_NAME");
        fields.put("comment", "Peace > war, and a < b: read <https://example.org> and <info@example.org>");
        Browser.Page signed = signAsIndividual(person(), fields);
        assertThat(signed.status()).isEqualTo(302);
        assertThat(signed.location()).endsWith("/signed");
        Map<String, Object> heart = individual("Olena <3", uniqueEmail("heart"), "FULL_NAME");
        assertThat(signAsIndividual(person(), heart).location()).endsWith("/signed");
    }

    @Test
    void theFormsLimitsAreTheLimitsTheServerChecks() {
        var form = person().get("/en/appeals/" + appeal.slug()).doc();
        assertThat(form.selectFirst("#i-name").attr("maxlength")).isEqualTo(String.valueOf(SignRequest.NAME_LIMIT));
        assertThat(form.selectFirst("#i-city").attr("maxlength")).isEqualTo(String.valueOf(SignRequest.CITY_LIMIT));
        assertThat(form.selectFirst("#i-comment").attr("maxlength")).isEqualTo(String.valueOf(SignRequest.COMMENT_LIMIT));
        assertThat(form.selectFirst("#o-name").attr("maxlength")).isEqualTo(String.valueOf(org.solidarityhub.organizations.Organizations.NAME_LIMIT));
        assertThat(form.selectFirst("#o-email").attr("maxlength")).isEqualTo(String.valueOf(org.solidarityhub.platform.EmailAddresses.MAX_LENGTH));
    }

    @Test
    void namesWithWebAddressesOrFormulaStartsAreRefused() {
        assertRefused(badForm("name", "Visit cheap-pills.com", "en"), "i-name", "Please do not put web addresses in a name.");
        assertRefused(badForm("name", "=HYPERLINK(\"x\")", "en"), "i-name", "A name cannot start with =, +, - or @.");
        assertRefused(badForm("name", "@everyone", "en"), "i-name", "A name cannot start with =, +, - or @.");
    }

    @Test
    void unknownCountriesMissingChoicesAndWrongKindsAreRefused() {
        assertRefused(badForm("country", "XX", "en"), "i-country", "Please choose a country from the list.");
        assertRefused(badForm("country", "", "en"), "i-country", "Please choose a country from the list.");
        assertRefused(badForm("display", "EVERYTHING", "en"), "i-display", "Please choose how you appear in the public list.");
        assertRefused(badForm("email", "not-an-email", "en"), "i-email", "Please enter a valid email address.");
        Browser.Page wrongKind = badForm("kind", "ROBOT", "en");
        assertThat(wrongKind.status()).isEqualTo(400);
    }

    @Test
    void messagesComeInTheUsersLanguageAndTheInputIsKept() {
        Browser.Page page = badForm("country", "ZZ", "uk");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.doc().select("#sign-individual .field-error").eachText()).contains("Будь ласка, оберіть країну зі списку.");
        assertThat(page.doc().selectFirst("#i-name").attr("value")).isEqualTo("Olena");
        assertThat(page.doc().selectFirst("#i-city").attr("value")).isEqualTo("Brussels");
    }

    @Test
    void theCountryListIsInTheReadersLanguageAndKeepsTheChoiceOfARefusedForm() {
        Browser.Page page = badForm("display", "EVERYTHING", "uk");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.doc().select("#i-country option[selected]").eachAttr("value")).containsExactly("BE");
        assertThat(page.doc().select("#i-country option[selected]").text()).isEqualTo("Бельгія");
        assertThat(page.doc().select("#o-country option[selected]")).isEmpty();
        assertThat(page.doc().select("#o-country option").first().attr("value")).isEmpty();
        assertThat(page.doc().select("#o-country option[value=UA]").text()).isEqualTo("Україна");
        assertThat(page.doc().select("#i-country option")).hasSizeGreaterThan(240);

        Browser.Page english = person().acceptLanguage("en").get("/en/appeals/" + appeal.slug());
        assertThat(english.doc().select("#i-country option[value=UA]").text()).isEqualTo("Ukraine");
        assertThat(english.doc().select("#i-country option[selected]")).isEmpty();
    }

    @Test
    void anOrganizationWithABadWebsiteIsRefused() {
        Browser who = person();
        Browser.Page page = signAsOrganization(who, Map.of("organizationName", "Real Org", "country", "BE",
                "organizationWebsite", "javascript:alert(1)", "name", "Contact", "email", uniqueEmail("org")));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.doc().select("#sign-organization .field-error").eachText())
                .contains("Please enter a website starting with https:// or http://, or leave the field empty.");
        assertThat(page.doc().select("#sign-individual .field-error")).isEmpty();
    }

    @Test
    void nothingIsStoredForARefusedSignature() {
        long before = db.sql("SELECT COUNT(*) FROM signature WHERE appeal_id = :id").param("id", appeal.id()).query(Long.class).single();
        badForm("name", "", "en");
        badForm("country", "XX", "en");
        long after = db.sql("SELECT COUNT(*) FROM signature WHERE appeal_id = :id").param("id", appeal.id()).query(Long.class).single();
        assertThat(after).isEqualTo(before);
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE :s").param("s", "%" + appeal.slug() + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownAppealIsA404() {
        assertThat(anotherBrowser().get("/en/appeals/no-such-appeal").status()).isEqualTo(404);
        assertThat(anotherBrowser().get("/en/appeals/" + "x".repeat(300)).status()).isEqualTo(404);
        assertThat(anotherBrowser().get("/en/appeal/confirm/not-a-token").status()).isEqualTo(404);
        assertThat(anotherBrowser().get("/en/appeals/" + appeal.slug() + "/revisions/999999999").status()).isEqualTo(404);
        assertThat(anotherBrowser().get("/en/appeals/" + appeal.slug() + "/revisions/abc").status()).isEqualTo(400);
    }

    @Test
    void badFiltersOnTheSignatoriesPageAreHarmless() {
        Browser.Page page = anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories?country=%3Cscript%3E&page=-5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>");
        assertThat(anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories?page=abc").status()).isEqualTo(400);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void emailAddressesNeverReachTheLog(org.springframework.boot.test.system.CapturedOutput output) {
        String email = uniqueEmail("never-logged");
        signAndConfirm(individual("Logged Nowhere", email, "FULL_NAME"));
        badForm("email", email + "<b>", "en");
        Map<String, Object> wrongType = individual("Olena", email, "FULL_NAME");
        wrongType.put("revision", "not-a-number");
        signAsIndividual(person(), wrongType);
        api("{\"kind\":\"INDIVIDUAL\",\"email\":\"" + email + "\",\"updates\":\"maybe\"}", "en");
        count();
        assertThat(output.getAll()).doesNotContain(email).doesNotContain(email.substring(0, email.indexOf('@')));
    }

    // ---- the JSON API

    private Browser.Page api(String json, String language) {
        return person().acceptLanguage(language).postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures", "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theApiAnswersFieldByFieldInTheUsersLanguage() {
        Browser.Page page = api("""
                {"kind":"INDIVIDUAL","name":"<b>x</b>","email":"nope","country":"XX","display":"LOUD","comment":"%s","language":"en"}"""
                .formatted("y".repeat(501)), "uk");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("content-type").orElse("")).startsWith("application/problem+json");
        var body = page.body();
        assertThat(body).contains("\"status\":400").contains("\"errors\"")
                .contains("\"name\":\"Будь ласка, пишіть простим текстом, без HTML-тегів.\"")
                .contains("\"email\":\"Будь ласка, введіть правильну адресу електронної пошти.\"")
                .contains("\"country\":").contains("\"display\":").contains("\"comment\":");
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsValuesAre400NotErrors() {
        for (String json : new String[]{"{", "[]", "\"text\"", "{\"kind\":\"INDIVIDUAL\",\"updates\":\"maybe\"}",
                "{\"kind\":{\"a\":1}}", "{\"kind\":\"INDIVIDUAL\",\"name\":[1,2]}", ""}) {
            Browser.Page page = api(json, "en");
            assertThat(page.status()).as(json).isEqualTo(400);
            assertThat(page.body()).as(json).contains("\"status\":400").doesNotContain("Exception").doesNotContain("jackson");
        }
        Browser.Page unknownKind = api("{\"kind\":\"ROBOT\",\"email\":\"a@example.org\"}", "en");
        assertThat(unknownKind.body()).contains("\"kind\":\"Choose whether you sign as an individual or for an organization.\"");
    }

    @Test
    void theApiRefusesOtherMediaTypesAndUnknownLanguages() {
        Browser.Page form = person().postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures", "application/x-www-form-urlencoded",
                "kind=INDIVIDUAL".getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).isEqualTo(415);
        Browser.Page language = api("""
                {"kind":"INDIVIDUAL","name":"Olena","email":"%s","country":"BE","display":"HIDDEN","language":"xx"}"""
                .formatted(uniqueEmail("lang")), "en");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.body()).contains("\"language\":\"This appeal has no text in this language.\"");
        Browser.Page missing = person().postRaw("/api/v1/appeals/nope/signatures", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("\"status\":404");
    }
}
