package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of input no honest browser sends is answered with a 4xx and a localized page: no stack trace,
 * no class names, nothing of the input echoed back unescaped.
 */
class BadInputTest extends WebTest {

    /** Marks input in requests, so a test can see whether any of it comes back in the answer. */
    private static final String MARKER = "zqxmarker";

    @org.springframework.beans.factory.annotation.Autowired
    private ContainerErrorPage containerErrorPage;

    @org.springframework.beans.factory.annotation.Autowired
    private SupportedLanguages supported;

    private static final String CONTROL_EN = "The request contains invisible control characters. Please remove them and try again.";
    private static final String CONTROL_UK = "Запит містить невидимі керівні символи. Видаліть їх і спробуйте ще раз.";
    private static final String ENCODING_EN = "The request contains text that is not valid UTF-8.";
    private static final String ENCODING_UK = "Запит містить текст, що не є коректним UTF-8.";
    private static final String TOO_LONG_EN = "A field of the request is far longer than this site accepts.";
    private static final String BAD_REQUEST_EN = "This request could not be handled";
    private static final String BAD_REQUEST_UK = "Не вдалося обробити запит";

    // ---- control characters

    @Test
    void rejectsControlCharactersInAQueryParameter() {
        Browser.Page page = browser.get("/?q=" + MARKER + "%01");

        assertErrorPage(page, 400, "en", BAD_REQUEST_EN, CONTROL_EN);
    }

    @Test
    void rejectsControlCharactersInAFormField() {
        Browser.Page login = browser.get("/staff/login");

        Browser.Page page = browser.submit(login, "form[action$=/staff/login]",
                Map.of("email", MARKER + "\u0007@example.org", "password", "x"));

        assertErrorPage(page, 400, "en", BAD_REQUEST_EN, CONTROL_EN);
    }

    @Test
    void rejectsControlCharactersInAParameterNameInUkrainian() {
        Browser.Page page = browser.acceptLanguage("uk").get("/?" + MARKER + "%1B=1");

        assertErrorPage(page, 400, "uk", BAD_REQUEST_UK, CONTROL_UK);
    }

    @Test
    void rejectsControlCharactersInThePath() {
        Browser.Page page = browser.get("/bad%01path");

        assertErrorPage(page, 400, "en", BAD_REQUEST_EN, CONTROL_EN);
    }

    @Test
    void acceptsTabsAndLineBreaksInAFormFieldButNotInAParameterName() {
        String token = csrfToken();

        Browser.Page text = browser.postRaw("/en/", "application/x-www-form-urlencoded",
                ("_csrf=" + token + "&text=line%0D%0Aline%09tab").getBytes(StandardCharsets.US_ASCII));
        Browser.Page name = browser.postRaw("/en/", "application/x-www-form-urlencoded",
                ("_csrf=" + token + "&te%0Axt=1").getBytes(StandardCharsets.US_ASCII));

        // screening lets the field through: the request reaches the app, which does not take POST at /
        assertThat(text.status()).isEqualTo(405);
        assertErrorPage(name, 400, "en", BAD_REQUEST_EN, CONTROL_EN);
    }

    // ---- invalid UTF-8

    @Test
    void rejectsInvalidUtf8InAQueryString() {
        Browser.Page page = browser.get("/?q=" + MARKER + "%C3%28");

        assertErrorPage(page, 400, "en", BAD_REQUEST_EN, ENCODING_EN);
    }

    @Test
    void rejectsInvalidUtf8InAFormBody() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("email=" + MARKER).getBytes(StandardCharsets.US_ASCII));
        body.write(0xC3); // a lead byte followed by "(", which is no continuation byte
        body.write('(');
        body.writeBytes("@example.org&password=x".getBytes(StandardCharsets.US_ASCII));

        // no CSRF token: screening runs before Spring Security, so the answer is 400, not 403
        Browser.Page page = browser.acceptLanguage("uk")
                .postRaw("/staff/login", "application/x-www-form-urlencoded", body.toByteArray());

        assertErrorPage(page, 400, "uk", BAD_REQUEST_UK, ENCODING_UK);
    }

    @Test
    void answersInvalidUtf8InThePathWithTheContainersBilingualPage() {
        for (String path : new String[] {"/%C3%28", "/" + MARKER + "/%FF"}) {
            Browser.Page page = browser.get(path);

            assertThat(page.status()).as(path).isEqualTo(400);
            assertThat(page.header("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type.toLowerCase()).startsWith("text/html").contains("utf-8"));
            assertThat(page.body()).as(path).isEqualTo(containerErrorPage.page());
            assertThat(page.doc().select("h1").eachText())
                    .hasSize(supported.all().size())
                    .startsWith("This request could not be handled").contains("Не вдалося обробити запит", "تعذّرت معالجة هذا الطلب");
            assertThat(page.doc().select("h1[lang=ar]").attr("dir")).isEqualTo("rtl");
            assertThat(page.body()).doesNotContain("Tomcat", "Apache", MARKER);
            assertNoInternals(page.body());
        }
    }

    // ---- size and shape

    @Test
    void rejectsAFieldValueLongerThanAnyFieldAccepts() {
        Browser.Page login = browser.get("/staff/login");

        Browser.Page page = browser.submit(login, "form[action$=/staff/login]",
                Map.of("email", MARKER + "a".repeat(InputScreeningFilter.MAX_VALUE_LENGTH), "password", "x"));

        assertErrorPage(page, 400, "en", BAD_REQUEST_EN, TOO_LONG_EN);
    }

    @Test
    void acceptsAFieldValueOfExactlyTheLongestLength() {
        String value = "a".repeat(InputScreeningFilter.MAX_VALUE_LENGTH);

        Browser.Page page = browser.postRaw("/en/", "application/x-www-form-urlencoded",
                ("_csrf=" + csrfToken() + "&text=" + value).getBytes(StandardCharsets.US_ASCII));

        assertThat(page.status()).isEqualTo(405);
    }

    @Test
    void rejectsAParameterNameLongerThanAnyFormUses() {
        Browser.Page page = browser.get("/?" + "n".repeat(InputScreeningFilter.MAX_NAME_LENGTH + 1) + "=1");

        assertErrorPage(page, 400, "en", BAD_REQUEST_EN, TOO_LONG_EN);
    }

    @Test
    void rejectsMoreParametersThanTheContainerParses() {
        String query = java.util.stream.IntStream.rangeClosed(1, 1_001).mapToObj(i -> "p" + i + "=1")
                .collect(Collectors.joining("&"));

        Browser.Page page = browser.postRaw("/en/privacy", "application/x-www-form-urlencoded",
                query.getBytes(StandardCharsets.US_ASCII));

        assertErrorPage(page, 400, "en", BAD_REQUEST_EN, "The request is malformed.");
    }

    // ---- languages

    @Test
    void anUnknownLanguageOnAPageShowsThePageInItsOwnLanguageNotAnErrorPage() {
        Browser.Page page = browser.get("/en/?lang=xx");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/en/");
        assertThat(browser.cookie("lang")).isEmpty();
    }

    @Test
    void anUnknownLanguageWithoutAPrefixFollowsTheBrowser() {
        Browser.Page page = browser.acceptLanguage("uk-UA,uk;q=0.9").get("/privacy?lang=xx");

        assertThat(page.location()).isEqualTo("/uk/privacy");
        assertThat(browser.follow(page).doc().selectFirst("html").attr("lang")).isEqualTo("uk");
        assertThat(browser.cookie("lang")).isEmpty();
    }

    @Test
    void anUnknownLanguageKeepsTheLanguageChosenBefore() {
        browser.get("/en/?lang=uk");

        Browser.Page page = browser.acceptLanguage("en").get("/privacy?lang=" + MARKER);

        assertThat(page.location()).isEqualTo("/uk/privacy");
        assertThat(browser.cookie("lang")).contains("uk");
    }

    // ---- methods

    @Test
    void refusesPutAndDeleteOnAStaffPageWithoutATokenWithTheLocalizedPage() {
        for (String method : new String[] {"PUT", "DELETE"}) {
            Browser.Page page = browser.method(method, "/staff/login");

            assertErrorPage(page, 403, "en", "Not allowed",
                    "You are not allowed to do this, or the form has expired. Reload the page and try again.");
        }
    }

    @Test
    void refusesAMethodAPageDoesNotTakeWithTheLocalizedPage() throws Exception {
        String token = csrfToken();

        Browser.Page english = send("PATCH", "/en/privacy", token, "en");
        Browser.Page ukrainian = send("DELETE", "/", token, "uk");

        assertErrorPage(english, 405, "en", "Not allowed here", "This address does not accept this kind of request.");
        assertThat(english.header("Allow")).contains("GET");
        assertErrorPage(ukrainian, 405, "uk", "Тут так не можна", "Ця адреса не приймає такого запиту.");
    }

    @Test
    void refusesTraceAndEchoesNothing() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .header("X-Secret", MARKER).header("Cookie", "lang=" + MARKER).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain(MARKER);
        assertNoInternals(response.body());
    }

    // ---- not found

    @Test
    void answersAnUnknownPageWith404InEnglish() {
        Browser.Page page = browser.get("/en/no-such-page");

        assertErrorPage(page, 404, "en", "Page not found",
                "There is no page at this address. It may have moved, or the link may be mistyped.");
    }

    @Test
    void answersAnUnknownPageWith404InUkrainian() {
        Browser.Page page = browser.acceptLanguage("en").get("/uk/no-such-page");

        assertErrorPage(page, 404, "uk", "Сторінку не знайдено",
                "За цією адресою немає сторінки. Можливо, її перенесли або в посиланні помилка.");
        assertThat(page.text("title")).isEqualTo("Сторінку не знайдено · Solidarity Hub");
    }

    @Test
    void neverEchoesMarkupFromTheAddressOfAMissingPage() {
        // (no encoded slash: the container refuses those before the app sees them)
        String path = "/en/no-such-page%3Cscript%3Ealert(1)%3C%22'" + MARKER;
        String query = "?q=%3Cscript%3Ealert(2)%3C%2Fscript%3E&%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E=1";

        Browser.Page page = browser.get(path + query);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img src=x")
                .doesNotContain("alert(2)").doesNotContain("onerror");
        assertNoScriptsOrHandlers(page.doc());
        // the language links lead back to the failed address, still percent-encoded
        assertThat(page.doc().select(".languages a").eachAttr("href"))
                .allSatisfy(href -> assertThat(href).matches("/[a-z]{2}/no-such-page%3Cscript%3E.*").doesNotContain("<", "\""));
    }

    @Test
    void neverEchoesMarkupFromRefusedInput() {
        Browser.Page page = browser.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E" + MARKER + "%01");

        assertErrorPage(page, 400, "en", BAD_REQUEST_EN, CONTROL_EN);
        assertThat(page.body()).doesNotContainIgnoringCase("<script").doesNotContain("alert(1)");
        assertNoScriptsOrHandlers(page.doc());
    }

    // ---- JSON clients

    @Test
    void givesAJsonClientALocalizedJsonErrorWithoutInternals() {
        Browser.Page page = browser.get("/uk/no-such-page", "Accept", "application/json");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = JsonMapper.builder().build().readTree(page.body());
        assertThat(json.path("status").asInt()).isEqualTo(404);
        assertThat(json.path("title").asString()).isEqualTo("Сторінку не знайдено");
        assertThat(json.path("reason").asString()).isEqualTo("За цією адресою немає сторінки. Можливо, її перенесли або в посиланні помилка.");
        assertThat(json.has("trace")).isFalse();
        assertThat(json.has("exception")).isFalse();
        assertThat(json.has("message")).isFalse();
        assertThat(json.has("errors")).isFalse();
        assertNoInternals(page.body());
    }

    @Test
    void givesAJsonClientTheReasonForRefusedInput() {
        Browser.Page page = browser.get("/?q=%3Cscript%3E" + MARKER + "%C3%28", "Accept", "application/json");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = JsonMapper.builder().build().readTree(page.body());
        assertThat(json.path("status").asInt()).isEqualTo(400);
        assertThat(json.path("title").asString()).isEqualTo(BAD_REQUEST_EN);
        assertThat(json.path("reason").asString()).isEqualTo(ENCODING_EN);
        assertThat(json.has("trace")).isFalse();
        assertThat(json.has("exception")).isFalse();
        assertThat(json.has("message")).isFalse();
        assertThat(page.body()).doesNotContain(MARKER).doesNotContainIgnoringCase("<script");
        assertNoInternals(page.body());
    }

    // ---- helpers

    private static void assertErrorPage(Browser.Page page, int status, String language, String title, String reason) {
        assertThat(page.status()).as("status of " + page.uri()).isEqualTo(status);
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        Document doc = page.doc();
        assertThat(doc.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.text(".error-page .eyebrow")).endsWith(String.valueOf(status));
        assertThat(page.text(".error-page h1")).isEqualTo(title);
        assertThat(page.text(".error-page .lead")).isEqualTo(reason);
        assertThat(page.body()).doesNotContain(MARKER);
        assertNoInternals(page.body());
    }

    /** No stack trace, exception, class or server name. */
    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "\tat ", "at org.", "at java.", "java.lang", "org.springframework",
                "org.apache", "org.solidarityhub", "Whitelabel", "Tomcat", "Apache", "\"trace\"", "\"exception\"");
    }

    private static void assertNoScriptsOrHandlers(Document doc) {
        assertThat(doc.select("script")).isEmpty();
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("attribute of <" + element.tagName() + ">").doesNotStartWith("on");
                assertThat(attribute.getValue()).as("attribute of <" + element.tagName() + ">").doesNotContain("<", "javascript:");
            }
        }
    }

    /** A CSRF token valid for this browser's token cookie, from a page with a form. */
    private String csrfToken() {
        String token = browser.get("/staff/login").doc().select("input[name=_csrf]").attr("value");
        assertThat(token).isNotBlank();
        return token;
    }

    /** A bodiless request with any method, the browser's cookies and the CSRF token in the header. */
    private Browser.Page send(String method, String path, String csrfToken, String language) throws IOException, InterruptedException {
        String cookies = browser.cookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        URI uri = URI.create("http://localhost:" + port + path);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", csrfToken)
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Browser.Page(response.statusCode(), response.headers(), response.body(), uri);
    }
}
