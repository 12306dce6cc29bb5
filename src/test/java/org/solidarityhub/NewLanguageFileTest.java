package org.solidarityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's promise: a new language is one {@code messages_xx.properties} file. A Czech file (a language the site does not
 * have) is put for the time of this test into the test classes' folder (on the class path, so the application's own class loader finds
 * it as it would find a file in the jar), a second application starts (its own in-memory database, with the demo
 * appeal and campaign), and Czech is then offered wherever languages are: the language switch, {@code ?lang=},
 * Accept-Language, the languages the events API takes for its mails, and the container's error page. The file is
 * removed before any other test class starts the shared application, which so never sees it.
 * (A class loader of its own for the folder does not do: Spring Data cannot proxy the package-private
 * repositories through another loader.)
 */
class NewLanguageFileTest {

    private static Path file;
    private static ConfigurableApplicationContext app;
    private static Browser browser;

    @BeforeAll
    static void startWithACzechFile() throws IOException {
        ResourceBundle.clearCache();
        Path classPathFolder = Path.of(URI.create(NewLanguageFileTest.class.getResource("/").toString()));
        file = classPathFolder.resolve("messages_cs.properties");
        Files.writeString(file, """
                layout.languages=Jazyk
                error.400.title=Požadavek nebylo možné zpracovat
                error.container.text=Na požadavku něco nebylo v pořádku.
                events.error.required=Vyplňte prosím toto pole.
                """, StandardCharsets.UTF_8);
        // command-line arguments win over SPRING_DATASOURCE_URL: this application always has a database of its own
        app = new SpringApplicationBuilder(SolidarityHubApplication.class)
                .profiles("test")
                .run("--server.port=0", "--app.demo=true", "--spring.mail.port=" + TestMailServer.port(),
                        "--spring.datasource.url=jdbc:h2:mem:new-language;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa", "--spring.datasource.password=");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            Files.deleteIfExists(file);
            ResourceBundle.clearCache();
        }
    }

    @Test
    void theLanguageSwitchOffersTheNewLanguageOnEveryPage() {
        for (String path : new String[]{"/en/", "/en/events", "/en/appeal", "/en/privacy"}) {
            Browser.Page page = browser.open(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.doc().select("nav.languages a").eachAttr("hreflang")).as(path)
                    .startsWith("en").containsSubsequence("be", "cs", "de").contains("uk");
            assertThat(page.doc().select("nav.languages a[hreflang=cs]").text()).isEqualTo("Čeština");
        }
    }

    @Test
    void theNewLanguageCanBeChosenAndIsUsedWithTheBaseLanguageForMissingTexts() {
        Browser czech = new Browser(browserBase());
        Browser.Page chosen = czech.get("/en/?lang=cs");
        assertThat(chosen.location()).isEqualTo("/cs/");
        assertThat(czech.cookie("lang")).contains("cs");
        Browser.Page page = czech.get("/cs/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().selectFirst("html").attr("lang")).isEqualTo("cs");
        assertThat(page.doc().selectFirst("nav.languages").attr("aria-label")).isEqualTo("Jazyk");
        assertThat(czech.cookie("lang")).contains("cs");
        assertThat(page.text("nav.site-nav")).contains("Privacy"); // not translated yet: English

        Browser.Page byHeader = new Browser(browserBase()).acceptLanguage("cs-CZ,cs;q=0.9,en;q=0.5").open("/events");
        assertThat(byHeader.uri().getPath()).isEqualTo("/cs/events");
        assertThat(byHeader.doc().selectFirst("html").attr("lang")).isEqualTo("cs");
        // a language the site does not offer: the page in the current language, not an error page
        assertThat(new Browser(browserBase()).get("/cs/?lang=xx").location()).isEqualTo("/cs/");
    }

    @Test
    void theEventsApiSendsMailsInTheNewLanguageAndNamesItAmongTheChoices() {
        String body = """
                {"title":"Mír pro Ukrajinu","type":"DEMONSTRATION","description":"","languages":["cs"],
                 "start":"2027-02-25T13:00","end":"2027-02-25T16:00","timezone":"Europe/Prague",
                 "location":{"city":"Praha","country":"CZ","visibility":"PUBLIC"},
                 "organizers":"Solidarita s Ukrajinou Praha","contactEmail":"neu@example.org","language":"%s"}""";
        Browser.Page accepted = browser.postRaw("/api/v1/campaigns/week-of-action-2027/events", "application/json",
                body.formatted("cs").getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        Browser.Page refused = browser.postRaw("/api/v1/campaigns/week-of-action-2027/events", "application/json",
                body.formatted("ja").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Emails can be sent in these languages: English (en), ").contains(", Czech (cs), ", ", Ukrainian (uk).");

        Browser.Page inCzech = new Browser(browserBase()).acceptLanguage("cs").postRaw(
                "/api/v1/campaigns/week-of-action-2027/events", "application/json",
                body.formatted("cs").replace("\"organizers\":\"Solidarita s Ukrajinou Praha\"", "\"organizers\":\"\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(inCzech.status()).isEqualTo(400);
        assertThat(inCzech.body()).contains("\"organizers\":\"Vyplňte prosím toto pole.\"");
    }

    @Test
    void theAppealShowsItsTextInTheBaseLanguageWithANoticeInTheNewOne() {
        Browser.Page appeal = new Browser(browserBase()).acceptLanguage("cs").open("/cs/appeal");
        assertThat(appeal.status()).isEqualTo(200);
        assertThat(appeal.doc().selectFirst("html").attr("lang")).isEqualTo("cs");
        assertThat(appeal.doc().selectFirst("article.appeal-text").attr("lang")).isEqualTo("en");
        assertThat(appeal.doc().select("p.notice")).isNotEmpty();
    }

    @Test
    void theContainersErrorPageSpeaksEveryLanguage() {
        Browser.Page page = browser.get("/%C3%28");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.doc().select("h1").eachText()).startsWith("This request could not be handled")
                .contains("Požadavek nebylo možné zpracovat", "Не вдалося обробити запит");
        assertThat(page.doc().select("h1[lang=cs]")).hasSize(1);
    }

    private static String browserBase() {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
