package org.solidarityhub.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.DemoContent;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every staff page, reached by following the links of the staff area from its home as an admin with every role (with
 * the demo content of every feature loaded), in English and in Ukrainian: none fails, none shows a template's own
 * expression or a message key that has no text, and each has the staff navigation with its section marked.
 */
class StaffPagesTest extends WebTest {

    private static final int MAX_PAGES = 120;
    /** What a page must never show: a template's expression (a fragment passed where text was wanted), a missing message. */
    private static final Pattern TEMPLATE_TEXT = Pattern.compile("[$#*~]\\{|\\bth:[a-z-]+=|\\?\\?[A-Za-z0-9_.-]+\\?\\?");

    @Autowired
    StaffFixture staff;

    @Autowired
    List<DemoContent> demos;

    @BeforeEach
    void demoContent() {
        demos.forEach(DemoContent::load);
    }

    @Test
    void noStaffPageFailsOrShowsATemplateExpressionAndEachHasTheNavigationWithItsSectionMarked() {
        Browser admin = anotherBrowser();
        staff.signIn(admin, staff.member(uniqueEmail("crawler"), StaffRole.values()));
        for (String language : List.of("en", "uk")) {
            assertThat(admin.get("/staff?lang=" + language).status()).isEqualTo(200);
            List<String> problems = new ArrayList<>();
            Set<String> seen = crawl(admin, problems);

            assertThat(seen).as("staff pages crawled in %s", language).hasSizeGreaterThan(20)
                    .contains("/staff", "/staff/audit", "/staff/queue", "/staff/outbox", "/staff/admin/accounts");
            assertThat(problems).as("in %s", language).isEmpty();
        }
    }

    @Test
    void theNavigationShowsOnlyTheSectionsTheMembersRolesOpen() {
        Browser moderator = anotherBrowser();
        Browser.Page home = staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
        assertThat(home.doc().select("nav.staff-nav a").eachAttr("href"))
                .containsExactly("/staff", "/staff/queue", "/staff/appeals", "/staff/events", "/staff/events/speakers",
                        "/staff/reports", "/staff/news/comments");
        assertThat(home.doc().select("nav.staff-nav a[aria-current=page]").eachAttr("href")).containsExactly("/staff");

        Browser.Page speakers = moderator.get("/staff/events/speakers");
        assertThat(speakers.doc().select("nav.staff-nav a[aria-current=page]").eachAttr("href")).containsExactly("/staff/events/speakers");

        Browser editor = anotherBrowser();
        Browser.Page editorHome = staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR, StaffRole.TREASURER));
        assertThat(editorHome.doc().select("nav.staff-nav a").eachAttr("href"))
                .containsExactly("/staff", "/staff/appeals", "/staff/news", "/staff/news/updates", "/staff/fundraising",
                        "/staff/fundraising/imports");
        assertThat(editor.get("/staff/news/updates").doc().select("nav.staff-nav a[aria-current=page]").eachAttr("href"))
                .containsExactly("/staff/news/updates");
    }

    @Test
    void theSignInPagesHaveNoStaffNavigation() {
        Browser visitor = anotherBrowser();
        assertThat(visitor.get("/staff/login").doc().select("nav.staff-nav")).isEmpty();
    }

    /** Follows the staff area's links from its home; returns the paths seen, adding what is wrong to the problems. */
    private static Set<String> crawl(Browser browser, List<String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/staff"));
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            Browser.Page page = browser.get(path);
            if (page.isRedirect()) {
                continue; // forms' results and downloads; the pages they lead to are linked from elsewhere
            }
            if (page.status() != 200) {
                problems.add(path + " answered " + page.status());
                continue;
            }
            if (!page.header("content-type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document doc = page.doc();
            if (TEMPLATE_TEXT.matcher(doc.title()).find()) {
                problems.add(path + " has the title " + doc.title());
            }
            Matcher shown = TEMPLATE_TEXT.matcher(doc.body().text());
            if (shown.find()) {
                problems.add(path + " shows " + shown.group() + " in: " + around(doc.body().text(), shown.start()));
            }
            if (doc.select("nav.staff-nav a[aria-current=page]").size() != 1) {
                problems.add(path + " has no staff navigation with one section marked");
            }
            for (Element link : doc.select("a[href]")) {
                URI target = page.uri().resolve(link.attr("href").strip());
                String next = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                if (target.getHost() != null && target.getHost().equals(page.uri().getHost()) && isStaffPage(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    /** A staff page to follow: not a download, not the sign-out, not the same page in another language. */
    private static boolean isStaffPage(String path) {
        return path.startsWith("/staff") && !path.startsWith("/staff/logout") && !path.startsWith("/staff/media")
                && !path.contains("lang=") && !path.contains("language=") && !path.matches(".*\\.(csv|zip|pdf|png|jpg|webp)(\\?.*)?$");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60));
    }
}
