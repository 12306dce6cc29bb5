package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;

class HomePageTest extends WebTest {

    @Test
    void showsTheCampaignInEnglishUnderTheEnglishPrefix() {
        Browser.Page page = browser.get("/en/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("h1")).isEqualTo("Global week of action for Ukraine");
        assertThat(page.text(".eyebrow")).isEqualTo("24 February – 3 March");
        assertThat(page.doc().select("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void followsAcceptLanguageWhenNoLanguageWasChosen() {
        Browser.Page page = browser.acceptLanguage("uk-UA,uk;q=0.9,en;q=0.5").open("/");
        assertThat(page.uri().getPath()).isEqualTo("/uk/");
        assertThat(page.text("h1")).isEqualTo("Глобальний тиждень дій за Україну");
        assertThat(page.doc().select("html").attr("lang")).isEqualTo("uk");
    }

    @Test
    void keepsALanguageChosenWithTheSwitchInACookie() {
        Browser.Page home = browser.get("/en/");
        String ukrainianLink = home.doc().select(".languages a[lang=uk]").attr("href");
        assertThat(ukrainianLink).isEqualTo("/uk/?lang=uk");

        Browser.Page switched = browser.get(ukrainianLink);
        assertThat(switched.location()).isEqualTo("/uk/");
        assertThat(browser.cookie("lang")).contains("uk");
        assertThat(browser.get("/uk/").text("h1")).isEqualTo("Глобальний тиждень дій за Україну");

        Browser.Page later = browser.open("/privacy");
        assertThat(later.uri().getPath()).isEqualTo("/uk/privacy");
        assertThat(later.text("h1")).isEqualTo("Приватність");
        assertThat(later.doc().select(".languages a[aria-current=true]").text()).isEqualTo("Українська");
    }

    @Test
    void languageSwitchLinksBackToTheSamePage() {
        Browser.Page privacy = browser.get("/en/privacy");
        assertThat(privacy.doc().select(".languages a").eachAttr("href"))
                .contains("/en/privacy?lang=en", "/uk/privacy?lang=uk", "/ru/privacy?lang=ru", "/ar/privacy?lang=ar")
                .allMatch(href -> href.matches("/([a-z]{2})/privacy\\?lang=\\1"));
    }

    @Test
    void malformedAcceptLanguageFallsBackToEnglish() {
        Browser.Page page = browser.acceptLanguage(";;;q=zz,*-*-*").open("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/en/");
        assertThat(page.text("h1")).isEqualTo("Global week of action for Ukraine");
    }

    @Test
    void publicPagesStartNoSession() {
        Browser.Page page = browser.get("/en/");
        assertThat(page.setCookies()).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        assertThat(browser.cookie("JSESSIONID")).isEmpty();
    }

    @Test
    void assetsHaveFingerprintedUrlsAndAreCachedForAYear() {
        String css = browser.get("/en/").doc().select("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/css/base-[0-9a-f]{32}\\.css");
        Browser.Page stylesheet = browser.get(css);
        assertThat(stylesheet.status()).isEqualTo(200);
        assertThat(stylesheet.header("cache-control").orElse("")).contains("max-age=31536000").contains("public");
        assertThat(browser.get("/webjars/leaflet/1.9.4/dist/leaflet.js").status()).isEqualTo(200);
        assertThat(browser.get("/api/openapi.yaml").header("cache-control").orElse("")).contains("max-age=3600");
        // nothing else of the classpath is served
        assertThat(browser.get("/application.properties").status()).isEqualTo(404);
        assertThat(browser.get("/static/css/base.css").status()).isEqualTo(404);
        assertThat(browser.get("/messages.properties").status()).isEqualTo(404);
    }
}
