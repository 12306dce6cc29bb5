package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityhub.test.ProblemDetails.assertProblem;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;

import tools.jackson.databind.JsonNode;

/**
 * Errors that no API controller sees (an unknown API address, input the screening filter refuses, a busy site)
 * are problem details like every other API error; the features' tests cover their own APIs.
 */
class ApiProblemDetailsTest extends WebTest {

    @Test
    void answersAnUnknownApiAddressWithAProblemInTheReadersLanguage() {
        JsonNode english = assertProblem(browser.get("/api/v1/no-such-thing"), 404, "/api/v1/no-such-thing");
        JsonNode ukrainian = assertProblem(anotherBrowser().acceptLanguage("uk").get("/api/v2/appeals"), 404, "/api/v2/appeals");

        assertThat(english.path("title").asString()).isEqualTo("Page not found");
        assertThat(english.path("detail").asString()).isEqualTo("There is no page at this address. It may have moved, or the link may be mistyped.");
        assertThat(english.path("errors").isEmpty()).isTrue();
        assertThat(ukrainian.path("title").asString()).isEqualTo("Сторінку не знайдено");
    }

    @Test
    void answersAProblemEvenToAClientThatAsksForHtml() {
        assertProblem(browser.get("/api/v1/no-such-thing", "Accept", "text/html"), 404, "/api/v1/no-such-thing");
        assertProblem(browser.get("/api/v1/no-such-thing", "Accept", "application/xml"), 404, "/api/v1/no-such-thing");
    }

    @Test
    void answersInputTheScreeningFilterRefusesWithAProblem() {
        JsonNode control = assertProblem(browser.get("/api/v1/appeals?q=x%01"), 400, "/api/v1/appeals");
        JsonNode encoding = assertProblem(anotherBrowser().acceptLanguage("uk").get("/api/v1/campaigns?q=%C3%28"), 400, "/api/v1/campaigns");

        assertThat(control.path("title").asString()).isEqualTo("This request could not be handled");
        assertThat(control.path("detail").asString())
                .isEqualTo("The request contains invisible control characters. Please remove them and try again.");
        assertThat(encoding.path("detail").asString()).isEqualTo("Запит містить текст, що не є коректним UTF-8.");
    }

    @Test
    void answersALanguageTheSiteDoesNotOfferInTheBaseLanguageInsteadOfAnError() {
        Browser.Page unknown = anotherBrowser().acceptLanguage("uk").get("/api/v1/campaigns?lang=ja");
        JsonNode regional = assertProblem(anotherBrowser().get("/api/v1/no-such-thing?lang=uk-UA"), 404, "/api/v1/no-such-thing");
        JsonNode fallback = assertProblem(anotherBrowser().acceptLanguage("uk").get("/api/v1/no-such-thing?lang=ja"), 404, "/api/v1/no-such-thing");

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.header("Set-Cookie")).isEmpty();
        assertThat(regional.path("title").asString()).isEqualTo("Сторінку не знайдено");
        assertThat(fallback.path("title").asString()).isEqualTo("Page not found");
    }

    @Test
    void tellsAClientOfABusySiteWhenToTryAgain() {
        Browser.Page page = browser.postRaw(BusyApi.PATH, "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        JsonNode problem = assertProblem(page, 503, BusyApi.PATH);
        assertThat(page.header("Retry-After")).contains("30");
        assertThat(problem.path("title").asString()).isEqualTo("Temporarily unavailable");
    }

    @Test
    void keepsPagesAndTheirJsonErrorsAsTheyWere() {
        Browser.Page page = browser.get("/en/no-such-page", "Accept", "application/json");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(browser.get("/en/no-such-page").header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }
}
