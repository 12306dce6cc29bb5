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
 * Ukrainian: no page may fail, and no page may load anything from another host.
 */
class PublicPagesCrawlTest extends AppealTestSupport {

    private static final int MAX_PAGES = 150;

    @Autowired
    AppealDemoContent demo;

    @Test
    void everyPublicPageAnswersWithoutErrorAndLoadsNothingFromAnotherHost() {
        demo.load();
        for (String language : List.of("en", "uk")) {
            List<String> problems = crawl(anotherBrowser().acceptLanguage(language));
            assertThat(problems).as("in %s", language).isEmpty();
        }
    }

    private List<String> crawl(Browser browser) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
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
            if (!page.header("content-type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document doc = page.doc();
            if (doc.selectFirst("html[lang]") == null) {
                problems.add(path + " has no html lang");
            }
            // canonical and hreflang links name the site's public address (app.base-url), not this test server
            for (Element element : doc.select("[src], link[href]:not([rel=canonical], [rel=alternate]), object[data], form[action]")) {
                String target = element.hasAttr("src") ? element.attr("src") : element.hasAttr("data") ? element.attr("data")
                        : element.hasAttr("action") ? element.attr("action") : element.attr("href");
                if (isForeign(target)) {
                    problems.add(path + " loads " + target + " from another host (" + element.tagName() + ")");
                }
            }
            for (Element link : doc.select("a[href]")) {
                String href = link.attr("href");
                if (!isForeign(href) && href.startsWith("/") && !href.startsWith("/staff") && !href.startsWith("/api")
                        && !href.contains("lang=")) {
                    queue.add(URI.create(href).getPath() + (URI.create(href).getRawQuery() == null ? "" : "?" + URI.create(href).getRawQuery()));
                }
            }
        }
        assertThat(seen.size()).as("pages crawled").isGreaterThan(8);
        return problems;
    }

    private static boolean isForeign(String target) {
        return target.startsWith("//") || target.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !target.startsWith("mailto:");
    }
}
