package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The headers, cookies and links that keep visitors' browsers from talking to anyone but this site. */
class SecurityHeadersTest extends WebTest {

    private static final String HTTPS = "X-Forwarded-Proto";

    @Autowired
    StaffFixture fixture;

    // ---- headers on every page, error pages included

    @Test
    void aPublicPageCarriesTheSecurityHeaders() {
        assertSecurityHeaders(browser.get("/"), 200);
    }

    @Test
    void aNotFoundPageCarriesTheSecurityHeaders() {
        assertSecurityHeaders(browser.get("/no-such-page"), 404);
    }

    @Test
    void aPageRefusedByInputScreeningCarriesTheSecurityHeaders() {
        assertSecurityHeaders(browser.get("/?q=%01"), 400);
    }

    @Test
    void aPageRefusedByTheFirewallCarriesTheSecurityHeaders() {
        // a session id in the address is refused before any page is looked for
        Browser.Page page = browser.get("/privacy;jsessionid=0123456789ABCDEF");

        assertSecurityHeaders(page, 400);
        assertThat(page.text(".error-page h1")).isEqualTo("This request could not be handled");
    }

    @Test
    void aJsonErrorCarriesTheSecurityHeaders() {
        Browser.Page page = browser.get("/?q=%01", "Accept", "application/json");

        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertSecurityHeaders(page, 400);
    }

    // ---- HSTS

    @Test
    void sendsHstsOverHttpsThroughTheTrustedLocalProxy() {
        for (String path : new String[] {"/", "/no-such-page", "/?q=%01"}) {
            Browser.Page page = browser.get(path, HTTPS, "https");

            assertThat(page.headers().allValues("Strict-Transport-Security")).as(path).singleElement().satisfies(hsts -> {
                assertThat(hsts.replace(" ", "")).contains("includeSubDomains");
                assertThat(maxAge(hsts)).isGreaterThanOrEqualTo(31_536_000L);
            });
        }
    }

    @Test
    void sendsNoHstsOverPlainHttp() {
        for (String path : new String[] {"/", "/no-such-page", "/?q=%01"}) {
            Browser.Page page = browser.get(path);

            assertThat(page.header("Content-Security-Policy")).as(path).isPresent();
            assertThat(page.header("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    // ---- cookies

    @Test
    void theCsrfCookieIsHttpOnlyAndSameSiteLax() {
        Browser.Page page = browser.get("/staff/login");

        assertThat(setCookie(page, "XSRF-TOKEN")).containsEntry("httponly", "").containsEntry("samesite", "Lax")
                .containsEntry("path", "/").doesNotContainKey("secure");
    }

    @Test
    void theCsrfCookieIsSecureOverHttps() {
        Browser.Page page = browser.get("/staff/login", HTTPS, "https");

        assertThat(setCookie(page, "XSRF-TOKEN")).containsKey("secure").containsEntry("httponly", "").containsEntry("samesite", "Lax");
    }

    @Test
    void theLanguageCookieIsHttpOnlyAndSameSiteLax() {
        Browser.Page page = browser.get("/?lang=uk");

        assertThat(setCookie(page, "lang")).containsEntry("value", "uk").containsEntry("httponly", "")
                .containsEntry("samesite", "Lax").containsEntry("path", "/");
    }

    @Test
    void theStaffSessionCookieIsHttpOnlyAndSameSiteLaxAndNewAfterTheSecondFactor() {
        StaffFixture.Member admin = fixture.member(uniqueEmail("headers-admin"), StaffRole.ADMIN);

        Browser.Page login = browser.get("/staff/login");
        Browser.Page afterPassword = browser.submit(login, "form[action$=/staff/login]",
                Map.of("email", admin.email(), "password", admin.password()));
        assertThat(afterPassword.location()).endsWith("/staff/login/code");
        Map<String, String> pendingSession = setCookie(afterPassword, "JSESSIONID");
        fixture.nextStep();
        Browser.Page codeForm = browser.follow(afterPassword);
        Browser.Page afterCode = browser.submit(codeForm, "form[action$=/staff/login/code]",
                Map.of("code", fixture.currentCode(admin.totpSecret())));
        assertThat(afterCode.location()).endsWith("/staff");

        Map<String, String> session = setCookie(afterCode, "JSESSIONID");
        assertThat(session).containsEntry("httponly", "").containsEntry("samesite", "Lax").containsEntry("path", "/");
        assertThat(session.get("value")).isNotEqualTo(pendingSession.get("value"));
        assertThat(browser.cookie("JSESSIONID")).contains(session.get("value"));
        assertThat(browser.follow(afterCode).status()).isEqualTo(200);
    }

    // ---- caching

    @Test
    void staffPagesAreNeverStored() {
        assertThat(browser.get("/staff/login").header("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));

        StaffFixture.Member admin = fixture.member(uniqueEmail("headers-admin"), StaffRole.ADMIN);
        fixture.signIn(browser, admin);
        Map<String, Integer> pages = Map.of("/staff", 200, "/staff/outbox", 200, "/staff/admin/accounts", 200, "/staff/no-such-page", 404);
        pages.forEach((path, status) -> {
            Browser.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(status);
            assertThat(page.header("Cache-Control")).as(path).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        });
    }

    // ---- CSRF: tokens for the staff area (public forms: see AppealCrossSiteTest, EventsCrossSiteTest)

    @Test
    void refusesTheStaffSignInPostedWithoutItsCsrfToken() {
        StaffFixture.Member member = fixture.member(uniqueEmail("headers-editor"), StaffRole.EDITOR);
        Browser.Page login = browser.get("/staff/login");
        assertThat(login.doc().select("form[action$=/staff/login] input[name=_csrf]")).hasSize(1);

        Browser.Page withoutToken = browser.post("/staff/login", Map.of("email", member.email(), "password", member.password()));

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.text(".error-page h1")).isEqualTo("Not allowed");
        assertThat(browser.cookie("JSESSIONID")).isEmpty();

        // the same form with its token passes the password step
        Browser.Page withToken = browser.submit(login, "form[action$=/staff/login]",
                Map.of("email", member.email(), "password", member.password()));
        assertThat(withToken.location()).endsWith("/staff/login/code");
    }

    @Test
    void refusesAStaffPostWithoutTheCsrfTokenFromASignedInMemberEvenFromThisSite() {
        StaffFixture.Member admin = fixture.member(uniqueEmail("headers-admin"), StaffRole.ADMIN);
        fixture.signIn(browser, admin);
        browser.header("Sec-Fetch-Site", "same-origin").header("Origin", "http://localhost:" + port);
        Browser.Page accounts = browser.get("/staff/admin/accounts");
        assertThat(accounts.doc().select("form[method=post] input[name=_csrf]")).isNotEmpty();
        String invitee = uniqueEmail("never-invited");

        Browser.Page withoutToken = browser.post("/staff/admin/accounts/invite", Map.of("email", invitee, "roles", "EDITOR"));

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.text(".error-page h1")).isEqualTo("Not allowed");
        assertThat(db.sql("SELECT COUNT(*) FROM staff_invitation WHERE email = :email").param("email", invitee)
                .query(Long.class).single()).isZero();
        assertThat(browser.post("/staff/logout", Map.of()).status()).isEqualTo(403);
        assertThat(browser.get("/staff").status()).isEqualTo(200); // still signed in
    }

    @Test
    void aStaffPathSpelledWithPercentEncodingIsStillTheStaffArea() {
        // Spring MVC decodes /%73taff to /staff to find the controller: the staff chain must see it the same way
        assertThat(browser.get("/%73taff").location()).endsWith("/staff/login");
        assertThat(browser.get("/%73taff/admin/accounts").location()).endsWith("/staff/login");
        Browser.Page login = browser.get("/%73taff/login");
        assertThat(login.doc().select("input[name=_csrf]")).hasSize(1);
        assertThat(login.header("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(browser.post("/%73taff/login", Map.of("email", "a@example.org", "password", "x")).status()).isEqualTo(403);
    }

    @Test
    void refusesACsrfTokenFromAnotherBrowser() {
        String othersToken = anotherBrowser().get("/staff/login").doc().select("input[name=_csrf]").attr("value");
        browser.get("/staff/login");

        Browser.Page page = browser.post("/staff/login", Map.of("_csrf", othersToken, "email", "a@example.org", "password", "x"));

        assertThat(page.status()).isEqualTo(403);
    }

    // ---- no third parties

    @Test
    void theHomePageLinksAndLoadsOnlyFromThisSite() {
        assertSameOrigin(browser.get("/"));
    }

    @Test
    void errorPagesLinkAndLoadOnlyFromThisSite() {
        assertSameOrigin(browser.get("/no-such-page"));
        assertSameOrigin(browser.get("/?q=%01"));
        assertSameOrigin(browser.get("/%C3%28"));
    }

    // ---- helpers

    private static void assertSecurityHeaders(Browser.Page page, int status) {
        assertThat(page.status()).as(page.uri().toString()).isEqualTo(status);
        assertThat(page.headers().allValues("Content-Security-Policy")).singleElement().satisfies(SecurityHeadersTest::assertStrictCsp);
        assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    }

    private static void assertStrictCsp(String policy) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            List<String> words = Arrays.stream(directive.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            if (!words.isEmpty()) {
                assertThat(directives.put(words.getFirst(), words.subList(1, words.size()))).as("repeated " + words.getFirst()).isNull();
            }
        }
        assertThat(directives.get("default-src")).containsExactly("'self'");
        assertThat(directives.get("script-src")).containsExactly("'self'");
        assertThat(directives.get("object-src")).containsExactly("'none'");
        assertThat(directives.get("base-uri")).containsExactly("'none'");
        assertThat(directives.get("frame-ancestors")).containsExactly("'none'");
        // no host, scheme, wildcard, nonce or 'unsafe-…' anywhere
        assertThat(directives.values()).allSatisfy(sources -> assertThat(sources).isNotEmpty().isSubsetOf("'self'", "'none'"));
    }

    private static long maxAge(String hsts) {
        var matcher = Pattern.compile("max-age=(\\d+)").matcher(hsts.replace(" ", ""));
        assertThat(matcher.find()).as(hsts).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The cookie a response sets: "value" and each attribute, names in lower case, flags mapped to "". */
    private static Map<String, String> setCookie(Browser.Page page, String name) {
        String header = page.setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " set by " + page.uri() + ": " + page.setCookies()));
        Map<String, String> cookie = new LinkedHashMap<>();
        String[] parts = header.split(";");
        cookie.put("value", parts[0].substring(name.length() + 1));
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].strip().split("=", 2);
            cookie.put(attribute[0].toLowerCase(), attribute.length == 2 ? attribute[1] : "");
        }
        return cookie;
    }

    private void assertSameOrigin(Browser.Page page) {
        URI origin = URI.create("http://localhost:" + port + "/");
        List<Element> references = page.doc().select("[href], [src], [action], [srcset], [poster], [data], [formaction]");
        assertThat(references).as("links on " + page.uri()).isNotEmpty();
        for (Element element : references) {
            for (String attribute : List.of("href", "src", "action", "srcset", "poster", "data", "formaction")) {
                if (!element.hasAttr(attribute)) {
                    continue;
                }
                String value = element.attr(attribute);
                URI target = page.uri().resolve(value.strip().split("\\s+")[0]);
                assertThat(target.getScheme() + "://" + target.getAuthority())
                        .as("%s=\"%s\" on %s", attribute, value, page.uri())
                        .isEqualTo(origin.getScheme() + "://" + origin.getAuthority());
            }
        }
        assertThat(page.doc().select("meta[http-equiv], iframe, object, embed")).isEmpty();
        for (Element stylesheet : page.doc().select("link[rel=stylesheet]")) {
            Browser.Page css = browser.get(stylesheet.attr("href"));
            assertThat(css.status()).as(stylesheet.attr("href")).isEqualTo(200);
            assertThat(css.body()).doesNotContainPattern("(?i)url\\(\\s*['\"]?\\s*(https?:)?//").doesNotContainIgnoringCase("@import");
        }
    }
}
