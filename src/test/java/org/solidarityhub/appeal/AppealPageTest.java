package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;

/**
 * The appeal page as a campaign: the count, its bar toward a moving goal and the sign button come before the text;
 * who signed; the share links after signing, after confirming and on the page; and the truth for a signer whose
 * signature waits for staff.
 */
class AppealPageTest extends AppealTestSupport {

    static final String TITLE = "Peace & freedom: 100% #Ukraine?";

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
        appeals.revise(appeal.id(), "en", TITLE, "A year of war.\n\n**We call for a global week of action.**\n\nMore text.", null, "test");
    }

    @Test
    void theCountItsBarAndTheSignButtonComeBeforeTheText() {
        Document page = anotherBrowser().get("/en/appeals/" + appeal.slug()).doc();
        List<String> order = page.select("main h1, main .appeal-summary, main .count-number, main progress, main .sign-button, "
                + "main article.appeal-text, main #sign, main .appeal-share").stream().map(AppealPageTest::name).toList();
        assertThat(order).containsExactly("h1", "appeal-summary", "count-number", "progress", "sign-button", "appeal-text",
                "sign", "appeal-share");
        assertThat(page.selectFirst("h1").text()).isEqualTo(TITLE);
        assertThat(page.selectFirst(".appeal-summary").text()).isEqualTo("We call for a global week of action.");
        // one tap: a plain link to the form, which works without scripts
        Element sign = page.selectFirst(".count-box a.sign-button");
        assertThat(sign.attr("href")).isEqualTo("#sign");
        assertThat(sign.text()).isEqualTo("Sign the appeal");
        assertThat(page.select("section#sign form#sign-individual")).hasSize(1);
        // the organizations' form stays one tap away too
        assertThat(page.select("#sign details.sign-organization form#sign-organization")).hasSize(1);
    }

    @Test
    void theBarShowsTheNextStepOfTheLadderAndIsRaisedWhenItIsReached() {
        assertThat(bar()).isEqualTo(Map.of("value", "0", "max", "100", "goal", "Next goal: 100"));
        counted(99);
        assertThat(bar()).isEqualTo(Map.of("value", "99", "max", "100", "goal", "Next goal: 100"));
        counted(100);
        assertThat(bar()).isEqualTo(Map.of("value", "100", "max", "250", "goal", "Next goal: 250"));
        counted(10_000);
        assertThat(bar()).isEqualTo(Map.of("value", "10000", "max", "25000", "goal", "Next goal: 25,000"));
    }

    @Test
    void theStaffGoalIsTheFinalTargetAndSaysWhenItIsReached() {
        appeals.update(appeal.id(), Appeal.State.OPEN, 300);
        counted(260);
        assertThat(bar()).isEqualTo(Map.of("value", "260", "max", "300", "goal", "Goal: 300"));
        counted(301);
        assertThat(bar()).isEqualTo(Map.of("value", "301", "max", "300", "goal", "Goal reached: 300. Thank you!"));
        Browser.Page ukrainian = anotherBrowser().acceptLanguage("uk").get("/uk/appeals/" + appeal.slug());
        assertThat(ukrainian.text(".goal")).isEqualTo("Мету досягнуто: 300. Дякуємо!");
    }

    @Test
    void theSharedLinksCarryThePublicAddressAndTheTitleEncodedAndMakeNoRequestElsewhere() {
        String url = BASE + "/appeals/" + appeal.slug();
        Document page = anotherBrowser().get("/en/appeals/" + appeal.slug()).doc();
        assertShareLinks(page, url, TITLE);
        // nothing on the page loads from another host: no image, script, frame or stylesheet of the networks
        assertThat(page.select("[src]").eachAttr("src")).isNotEmpty().allMatch(s -> s.startsWith("/") && !s.startsWith("//"));
        assertThat(page.select("link[rel=stylesheet], link[rel=icon]").eachAttr("href")).allMatch(h -> h.startsWith("/") && !h.startsWith("//"));
        assertThat(page.select("iframe, object, embed")).isEmpty();
        assertThat(page.select("script").eachAttr("src")).anyMatch(src -> src.matches("/js/share(-[0-9a-f]+)?\\.js"));
        assertThat(page.select("script:not([src])")).isEmpty();
        // the copy button only where scripts run
        assertThat(page.selectFirst(".share-copy-button").hasAttr("hidden")).isTrue();
        assertThat(page.selectFirst("#share-copy").val()).isEqualTo(url);
    }

    @Test
    void afterSigningAndAfterConfirmingTheSignerIsAskedToShare() {
        String email = uniqueEmail("sharer");
        Browser who = person();
        Browser.Page signed = who.follow(signAsIndividual(who, individual("Olena Kovalenko", email, "FULL_NAME")));
        assertThat(signed.text("h1")).isEqualTo("Check your email");
        assertThat(signed.text(".share-step h2")).isEqualTo("While you wait: ask others to sign");
        assertShareLinks(signed.doc(), BASE + "/appeals/" + appeal.slug(), TITLE);

        Browser.Page confirmed = confirmPage(who, email, "en");
        assertThat(confirmed.text(".confirmed-text")).isEqualTo("Your signature is confirmed. The public count includes it within "
                + properties.countInterval().toSeconds() + " seconds.");
        assertThat(confirmed.text(".share-step h2")).isEqualTo("Now ask others to sign");
        assertShareLinks(confirmed.doc(), BASE + "/appeals/" + appeal.slug(), TITLE);
    }

    @Test
    void aSignerWhoseSignatureWasFlaggedIsToldItCountsOnceStaffCheckedIt() {
        String first = uniqueEmail("flag-1");
        String second = uniqueEmail("flag-2");
        SameAddress nat = signTwiceFromOneAddress(first, second);

        Browser.Page confirmed = confirmPage(nat.second(), second, "en");
        assertThat(confirmed.text(".confirmed-text")).contains("our team checks yours before it is counted")
                .doesNotContain("The public count includes it within");

        // in Ukrainian too
        String third = uniqueEmail("flag-3");
        Browser three = anotherBrowser().from(nat.ip()).acceptLanguage("uk");
        three.submit(three.get("/uk/appeals/" + appeal.slug()), "#sign-individual", individual("Третій", third, "HIDDEN"));
        assertThat(row(third)).containsEntry("flagged", true);
        Browser.Page ukrainian = confirmPage(three, third, "uk");
        assertThat(ukrainian.text(".confirmed-text")).contains("наша команда спершу перевіряє ваш").doesNotContain("секунд");
        // the signature that was not flagged is told the count includes it soon
        assertThat(confirmPage(nat.first(), first, "en").text(".confirmed-text")).contains("The public count includes it within");
    }

    @Test
    void anOrganizationIsToldItCountsOnceVerified() {
        String email = uniqueEmail("org");
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("organizationName", "Kyiv Solidarity Group " + email.substring(4, 12),
                "country", "UA", "name", "Iryna", "email", email));
        Browser who = person();
        assertThat(signAsOrganization(who, fields).location()).endsWith("/signed");
        assertThat(confirmPage(who, email, "en").text(".confirmed-text"))
                .isEqualTo("Your signature is confirmed. The organization joins the public count and list once our team has "
                        + "verified it. You need to do nothing more.");
    }

    @Test
    void whoSignedShowsTheCountriesAndOnlyWhatSignersChoseToPublish() {
        signAndConfirm(individual("Anna Nowak", uniqueEmail("anna"), "FULL_NAME"));
        signAndConfirm(individual("Mark Thompson", uniqueEmail("mark"), "FIRST_NAME_COUNTRY"));
        signAndConfirm(individual("Secret Person", uniqueEmail("secret"), "HIDDEN"));
        count();
        Browser.Page page = anotherBrowser().get("/en/appeals/" + appeal.slug());
        assertThat(page.text(".proof-countries")).isEqualTo("Countries: 1");
        assertThat(page.doc().selectFirst(".proof-countries a").attr("href")).endsWith("/appeals/" + appeal.slug() + "/countries");
        assertThat(page.text(".recent")).contains("Mark, Belgium").contains("Anna Nowak, Brussels, Belgium");
        assertThat(page.text("main")).doesNotContain("Secret").doesNotContain("Thompson").doesNotContain("@example.org");
    }

    /** Each share link: the right host, and the page's address and title as its parameters. */
    private static void assertShareLinks(Document page, String url, String title) {
        Map<String, String> hrefs = new LinkedHashMap<>();
        for (Element a : page.select(".share-links a")) {
            hrefs.put(a.text(), a.attr("href"));
        }
        assertThat(hrefs.keySet()).containsExactly("Email", "Telegram", "WhatsApp", "Signal", "Mastodon", "Bluesky", "X", "Facebook");
        assertThat(hrefs.get("Email")).startsWith("mailto:?");
        assertThat(query(hrefs.get("Email").substring("mailto:".length()))).containsEntry("subject", title)
                .containsEntry("body", title + "\n\n" + url);
        assertThat(hrefs.get("Telegram")).startsWith("https://t.me/share/url?");
        assertThat(query(hrefs.get("Telegram"))).containsEntry("url", url).containsEntry("text", title);
        assertThat(hrefs.get("WhatsApp")).startsWith("https://wa.me/?");
        assertThat(query(hrefs.get("WhatsApp"))).containsEntry("text", title + " " + url);
        assertThat(hrefs.get("Signal")).isEqualTo("#share-copy");
        assertThat(hrefs.get("Mastodon")).startsWith("https://share.joinmastodon.org/#text=");
        assertThat(decode(hrefs.get("Mastodon").substring("https://share.joinmastodon.org/#text=".length()))).isEqualTo(title + " " + url);
        assertThat(hrefs.get("Bluesky")).startsWith("https://bsky.app/intent/compose?");
        assertThat(query(hrefs.get("Bluesky"))).containsEntry("text", title + " " + url);
        assertThat(hrefs.get("X")).startsWith("https://x.com/intent/post?");
        assertThat(query(hrefs.get("X"))).containsEntry("text", title).containsEntry("url", url);
        assertThat(hrefs.get("Facebook")).startsWith("https://www.facebook.com/sharer/sharer.php?");
        assertThat(query(hrefs.get("Facebook"))).containsEntry("u", url);
        // the links open elsewhere without telling them where from
        assertThat(page.select(".share-links a[target=_blank]")).allMatch(a -> a.attr("rel").contains("noopener")
                && a.attr("rel").contains("noreferrer"));
    }

    private static Map<String, String> query(String href) {
        String raw = href.startsWith("?") ? href.substring(1) : URI.create(href).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** Percent-decoding as the networks read it: a '+' is a plus (titles' spaces are written as %20). */
    private static String decode(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private Browser.Page confirmPage(Browser who, String email, String language) {
        String link = path(mail(email, 1), "/" + language + "/appeal/confirm/");
        Browser.Page done = who.submit(who.get(link), "main form");
        assertThat(done.status()).isEqualTo(200);
        return done;
    }

    /** Sets the appeal's published count (as the counting job would) to a number. */
    private void counted(long total) {
        db.sql("DELETE FROM appeal_count WHERE appeal_id = :id").param("id", appeal.id()).update();
        db.sql("INSERT INTO appeal_count (appeal_id, country, kind, total) VALUES (:id, 'BE', 'INDIVIDUAL', :total)")
                .param("id", appeal.id()).param("total", total).update();
        versions.changed(AppealPages.version(appeal.id()));
    }

    private Map<String, String> bar() {
        Document page = anotherBrowser().get("/en/appeals/" + appeal.slug()).doc();
        Element progress = page.selectFirst(".count-box progress");
        return Map.of("value", progress.attr("value"), "max", progress.attr("max"), "goal", page.selectFirst(".count-box .goal").text());
    }

    private static String name(Element e) {
        if (!e.id().isEmpty() || e.tagName().equals("h1") || e.tagName().equals("progress")) {
            return e.id().isEmpty() ? e.tagName() : e.id();
        }
        return e.classNames().stream().filter(c -> List.of("appeal-summary", "count-number", "sign-button", "appeal-text",
                "appeal-share").contains(c)).findFirst().orElse(e.className());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.solidarityhub.platform.ContentVersions versions;

    @org.springframework.beans.factory.annotation.Autowired
    AppealProperties properties;
}
