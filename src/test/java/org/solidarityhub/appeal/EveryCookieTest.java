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

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8, finding 8: every cookie of every page, public and staff, over HTTP and over HTTPS (through the trusted
 * proxy), is HttpOnly (no script reads any), has an explicit SameSite, and is Secure exactly when the request came
 * over HTTPS. On the way, no page's title shows a template's own expression.
 */
class EveryCookieTest extends AppealTestSupport {

    private static final int MAX_PAGES = 80;

    @Autowired
    StaffFixture staff;

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
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
        crawl(visitor, List.of("/en/", "/?lang=uk", "/?lang=en", "/en/appeals/" + appeal.slug(), "/en/events", "/staff/login"), "/", problems);
        staff.signIn(member, staff.member(uniqueEmail("cookies"), StaffRole.values()));
        crawl(member, List.of("/staff", "/staff/appeals/" + appeal.id() + "?lang=uk", "/staff/appeals/" + appeal.id() + "/review",
                "/staff/appeals/" + appeal.id() + "/search"), "/staff", problems);

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

    /** Follows the links under {@code prefix} from the start pages, noting pages that fail or show a raw title. */
    private static void crawl(Browser browser, List<String> start, String prefix, List<String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            Browser.Page page = browser.get(path);
            if (page.isRedirect()) {
                continue;
            }
            if (page.status() >= 500) {
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
                String next = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                if (target.getHost() != null && target.getHost().equals(page.uri().getHost()) && next.startsWith(prefix)
                        && !next.startsWith("/staff/logout") && !next.endsWith(".csv") && !next.contains("/feed")) {
                    queue.add(next);
                }
            }
        }
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
