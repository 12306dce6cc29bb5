package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Follows every link of the public site from the home page (with the demo content loaded), in English and in
 * Ukrainian: no page may fail, no page may load anything from another host, and every page and every feed it links
 * to has a validator (ETag) and a lifetime (Cache-Control with max-age), issue 10.
 */
class PublicPagesCrawlTest extends AppealTestSupport {

    private static final int MAX_PAGES = 150;

    @Autowired
    AppealDemoContent demo;

    @Test
    void everyPublicPageAnswersWithoutErrorLoadsNothingFromAnotherHostAndHasAValidatorAndALifetime() {
        demo.load();
        for (String language : List.of("en", "uk")) {
            List<String> problems = crawl(anotherBrowser().acceptLanguage(language));
            assertThat(problems).as("in %s", language).isEmpty();
        }
    }

    private List<String> crawl(Browser browser) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> feeds = new LinkedHashSet<>(List.of("/api/v1/appeals", "/api/v1/appeals/" + AppealDemoContent.SLUG,
                "/api/v1/appeals/" + AppealDemoContent.SLUG + "/signatories", "/api/v1/campaigns"));
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/appeal", "/appeals/" + AppealDemoContent.SLUG));
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            Browser.Page page = browser.get(path);
            if (page.isRedirect()) {
                queue.add(URI.create(page.location()).getPath());
                continue;
            }
            if (page.status() >= 500 || page.status() == 404) {
                problems.add(path + " answered " + page.status());
                continue;
            }
            validatorAndLifetime(path, page, problems);
            if (!page.header("content-type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document doc = page.doc();
            if (doc.selectFirst("html[lang]") == null) {
                problems.add(path + " has no html lang");
            }
            for (Element element : doc.select("[src], link[href], object[data], form[action]")) {
                String target = element.hasAttr("src") ? element.attr("src") : element.hasAttr("data") ? element.attr("data")
                        : element.hasAttr("action") ? element.attr("action") : element.attr("href");
                if (isForeign(target)) {
                    problems.add(path + " loads " + target + " from another host (" + element.tagName() + ")");
                }
            }
            for (Element link : doc.select("a[href]")) {
                String href = link.attr("href");
                if (href.startsWith("/api/v1/") || href.endsWith(".ics") || href.endsWith(".atom")) {
                    feeds.add(href);
                }
                if (!isForeign(href) && href.startsWith("/") && !href.startsWith("/staff") && !href.startsWith("/api")
                        && !href.contains("lang=")) {
                    queue.add(URI.create(href).getPath() + (URI.create(href).getRawQuery() == null ? "" : "?" + URI.create(href).getRawQuery()));
                }
            }
        }
        assertThat(seen.size()).as("pages crawled").isGreaterThan(8);
        for (String feed : feeds) {
            Browser.Page page = browser.get(feed);
            if (page.status() != 200) {
                problems.add(feed + " answered " + page.status());
            }
            validatorAndLifetime(feed, page, problems);
        }
        assertThat(feeds.size()).as("feeds").isGreaterThan(3);
        return problems;
    }

    private static void validatorAndLifetime(String path, Browser.Page page, List<String> problems) {
        if (page.status() != 200) {
            return;
        }
        if (page.header("ETag").isEmpty()) {
            problems.add(path + " has no ETag");
        }
        String cacheControl = page.header("Cache-Control").orElse("");
        if (!cacheControl.matches("(public|private), max-age=[1-9][0-9]*, stale-while-revalidate=[0-9]+, stale-if-error=[0-9]+")) {
            problems.add(path + " has no lifetime: Cache-Control " + cacheControl);
        }
    }

    private static boolean isForeign(String target) {
        return target.startsWith("//") || target.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !target.startsWith("mailto:");
    }
}
