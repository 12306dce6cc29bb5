package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityhub.test.ProblemDetails.assertProblem;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;

import tools.jackson.databind.JsonNode;

/** Every kind of error of the appeal API is an RFC 9457 problem detail, in the reader's language. */
class AppealApiProblemsTest extends AppealTestSupport {

    String base;

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
        base = "/api/v1/appeals/" + appeal.slug();
    }

    private Browser.Page sign(String contentType, String body, String language) {
        return person().acceptLanguage(language).postRaw(base + "/signatures", contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void invalidFieldsHaveOneMessageEachInTheReadersLanguage() {
        JsonNode problem = assertProblem(sign("application/json", """
                {"kind":"INDIVIDUAL","name":"Olena","email":"nope","country":"BE","display":"HIDDEN"}""", "uk"), 400, base + "/signatures");

        assertThat(problem.path("title").asString()).isEqualTo("Не вдалося обробити запит");
        assertThat(problem.path("errors").path("email").asString()).isEqualTo("Будь ласка, введіть правильну адресу електронної пошти.");
        assertThat(problem.path("errors").properties()).hasSize(1);
    }

    @Test
    void malformedJsonAndAWrongTypeAreProblemsNamingTheField() {
        JsonNode malformed = assertProblem(sign("application/json", "{\"kind\":", "en"), 400, base + "/signatures");
        JsonNode wrongType = assertProblem(sign("application/json", "{\"kind\":\"INDIVIDUAL\",\"updates\":\"maybe\"}", "en"),
                400, base + "/signatures");

        assertThat(malformed.path("detail").asString())
                .isEqualTo("The request body is not JSON of the expected shape: check the field names, types and values.");
        assertThat(wrongType.path("errors").path("updates").asString()).isNotBlank();
    }

    @Test
    void badQueryParametersAreProblemsNamingTheParameter() {
        JsonNode country = assertProblem(anotherBrowser().get(base + "/signatories?country=XX"), 400, base + "/signatories");
        JsonNode page = assertProblem(anotherBrowser().get(base + "/signatories?page=abc"), 400, base + "/signatories");
        JsonNode language = assertProblem(anotherBrowser().get(base + "?language=xx"), 400, base);

        assertThat(country.path("errors").has("country")).isTrue();
        assertThat(page.path("errors").has("page")).isTrue();
        assertThat(language.path("errors").path("language").asString()).isEqualTo("This appeal has no text in this language.");
    }

    @Test
    void anUnknownAppealIsAProblemOnEveryEndpoint() {
        String missing = "/api/v1/appeals/no-such-" + appeal.slug();

        assertProblem(anotherBrowser().get(missing), 404, missing);
        assertProblem(anotherBrowser().get(missing + "/signatories"), 404, missing + "/signatories");
        assertProblem(person().postRaw(missing + "/signatures", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                404, missing + "/signatures");
    }

    @Test
    void aClosedAppealRefusesSignaturesWithAConflict() {
        appeals.update(appeal.id(), Appeal.State.CLOSED, null);

        JsonNode problem = assertProblem(sign("application/json", """
                {"kind":"INDIVIDUAL","name":"Olena","email":"%s","country":"BE","display":"HIDDEN"}""".formatted(uniqueEmail("closed")),
                "en"), 409, base + "/signatures");
        assertThat(problem.path("detail").asString()).isEqualTo("This appeal is closed and takes no more signatures.");
    }

    @Test
    void aMethodOrMediaTypeTheApiDoesNotTakeIsAProblem() {
        Browser.Page method = anotherBrowser().method("DELETE", base);
        assertProblem(method, 405, base);
        assertThat(method.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertProblem(sign("application/x-www-form-urlencoded", "kind=INDIVIDUAL", "en"), 415, base + "/signatures");
        JsonNode notAcceptable = assertProblem(anotherBrowser().get(base, "Accept", "application/xml"), 406, base);
        assertThat(notAcceptable.path("title").asString()).isEqualTo("Format not available");
    }
}
