package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Follows the links of the site (with the demo content loaded) and checks every page on the way:
 * <ul>
 * <li>public pages, in English and in Ukrainian, over HTTP and HTTPS: none fails, none loads anything from another
 * host, each names its language, none shows a template's own expression, none carries a per-reader token
 * ({@code _csrf}) and none sets a cookie (so every reader gets the same bytes, and a front cache may keep them),
 * except the language cookie when the reader chooses a language ({@code ?lang=});</li>
 * <li>every public page and feed has a validator (ETag) and a lifetime a front cache may share (Cache-Control
 * public with max-age, stale-while-revalidate and stale-if-error; docs/caching.md);</li>
 * <li>every cookie of every public and staff page is HttpOnly (no script reads any), has an explicit SameSite,
 * and is Secure exactly when the request came over HTTPS (through the trusted proxy).</li>
 * </ul>
 */
class SiteCrawlTest extends AppealTestSupport {

    private static final int MAX_PAGES = 150;

    @Autowired
    AppealDemoContent demo;

    @Autowired
    StaffFixture staff;

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    @Test
    void noPublicPageFailsLoadsFromAnotherHostCarriesATokenOrSetsACookie() {
        demo.load();
        for (boolean https : new boolean[] {false, true}) {
            for (String language : List.of("en", "uk")) {
                Browser reader = anotherBrowser().acceptLanguage(language);
                if (https) {
                    reader.https();
                }
                List<String> problems = new ArrayList<>();
                String prefix = "/" + language;
                Set<String> seen = crawl(reader, List.of(prefix + "/", "/appeal", prefix + "/appeals/" + AppealDemoContent.SLUG,
                        prefix + "/appeals/" + appeal.slug(), prefix + "/events", prefix + "/no-such-page"), SiteCrawlTest::isPublic, problems, SiteCrawlTest::checkPublicPage);

                assertThat(seen.size()).as("pages crawled").isGreaterThan(8);
                assertThat(problems).as("in %s over %s", language, https ? "HTTPS" : "HTTP").isEmpty();
            }
        }
    }

    @Test
    void everyPublicPageAndFeedHasAValidatorAndALifetimeAFrontCacheMayShare() {
        demo.load();
        for (String language : List.of("en", "uk")) {
            Browser reader = anotherBrowser().acceptLanguage(language);
            List<String> problems = new ArrayList<>();
            Set<String> seen = crawl(reader, List.of("/", "/appeals/" + AppealDemoContent.SLUG, "/appeals/" + appeal.slug(), "/events"),
                    SiteCrawlTest::isPublic, problems, SiteCrawlTest::checkValidatorAndLifetime);
            List<String> feeds = new ArrayList<>(List.of("/api/v1/appeals", "/api/v1/appeals/" + AppealDemoContent.SLUG,
                    "/api/v1/appeals/" + AppealDemoContent.SLUG + "/signatories", "/api/v1/campaigns"));
            java.util.regex.Matcher campaign = java.util.regex.Pattern.compile("\"slug\":\"([^\"]+)\"")
                    .matcher(reader.get("/api/v1/campaigns").body());
            if (campaign.find()) {
                String api = "/api/v1/campaigns/" + campaign.group(1);
                feeds.addAll(List.of(api, api + "/events", api + "/events.geojson", api + "/events.ics", api + "/events.atom"));
            }
            for (String feed : feeds) {
                Browser.Page page = reader.get(feed);
                if (page.status() != 200) {
                    problems.add(feed + " answered " + page.status());
                }
                checkValidatorAndLifetime(feed, page, problems);
            }

            assertThat(seen.size()).as("pages crawled").isGreaterThan(8);
            assertThat(problems).as("in %s", language).isEmpty();
        }
    }

    /** A page answered in full has an ETag and a Cache-Control that lets a front cache share it for a while. */
    private static void checkValidatorAndLifetime(String path, Browser.Page page, List<String> problems) {
        if (page.status() != 200) {
            return;
        }
        if (page.header("ETag").isEmpty()) {
            problems.add(path + " has no ETag");
        }
        String cacheControl = page.header("Cache-Control").orElse("");
        if (!cacheControl.matches("public, max-age=[1-9][0-9]*, stale-while-revalidate=[0-9]+, stale-if-error=[0-9]+")) {
            problems.add(path + " has no shared lifetime: Cache-Control " + cacheControl);
        }
    }

    @Test
    void choosingALanguageSetsTheLanguageCookieAndNothingElse() {
        Browser.Page page = anotherBrowser().get("/appeals/" + appeal.slug() + "?lang=uk");

        assertThat(page.setCookies()).singleElement().satisfies(cookie -> assertThat(cookie).startsWith("lang=uk;"));
        assertThat(page.doc().select("input[name=_csrf]")).isEmpty();
    }

    @Test
    void everyCookieOverPlainHttpIsHttpOnlyWithSameSiteAndNotSecure() {
        assertCookies(false);
    }

    @Test
    void everyCookieOverHttpsIsSecureHttpOnlyWithSameSite() {
        assertCookies(true);
    }

    private void assertCookies(boolean https) {
        Browser visitor = anotherBrowser();
        Browser member = anotherBrowser();
        if (https) {
            visitor.https();
            member.https();
        }
        List<String> problems = new ArrayList<>();
        crawl(visitor, List.of("/?lang=uk", "/?lang=en", "/appeals/" + appeal.slug(), "/events", "/staff/login"),
                path -> path.startsWith("/"), problems, (path, page, found) -> { });
        staff.signIn(member, staff.member(uniqueEmail("cookies"), StaffRole.values()));
        crawl(member, List.of("/staff", "/staff/appeals/" + appeal.id() + "?lang=uk", "/staff/appeals/" + appeal.id() + "/review",
                "/staff/appeals/" + appeal.id() + "/search"), path -> path.startsWith("/staff"), problems, (path, page, found) -> { });

        List<Map.Entry<URI, String>> cookies = new ArrayList<>(visitor.cookiesSet());
        cookies.addAll(member.cookiesSet());
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<URI, String> set : cookies) {
            Map<String, String> cookie = attributes(set.getValue());
            String where = cookie.get("name") + " from " + set.getKey().getPath();
            names.add(cookie.get("name"));
            if (!cookie.containsKey("httponly")) {
                problems.add(where + " is not HttpOnly");
            }
            if (!List.of("lax", "strict").contains(cookie.getOrDefault("samesite", "").toLowerCase())) {
                problems.add(where + " has no explicit SameSite");
            }
            if (cookie.containsKey("secure") != https) {
                problems.add(where + (https ? " is not Secure over HTTPS" : " is Secure over plain HTTP"));
            }
        }
        assertThat(names).as("the cookies the site sets").contains("lang", "XSRF-TOKEN", "JSESSIONID");
        assertThat(problems).isEmpty();
    }

    /** What a public page must not do: carry a per-reader token, set a cookie the reader did not ask for, load from elsewhere. */
    private static void checkPublicPage(String path, Browser.Page page, List<String> problems) {
        boolean choosesLanguage = path.contains("lang=");
        for (String cookie : page.setCookies()) {
            if (!(choosesLanguage && cookie.startsWith("lang="))) {
                problems.add(path + " sets the cookie " + cookie.split(";", 2)[0].split("=", 2)[0]);
            }
        }
        if (!page.header("content-type").orElse("").startsWith("text/html")) {
            return;
        }
        Document doc = page.doc();
        if (!doc.select("input[name=_csrf], meta[name=_csrf]").isEmpty()) {
            problems.add(path + " carries a CSRF token");
        }
        if (doc.selectFirst("html[lang]") == null) {
            problems.add(path + " has no html lang");
        }
        // hreflang alternates and the canonical address name the site's public address: links, not loads
            for (Element element : doc.select("[src], link[href]:not([rel=alternate][hreflang], [rel=canonical]), object[data], form[action]")) {
            String target = element.hasAttr("src") ? element.attr("src") : element.hasAttr("data") ? element.attr("data")
                    : element.hasAttr("action") ? element.attr("action") : element.attr("href");
            if (isForeign(target)) {
                problems.add(path + " loads " + target + " from another host (" + element.tagName() + ")");
            }
        }
    }

    /** Checks one page of a crawl (after the checks every page gets), adding what is wrong to the problems. */
    @FunctionalInterface
    private interface PageCheck {
        void check(String path, Browser.Page page, List<String> problems);
    }

    /**
     * Follows the links on this site that {@code follow} accepts, from the start pages and through redirects;
     * every page must answer without a server error and, unless it is a start page, with something other than
     * 404, and no title or text may show a template's own expression. Returns the paths seen.
     */
    private static Set<String> crawl(Browser browser, List<String> start, Predicate<String> follow, List<String> problems,
                                     PageCheck check) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            Browser.Page page = browser.get(path);
            check.check(path, page, problems);
            if (page.isRedirect()) {
                URI target = page.uri().resolve(page.location());
                if (target.getHost() != null && target.getHost().equals(page.uri().getHost())) {
                    queue.add(pathOf(target));
                }
                continue;
            }
            if (page.status() >= 500 || page.status() == 404 && !start.contains(path)) {
                problems.add(path + " answered " + page.status());
                continue;
            }
            if (!page.header("content-type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document doc = page.doc();
            String title = doc.title();
            if (title.contains("~{") || title.contains("${") || title.contains("::")) {
                problems.add(path + " has the title " + title);
            }
            if (doc.text().contains("th:text")) {
                problems.add(path + " shows a template expression as text");
            }
            for (Element link : doc.select("a[href]")) {
                URI target = page.uri().resolve(link.attr("href").strip());
                String next = pathOf(target);
                if (target.getHost() != null && target.getHost().equals(page.uri().getHost()) && follow.test(next)
                        && !next.startsWith("/staff/logout") && !next.endsWith(".csv") && !next.contains("/feed")) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    /** Public pages the crawl follows: not the staff area, not the JSON API, not a language choice (checked apart). */
    private static boolean isPublic(String path) {
        return path.startsWith("/") && !path.startsWith("/staff") && !path.startsWith("/api") && !path.contains("lang=");
    }

    private static String pathOf(URI target) {
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    private static boolean isForeign(String target) {
        return target.startsWith("//") || target.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !target.startsWith("mailto:");
    }

    /** A Set-Cookie header as "name", "value" and its attributes, names in lower case, flags mapped to "". */
    private static Map<String, String> attributes(String header) {
        Map<String, String> cookie = new LinkedHashMap<>();
        String[] parts = header.split(";");
        String[] pair = parts[0].split("=", 2);
        cookie.put("name", pair[0].strip());
        cookie.put("value", pair.length == 2 ? pair[1] : "");
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].strip().split("=", 2);
            cookie.put(attribute[0].toLowerCase(), attribute.length == 2 ? attribute[1] : "");
        }
        return cookie;
    }
}
