package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** One language per URL: every public page under the prefix of each supported language (issue 10). */
class LanguageUrlsTest extends WebTest {

    private static final String BASE = "http://hub.test"; // app.base-url of the test profile
    private static final List<String> PAGES = List.of("/", "/privacy", "/events", "/events/new"); // with a campaign: EventLanguageUrlsTest

    @Autowired
    SupportedLanguages languages;

    @Autowired
    MessageSource messages;

    @Test
    void eachSupportedLanguageHasItsOwnUrlForEachPublicPageAndServesThatLanguage() {
        assertThat(languages.all()).hasSizeGreaterThan(1);
        for (Locale language : languages.all()) {
            String code = language.getLanguage();
            String home = messages.getMessage("layout.nav.home", null, language);
            for (String page : PAGES) {
                Browser.Page shown = anotherBrowser().acceptLanguage("xx").get("/" + code + page);
                assertThat(shown.status()).as(code + page).isEqualTo(200);
                assertThat(shown.doc().selectFirst("html").attr("lang")).as(code + page).isEqualTo(code);
                assertThat(shown.setCookies()).as(code + page).noneMatch(c -> c.startsWith("lang=")); // no language cookie without a choice
                assertThat(shown.header("vary").orElse("")).as(code + page).doesNotContain("Accept-Language").doesNotContain("Cookie");
                assertThat(shown.doc().select("nav.site-nav a").eachText()).as(code + page).contains(home);
            }
        }
    }

    @Test
    void theAppealRedirectKeepsThePrefixOfThePage() {
        Browser.Page appeal = browser.get("/uk/appeal");
        if (appeal.isRedirect()) { // with no open appeal the page says so itself
            assertThat(appeal.location()).startsWith("/uk/appeals/");
            assertThat(browser.follow(appeal).doc().selectFirst("html").attr("lang")).isEqualTo("uk");
        }
    }

    @Test
    void anUnprefixedPageRedirectsOnceByTheLanguageCookie() {
        browser.acceptLanguage("en").get("/en/?lang=uk");
        assertThat(browser.cookie("lang")).contains("uk");

        Browser.Page redirect = browser.get("/events?campaign=none&page=2");

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).isEqualTo("/uk/events?campaign=none&page=2");
        assertThat(redirect.header("vary")).contains("Cookie, Accept-Language");
        assertThat(redirect.setCookies()).isEmpty();
        assertThat(browser.get(redirect.location()).isRedirect()).isFalse();
    }

    @Test
    void anUnprefixedPageRedirectsByAcceptLanguageWithoutACookie() {
        Browser.Page home = anotherBrowser().acceptLanguage("uk-UA,uk;q=0.9,en;q=0.5").get("/");
        assertThat(home.location()).isEqualTo("/uk/");
        assertThat(home.header("vary")).contains("Cookie, Accept-Language");
        assertThat(home.header("content-security-policy")).isPresent();

        Browser.Page head = anotherBrowser().acceptLanguage("en").method("HEAD", "/privacy");
        assertThat(head.status()).isEqualTo(302);
        assertThat(head.location()).isEqualTo("/en/privacy");
        assertThat(head.setCookies()).isEmpty();
    }

    @Test
    void theLanguageParameterRedirectsToThatPrefixAndRemembersTheChoice() {
        Browser.Page chosen = browser.get("/en/privacy?lang=uk");

        assertThat(chosen.location()).isEqualTo("/uk/privacy");
        assertThat(browser.cookie("lang")).contains("uk");
        assertThat(chosen.setCookies()).anyMatch(c -> c.startsWith("lang=uk") && c.contains("Path=/"));

        Browser.Page withQuery = anotherBrowser().get("/events?lang=uk&campaign=x");
        assertThat(withQuery.location()).isEqualTo("/uk/events?campaign=x");
    }

    @Test
    void theLanguageSwitchLinksToTheSamePageUnderEachPrefixThroughTheChoice() {
        Document page = browser.get("/uk/privacy?from=mail").doc();

        assertThat(page.select("nav.languages a").eachAttr("href"))
                .hasSize(languages.all().size())
                .containsSubsequence("/en/privacy?from=mail&lang=en", "/uk/privacy?from=mail&lang=uk")
                .allMatch(href -> href.matches("/([a-z]{2})/privacy\\?from=mail&lang=\\1"));
        assertThat(page.select("nav.languages a[aria-current=true]").eachAttr("hreflang")).containsExactly("uk");
    }

    @Test
    void anUnknownPrefixOrLanguageNeverGivesAnErrorPage() {
        Browser english = anotherBrowser().acceptLanguage("en");
        assertThat(english.get("/ja/privacy").location()).isEqualTo("/en/privacy");
        assertThat(english.get("/ja").location()).isEqualTo("/en/");
        assertThat(english.get("/privacy?lang=ja").location()).isEqualTo("/en/privacy");
        assertThat(english.get("/uk/privacy?lang=ja").location()).isEqualTo("/uk/privacy");
        assertThat(english.open("/ja/privacy?lang=ja").status()).isEqualTo(200);
        assertThat(english.cookie("lang")).isEmpty();
        assertThat(english.get("/uk").location()).isEqualTo("/uk/");
    }

    @Test
    void aMissingPageUnderAPrefixIsNotFoundInThatLanguageWithPrefixedLinks() {
        Browser.Page missing = anotherBrowser().acceptLanguage("en").get("/uk/no-such-page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.doc().selectFirst("html").attr("lang")).isEqualTo("uk");
        assertThat(missing.doc().select("main a").attr("href")).isEqualTo("/uk/");
        assertThat(missing.doc().select("link[rel=stylesheet]").attr("href")).startsWith("/css/");
    }

    @Test
    void everyPublicPageNamesItsLanguagesAndItsCanonicalAddressAbsolutely() {
        Document page = browser.get("/uk/privacy?from=mail").doc();

        assertThat(page.select("link[rel=canonical]").eachAttr("href")).containsExactly(BASE + "/uk/privacy?from=mail");
        List<String> alternates = page.select("link[rel=alternate][hreflang]").stream()
                .map(l -> l.attr("hreflang") + " " + l.attr("href")).toList();
        assertThat(alternates).hasSize(languages.all().size() + 1);
        for (Locale language : languages.all()) {
            assertThat(alternates).contains(language.getLanguage() + " " + BASE + "/" + language.getLanguage() + "/privacy?from=mail");
        }
        assertThat(alternates).contains("x-default " + BASE + "/privacy?from=mail");
    }

    @Test
    void assetsApiAndStaffLinkedFromAPrefixedPageHaveNoPrefix() {
        Document page = browser.get("/uk/events/new").doc();

        List<String> assets = page.select("link[rel=stylesheet], link[rel=icon], script[src], img[src]").stream()
                .map(e -> e.hasAttr("src") ? e.attr("src") : e.attr("href")).toList();
        assertThat(assets).isNotEmpty().allMatch(a -> a.matches("/(css|js|img|webjars)/.*"), "unprefixed");
        assets.forEach(asset -> assertThat(browser.get(asset).status()).as(asset).isEqualTo(200));
        assertThat(page.select("nav.site-nav a").eachAttr("href")).allMatch(href -> href.startsWith("/uk/"));
        assertThat(page.select("form[method=post]").eachAttr("action")).allMatch(a -> a.startsWith("/uk/"));
    }

    @Test
    void staffPagesApiAndAssetsHaveOneUrlWithoutAPrefix() {
        Browser ukrainian = anotherBrowser().acceptLanguage("uk");
        Browser.Page login = ukrainian.get("/staff/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.doc().selectFirst("html").attr("lang")).isEqualTo("uk"); // the browser's language, as before
        assertThat(login.doc().select("link[rel=canonical]")).isEmpty();
        assertThat(ukrainian.get("/uk/staff/login").location()).isEqualTo("/staff/login");

        assertThat(browser.get("/api/v1/campaigns").status()).isEqualTo(200);
        assertThat(browser.get("/en/api/v1/campaigns").location()).isEqualTo("/api/v1/campaigns");
        assertThat(browser.get("/actuator/health").status()).isEqualTo(200);
        assertThat(browser.get("/en/img/favicon.svg").location()).isEqualTo("/img/favicon.svg");
    }

    @Test
    void postsToUnprefixedPublicPathsAreNotRedirected() {
        // a form rendered before the prefixes existed posts to /events/new: it is answered, not redirected to a GET
        Browser.Page page = browser.get("/en/events/new");
        String token = page.doc().select("input[name=_csrf]").attr("value");
        Browser.Page posted = browser.post("/events/new", token.isEmpty() ? java.util.Map.of() : java.util.Map.of("_csrf", token));

        assertThat(posted.status()).isNotIn(301, 302, 303, 307, 308, 500);
    }
}
