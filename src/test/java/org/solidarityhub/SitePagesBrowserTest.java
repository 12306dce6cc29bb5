package org.solidarityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.solidarityhub.appeal.AppealDemo;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.platform.DemoContent;
import org.solidarityhub.platform.LanguageUrls;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.E2eScripts;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every page of the site, with the demo content of every feature, in a real browser (e2e/site-pages.mjs): each public
 * page reachable by links from the home page and each staff page an admin with every role reaches from the staff home
 * (one page per shape: one event, one post, one fundraiser...), the public forms after an empty submit, and the "check
 * your mail" and confirm pages, at 390 and 1280 pixels wide, with JavaScript on and off, in English and Ukrainian, and
 * with JavaScript on in Arabic, the right-to-left language (which must set dir="rtl" and start from the right).
 * Each view is screenshotted (target/e2e/site-pages/, which .ci/run keeps under target/ci/screenshots/), and the test
 * fails, naming page, width, JavaScript, language and what, when a page is wider than the viewport at 390 pixels, shows
 * a template expression or a raw message key, or when axe-core finds a violation.
 */
class SitePagesBrowserTest extends WebTest {

    /** How many pages each crawl may fetch (one per shape is kept). */
    private static final int MAX_FETCHES = 250;
    private static final String BASE = "http://hub.test";

    @Autowired
    ApplicationContext context;

    @Autowired
    List<DemoContent> demos;

    @Autowired
    StaffFixture staff;

    /** A page to check: a name for its screenshots, its path (without language prefix), and which form to submit empty. */
    record Entry(String name, String path, boolean localized, boolean staff, int form) {
        String line() {
            return String.join("\t", name, path, Boolean.toString(localized), Boolean.toString(staff), Integer.toString(form));
        }
    }

    @Test
    void everyPageFitsAPhoneShowsNoTemplateExpressionOrRawKeyAndHasNoAxeViolation() throws Exception {
        E2eScripts.requireBrowser();
        String appealSlug = AppealDemo.load(context);
        String campaignSlug = EventsFixture.loadDemo(context);
        demos.forEach(DemoContent::load);
        Map<String, Entry> pages = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();

        // public pages: the crawl from the home page, plus the pages at the end of each flow
        Browser reader = anotherBrowser().from(uniqueIp());
        crawl(reader, List.of("/en/", "/en/appeals/" + appealSlug, "/en/events", "/en/events/new?campaign=" + campaignSlug),
                path -> LanguageUrls.isPage(stripLanguage(path)) && !path.contains("lang="), false, pages, problems);
        pages.put("error-404", new Entry("error-404", "/no-such-page", true, false, -1));
        for (String path : List.of("/appeals/" + appealSlug + "/signed", "/events/submitted", "/reports/sent", "/reports/confirmed",
                "/news/subscribe/sent", "/news/subscribe/confirmed", "/news/comments/sent", "/news/comments/confirmed",
                "/fundraisers/pledges/sent")) {
            addIfPage(reader, path, true, pages);
        }
        tokenPages(appealSlug, campaignSlug, pages);

        // staff pages, signed in as an admin with every role
        Browser admin = anotherBrowser();
        StaffFixture.Member member = staff.member(uniqueEmail("site-pages"), StaffRole.values());
        staff.signIn(admin, member);
        crawl(admin, List.of("/staff"), path -> path.startsWith("/staff") && !path.startsWith("/staff/logout")
                && !path.contains("lang="), true, pages, problems);
        pages.put("staff-login", new Entry("staff-login", "/staff/login", false, false, -1));
        pages.put("staff-login-empty", new Entry("staff-login-empty", "/staff/login", false, false, 0));

        Path screenshots = E2eScripts.screenshots("site-pages");
        Files.createDirectories(screenshots);
        Path list = screenshots.resolve("pages.tsv");
        Files.write(list, pages.values().stream().map(Entry::line).toList(), StandardCharsets.UTF_8);
        Path keys = screenshots.resolve("message-keys.txt");
        Files.write(keys, messageKeys(), StandardCharsets.UTF_8);
        // the script signs in again itself; its TOTP step must not be the one the fixture's sign-in used
        staff.nextStep();
        Duration clockOffset = Duration.between(Instant.now(), applicationClock.instant());

        Map<String, String> environment = new HashMap<>(Map.of(
                "BASE_URL", "http://localhost:" + port,
                "PAGES_FILE", list.toString(),
                "MESSAGE_KEYS_FILE", keys.toString(),
                "STAFF_EMAIL", member.email(),
                "STAFF_PASSWORD", member.password(),
                "TOTP_SECRET", member.totpSecret(),
                "CLOCK_OFFSET_MS", Long.toString(clockOffset.toMillis()),
                "CLIENT_ADDRESSES", String.join(",", uniqueIp(), uniqueIp(), uniqueIp(), uniqueIp(), uniqueIp()),
                "SCREENSHOT_DIR", screenshots.toString()));
        E2eScripts.Run run = E2eScripts.run("site-pages.mjs", environment, Duration.ofMinutes(20));

        for (String line : run.output().lines().toList()) {
            if (line.startsWith("PROBLEM\t")) {
                problems.add(line.substring("PROBLEM\t".length()).replace('\t', ' '));
            }
        }
        assertThat(run.output()).as("node e2e/site-pages.mjs printed:\n%s", run.output()).contains("CHECKED ");
        assertThat(problems).as("%d problems on %d pages (page, width, JavaScript, language, what); screenshots in %s",
                problems.size(), pages.size(), screenshots).isEmpty();
        assertThat(run.exitCode()).as("exit code of node e2e/site-pages.mjs, which printed:\n%s", run.output()).isZero();
    }

    /**
     * The pages only a mailed link opens (the appeal's confirm page, an event's manage page, a participant's confirm
     * page) and an event with a sign-up, as it is and with its sign-up form sent empty.
     */
    private void tokenPages(String appealSlug, String campaignSlug, Map<String, Entry> pages) {
        Browser signer = anotherBrowser().from(uniqueIp());
        String email = uniqueEmail("site-pages-signer");
        Browser.Page appeal = signer.get("/en/appeals/" + appealSlug);
        Browser.Page signed = signer.submit(appeal, "#sign-individual",
                Map.of("name", "Olena Kovalenko", "email", email, "country", "BE", "city", "Brussels", "display", "HIDDEN"));
        assertThat(signed.isRedirect()).as("signing answered %s", signed.status()).isTrue();
        String confirm = TestMailServer.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(), BASE + "/en/appeal/confirm/")
                .substring(BASE.length() + "/en".length());
        pages.put("appeal-confirm", new Entry("appeal-confirm", confirm, true, false, -1));

        Browser organizer = anotherBrowser().from(uniqueIp());
        String contact = uniqueEmail("site-pages-organizer");
        Browser.Page form = organizer.get("/en/events/new?campaign=" + campaignSlug);
        Browser.Page submitted = organizer.submit(form, "form.event-form", EventsFixture.brussels("Site pages vigil", contact));
        assertThat(submitted.isRedirect()).as("submitting an event answered %s", submitted.status()).isTrue();
        String manage = TestMailServer.link(TestMailServer.await(contact, 1, Duration.ofSeconds(10)).getFirst(), BASE + "/en/events/manage/")
                .substring(BASE.length() + "/en".length());
        pages.put("events-manage", new Entry("events-manage", manage, true, false, -1));

        long going = EventsFixture.signUpEventId(context, "Site pages sign-up");
        Browser participant = anotherBrowser().from(uniqueIp());
        Browser.Page event = participant.open("/en/events/" + going);
        org.jsoup.nodes.Document eventPage = event.doc();
        int signUpForm = eventPage.select("form[method=post]").indexOf(eventPage.selectFirst("form.sign-up-form"));
        assertThat(signUpForm).as("the sign-up form of event %s (answered %s)", going, event.status()).isNotNegative();
        pages.put("events-sign-up", new Entry("events-sign-up", "/events/" + going, true, false, -1));
        pages.put("events-sign-up-empty", new Entry("events-sign-up-empty", "/events/" + going, true, false, signUpForm));
        String email2 = uniqueEmail("site-pages-participant");
        Browser.Page signedUp = participant.submit(event, "form.sign-up-form", Map.of("name", "Olena", "email", email2));
        assertThat(signedUp.isRedirect()).as("signing up answered %s", signedUp.status()).isTrue();
        String goingConfirm = TestMailServer.link(TestMailServer.await(email2, 1, Duration.ofSeconds(10)).getFirst(),
                BASE + "/en/events/going/confirm/").substring(BASE.length() + "/en".length());
        pages.put("events-going-confirm", new Entry("events-going-confirm", goingConfirm, true, false, -1));
    }

    private static void addIfPage(Browser browser, String path, boolean localized, Map<String, Entry> pages) {
        Browser.Page page = browser.get(localized ? "/en" + path : path);
        if (page.status() == 200 && page.header("content-type").orElse("").startsWith("text/html")) {
            String name = nameOf(shapeOf(path), false);
            pages.putIfAbsent(name, new Entry(name, path, localized, false, -1));
        }
    }

    /**
     * Follows the links {@code follow} accepts from the start pages, fetching one page of each shape; adds each HTML page
     * that answered 200 to the pages (and, for each public form that posts, the page after an empty submit), and what
     * answered otherwise to the problems.
     */
    private static void crawl(Browser browser, List<String> start, Predicate<String> follow, boolean staffArea,
                              Map<String, Entry> pages, List<String> problems) {
        Set<String> shapes = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(start);
        int fetched = 0;
        while (!queue.isEmpty() && fetched < MAX_FETCHES) {
            String path = queue.poll();
            String bare = stripLanguage(path);
            String shape = shapeOf(bare);
            if (!shapes.add(shape)) {
                continue;
            }
            Browser.Page page = browser.get(path);
            fetched++;
            if (page.isRedirect()) {
                URI target = page.uri().resolve(page.location());
                if ("localhost".equals(target.getHost())) {
                    shapes.remove(shape);
                    String next = pathOf(target);
                    if (!next.equals(path)) {
                        queue.addFirst(next);
                    }
                }
                continue;
            }
            if (page.status() != 200) {
                problems.add(path + " answered " + page.status() + " (linked from the site)");
                continue;
            }
            if (!page.header("content-type").orElse("").startsWith("text/html")) {
                continue;
            }
            String name = nameOf(shape, staffArea);
            boolean localized = !staffArea && LanguageUrls.isPage(bare.replaceFirst("\\?.*", ""));
            pages.putIfAbsent(name, new Entry(name, bare, localized, staffArea, -1));
            Document doc = page.doc();
            if (!staffArea) {
                List<Element> forms = doc.select("form[method=post]");
                for (int i = 0; i < forms.size(); i++) {
                    String formName = name + "-empty-" + (forms.get(i).id().isBlank() ? Integer.toString(i) : forms.get(i).id());
                    pages.putIfAbsent(formName, new Entry(formName, bare, localized, false, i));
                }
            }
            for (Element link : doc.select("a[href]")) {
                URI target = page.uri().resolve(link.attr("href").strip());
                String next = pathOf(target);
                if ("localhost".equals(target.getHost()) && follow.test(next) && !downloads(next)) {
                    queue.add(next);
                }
            }
        }
    }

    /** Links to files, feeds and media, which are not pages. */
    private static boolean downloads(String path) {
        String bare = path.replaceFirst("[?#].*", "");
        String last = bare.substring(bare.lastIndexOf('/') + 1);
        return last.contains(".") || bare.contains("/media/") || bare.contains("/feed") || bare.endsWith("/original")
                || bare.endsWith("/photo") || bare.endsWith("/export");
    }

    /** The path without a leading language prefix. */
    private static String stripLanguage(String path) {
        Matcher prefix = Pattern.compile("^/(en|uk)(/.*|$)").matcher(path);
        if (!prefix.matches()) {
            return path;
        }
        return prefix.group(2).isEmpty() ? "/" : prefix.group(2);
    }

    /**
     * What pages of one template share: the path without query, each segment that names one thing (has a digit or a
     * hyphen: an id, a slug, a token) as {@code *}.
     */
    static String shapeOf(String path) {
        String bare = path.replaceFirst("[?#].*", "");
        List<String> segments = new ArrayList<>();
        for (String segment : bare.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            segments.add(segment.matches(".*[0-9].*") || segment.contains("-") || segment.length() > 24 ? "*" : segment);
        }
        return "/" + String.join("/", segments);
    }

    private static String nameOf(String shape, boolean staffArea) {
        String name = shape.equals("/") ? "home" : shape.substring(1).replace("*", "x").replace('/', '-');
        return staffArea || name.startsWith("staff") ? name : "public-" + name;
    }

    private static String pathOf(URI target) {
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    /** The message keys of the English file, so the script can tell a raw key on a page. */
    private static List<String> messageKeys() throws IOException {
        Properties messages = new Properties();
        try (var in = SitePagesBrowserTest.class.getResourceAsStream("/messages.properties")) {
            messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new ArrayList<>(new TreeSet<>(messages.stringPropertyNames()));
    }
}
