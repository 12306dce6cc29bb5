package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.CrossSite;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The appeal on partner websites: signing in the widget names the partner on the signature, staff see what each
 * partner brought, the public sees counts only of partners that agreed, and the widget may be framed by any site while
 * its form keeps the site's protection against posts from other sites.
 */
class PartnersTest extends AppealTestSupport {

    @Autowired
    Partners partners;

    @Autowired
    StaffFixture staff;

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(1000);
    }

    Partner newPartner(String name, boolean agreed) {
        String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
        return partners.create(new Partners.Form(name, slug, "https://" + slug + ".example.org", agreed));
    }

    String embed(Partner partner, String language) {
        return "/" + language + "/appeal/embed?appeal=" + appeal.slug() + (partner == null ? "" : "&partner=" + partner.slug());
    }

    Map<String, Object> widgetFields(String name, String email) {
        return new java.util.HashMap<>(Map.of("name", name, "email", email, "country", "GB", "display", "FULL_NAME"));
    }

    /** Signs in the widget as a person of their own; returns the answer to the post. */
    Browser.Page signInWidget(Browser who, String url, Map<String, Object> fields) {
        Browser.Page widget = who.get(url);
        assertThat(widget.status()).isEqualTo(200);
        return who.submit(widget, "#embed-sign", fields);
    }

    /** What a browser sends for a form inside the widget's frame: the frame's page is of this site. */
    Browser framed() {
        return CrossSite.sending(person(), CrossSite.fromThisSite(port).get("a page of this site"));
    }

    Object partnerOf(String email) {
        return row(email).get("partner_id");
    }

    private Browser signedIn(StaffRole role) {
        Browser browser = anotherBrowser();
        staff.signIn(browser, staff.member(uniqueEmail(role.name().toLowerCase()), role));
        return browser;
    }

    @Test
    void aSignatureMadeInAPartnersWidgetNamesThePartnerAndCountsForItOnceConfirmed() {
        Partner partner = newPartner("ecosocialist.scot test", true);
        String email = uniqueEmail("widget-signer");
        Browser who = framed();

        Browser.Page widget = who.get(embed(partner, "en"));
        assertThat(widget.text("h1")).isEqualTo("Peace for Ukraine " + appeal.slug());
        assertThat(widget.doc().select(".count-number")).hasSize(1);
        assertThat(widget.doc().select("progress").attr("max")).isEqualTo("1000");
        assertThat(widget.doc().select("#embed-sign input[name=partner]").attr("value")).isEqualTo(partner.slug());
        assertThat(widget.doc().select("input[name=_csrf]")).isEmpty();
        assertThat(widget.setCookies()).isEmpty();
        assertThat(widget.doc().select("a[target=_blank]").eachAttr("href")).contains("http://hub.test/en/appeals/" + appeal.slug());

        Browser.Page sent = who.submit(widget, "#embed-sign", widgetFields("Morag Campbell", email));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/en/appeal/embed/signed?appeal=" + appeal.slug() + "&partner=" + partner.slug());
        assertThat(sent.setCookies()).isEmpty();
        Browser.Page checkMail = who.follow(sent);
        assertThat(checkMail.status()).isEqualTo(200);
        assertThat(checkMail.text("h1")).isEqualTo("Check your email");
        assertThat(checkMail.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *");

        assertThat(row(email)).containsEntry("status", "PENDING").containsEntry("kind", "INDIVIDUAL");
        assertThat(((Number) partnerOf(email)).longValue()).isEqualTo(partner.id());
        assertThat(partners.tally(appeal.id(), partner)).isEqualTo(new Partner.Tally(partner, 0, 0, 1));

        confirm(who, email, 1); // the same confirmation mail and link as the appeal's own form
        count();
        assertThat(partners.tally(appeal.id(), partner)).isEqualTo(new Partner.Tally(partner, 1, 1, 0));
        assertThat(row(email)).containsEntry("counted", true);
    }

    @Test
    void signingAgainInAnotherPartnersWidgetKeepsTheFirstAttributionAndSaysNothingNew() {
        Partner first = newPartner("First partner", true);
        Partner second = newPartner("Second partner", true);
        String email = uniqueEmail("twice");
        assertThat(signInWidget(framed(), embed(first, "en"), widgetFields("Callum Fraser", email)).location()).contains("/signed");
        Browser.Page again = signInWidget(framed(), embed(second, "en"), widgetFields("Callum Fraser", email));

        assertThat(again.location()).contains("/signed?appeal=" + appeal.slug() + "&partner=" + second.slug());
        assertThat(rows(email)).isEqualTo(1);
        assertThat(((Number) partnerOf(email)).longValue()).isEqualTo(first.id());
    }

    @Test
    void theAppealsOwnFormAndTheWidgetWithoutAPartnerNameNoPartner() {
        String own = uniqueEmail("own-form");
        assertThat(signAsIndividual(person(), individual("Olena K.", own, "HIDDEN")).location()).endsWith("/signed");
        String plain = uniqueEmail("plain-widget");
        Browser.Page sent = signInWidget(framed(), embed(null, "en"), widgetFields("Anna Nowak", plain));

        assertThat(sent.location()).endsWith("/en/appeal/embed/signed?appeal=" + appeal.slug());
        assertThat(partnerOf(own)).isNull();
        assertThat(partnerOf(plain)).isNull();
    }

    @Test
    void anUnknownOrImpossiblePartnerCodeIsSaidSoAndTheFormStillSignsForNoPartner() {
        newPartner("Known partner", true);
        for (String code : List.of("nobody-we-know", "Not A Slug!", "<script>alert(1)</script>", "x".repeat(500), "a/../b", "%00")) {
            String email = uniqueEmail("unknown-partner");
            Browser who = framed();
            Browser.Page widget = who.get("/en/appeal/embed?appeal=" + appeal.slug() + "&partner="
                    + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));

            assertThat(widget.status()).as(code).isEqualTo(200);
            assertThat(widget.text(".notice")).as(code).isEqualTo("This form names a partner we do not know. You can sign all the same: "
                    + "your signature counts for the appeal, but for no partner.");
            assertThat(widget.body()).as(code).doesNotContain("<script>alert(1)</script>").doesNotContain("xxxxxxxxxx");
            assertThat(widget.doc().select("#embed-sign input[name=partner]")).as(code).isEmpty();
            // the code of a forged post is looked up again: still no partner
            Browser.Page sent = who.submit(widget, "#embed-sign", Map.of("name", "Iryna Bondar", "email", email, "country", "UA",
                    "display", "HIDDEN", "partner", code));
            assertThat(sent.status()).as(code).isEqualTo(302);
            assertThat(sent.location()).as(code).endsWith("/signed?appeal=" + appeal.slug());
            assertThat(partnerOf(email)).as(code).isNull();
        }
        Browser.Page ukrainian = framed().get("/uk/appeal/embed?appeal=" + appeal.slug() + "&partner=nobody");
        assertThat(ukrainian.text(".notice")).startsWith("Ця форма називає партнера, якого ми не знаємо.");
    }

    @Test
    void withoutAnAppealNamedTheWidgetShowsTheCurrentOneAndAnUnknownAppealIsAClearFramablePage() {
        Browser.Page current = framed().get("/en/appeal/embed");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.doc().select("#embed-sign input[name=appeal]").attr("value")).isEqualTo(appeals.current().orElseThrow().slug());

        for (String language : List.of("en", "uk")) {
            Browser.Page missing = framed().get("/" + language + "/appeal/embed?appeal=no-such-appeal&partner=x");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text("h1")).isEqualTo(language.equals("en") ? "This appeal does not exist" : "Такого звернення немає");
            assertThat(missing.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *");
            assertThat(missing.header("X-Frame-Options")).isEmpty();
            Browser.Page post = framed().post("/" + language + "/appeal/embed", Map.of("appeal", "no-such-appeal", "name", "A",
                    "email", uniqueEmail("nowhere"), "country", "BE", "display", "HIDDEN"));
            assertThat(post.status()).isEqualTo(404);
        }
    }

    @Test
    void aClosedAppealsWidgetShowsNoFormAndRefusesAPostWithoutStoringIt() {
        appeals.update(appeal.id(), Appeal.State.CLOSED, 1000);
        Browser.Page widget = framed().get(embed(null, "en"));
        assertThat(widget.doc().select("#embed-sign")).isEmpty();
        assertThat(widget.text(".notice")).isEqualTo("This appeal is closed: it no longer takes signatures.");

        String email = uniqueEmail("closed");
        Browser.Page refused = framed().post("/en/appeal/embed", Map.of("appeal", appeal.slug(), "name", "Olena", "email", email,
                "country", "BE", "display", "HIDDEN"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(rows(email)).isZero();
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessAndStoresNothing() {
        Partner partner = newPartner("Honeypot partner", true);
        String email = uniqueEmail("bot");
        Map<String, Object> fields = widgetFields("Bot", email);
        fields.put("homepage", "https://spam.example");
        Browser.Page sent = signInWidget(framed(), embed(partner, "en"), fields);

        assertThat(sent.location()).contains("/en/appeal/embed/signed?appeal=" + appeal.slug());
        assertThat(rows(email)).isZero();
        assertThat(partners.tally(appeal.id(), partner)).isEqualTo(new Partner.Tally(partner, 0, 0, 0));
    }

    @Test
    void anyWebsiteMayFrameTheWidgetInEveryLanguageButNoOtherPage() {
        Partner partner = newPartner("Framing partner", false);
        for (String path : List.of(embed(partner, "en"), embed(partner, "uk"), "/en/appeal/embed/signed?appeal=" + appeal.slug())) {
            Browser.Page page = person().get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            String policy = page.header("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).contains("frame-ancestors *").contains("form-action 'self'").contains("default-src 'self'")
                    .contains("script-src 'self'").doesNotContain("frame-ancestors 'none'");
            assertThat(page.header("X-Frame-Options")).as(path).isEmpty();
            assertThat(page.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.setCookies()).as(path).isEmpty();
        }
        // a refused form is answered in the frame too
        Browser.Page refused = signInWidget(framed(), embed(partner, "en"), Map.of("email", "not-an-email"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *");
        assertThat(refused.header("X-Frame-Options")).isEmpty();

        for (String path : List.of("/en/appeals/" + appeal.slug(), "/en/appeal/embedded", "/en/appeals/" + appeal.slug() + "/signed",
                "/en/", "/staff/login", "/embed-appeal")) {
            Browser.Page page = person().get(path);
            assertThat(page.header("Content-Security-Policy").orElseThrow()).as(path).contains("frame-ancestors 'none'")
                    .doesNotContain("frame-ancestors *");
            assertThat(page.header("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void theWidgetsFormWorksFromItsFrameAndIsRefusedFromAPageOfAnotherSite() {
        Partner partner = newPartner("Cross-site partner", true);
        // a form inside the frame is a page of this site posting to this site, whatever page holds the frame
        CrossSite.forEach(CrossSite.fromThisSite(port), this::person, (sender, who) -> {
            String email = uniqueEmail("framed-sender");
            Browser.Page sent = signInWidget(who, embed(partner, "en"), widgetFields("Olena K.", email));
            assertThat(sent.status()).as(sender).isEqualTo(302);
            assertThat(sent.setCookies()).as(sender).isEmpty();
            assertThat(rows(email)).as(sender).isEqualTo(1);
        });
        // the partner's page itself (or any other site) cannot post the form: the site's protection is unchanged
        for (String language : List.of("en", "uk")) {
            CrossSite.forEach(CrossSite.fromElsewhere(port), () -> person().acceptLanguage(language), (sender, who) -> {
                String email = uniqueEmail("forged-widget");
                Browser.Page refused = signInWidget(who, embed(partner, language), widgetFields("Olena K.", email));
                CrossSite.assertRefused(refused, language, sender);
                assertThat(rows(email)).as(sender).isZero();
            });
        }
    }

    @Test
    void thePublicSeesOnlyTheCountsOfPartnersThatAgreedAndSmallOnesAsFewerThan() {
        Partner agreed = newPartner("Agreed partner " + UUID.randomUUID().toString().substring(0, 4), true);
        Partner shy = newPartner("Shy partner " + UUID.randomUUID().toString().substring(0, 4), false);
        Partner small = newPartner("Small partner " + UUID.randomUUID().toString().substring(0, 4), true);
        for (int i = 0; i < 6; i++) {
            signAndConfirmIn(agreed, "agreed-" + i);
            signAndConfirmIn(shy, "shy-" + i);
        }
        signAndConfirmIn(small, "small");
        String pendingOnly = uniqueEmail("pending");
        signInWidget(framed(), embed(agreed, "en"), widgetFields("Pending Signer", pendingOnly));
        count();

        Browser.Page page = person().get("/en/appeals/" + appeal.slug());
        assertThat(page.text("#partners-heading")).isEqualTo("Brought by partners");
        assertThat(page.doc().select(".partner-counts li").eachText())
                .containsExactly(agreed.name() + " 6", small.name() + " fewer than 5");
        assertThat(page.doc().select(".partner-counts a").first().attr("href")).isEqualTo(agreed.website());
        assertThat(page.body()).doesNotContain(shy.name()).doesNotContain(shy.slug());
        Browser.Page ukrainian = person().get("/uk/appeals/" + appeal.slug());
        assertThat(ukrainian.text("#partners-heading")).isEqualTo("Підписи від партнерів");

        // the API: the same, and only for one appeal
        Browser.Page api = person().get("/api/v1/appeals/" + appeal.slug());
        assertThat(api.body()).contains("\"partners\":[{\"name\":\"" + agreed.name() + "\",\"website\":\"" + agreed.website()
                + "\",\"signatures\":6},{\"name\":\"" + small.name() + "\",\"website\":\"" + small.website()
                + "\",\"signatures\":{\"fewerThan\":5}}]").doesNotContain(shy.name());
        assertThat(person().get("/api/v1/appeals").body()).doesNotContain("\"partners\"");
        // the signatories list never says who came through whom
        assertThat(person().get("/en/appeals/" + appeal.slug() + "/signatories").body())
                .doesNotContain(agreed.name()).doesNotContain(small.name());

        // staff see every partner, with confirmed, counted and pending
        assertThat(partners.tally(appeal.id(), agreed)).isEqualTo(new Partner.Tally(agreed, 6, 6, 1));
        assertThat(partners.tally(appeal.id(), shy)).isEqualTo(new Partner.Tally(shy, 6, 6, 0));

        // when the shy partner agrees, it appears
        partners.update(shy, new Partners.Form(shy.name(), shy.slug(), shy.website(), true));
        assertThat(person().get("/en/appeals/" + appeal.slug()).doc().select(".partner-counts li").eachText())
                .containsExactly(agreed.name() + " 6", shy.name() + " 6", small.name() + " fewer than 5");
    }

    @Test
    void anAppealWithoutAgreedPartnersHasNoPartnersBlock() {
        Partner shy = newPartner("Another shy partner", false);
        signAndConfirmIn(shy, "only-shy");
        count();
        Browser.Page page = person().get("/en/appeals/" + appeal.slug());
        assertThat(page.doc().select("#partners-heading, .partner-counts")).isEmpty();
        assertThat(person().get("/api/v1/appeals/" + appeal.slug()).body()).contains("\"partners\":[]");
    }

    private void signAndConfirmIn(Partner partner, String who) {
        String email = uniqueEmail(who);
        Browser browser = framed();
        assertThat(signInWidget(browser, embed(partner, "en"), widgetFields("Signer " + who.replace("-", " "), email)).status())
                .isEqualTo(302);
        confirm(browser, email, 1);
    }

    @Test
    void editorsCreateAndChangePartnersEveryChangeAuditedAndSeeWhatEachBrought() {
        Browser editor = signedIn(StaffRole.EDITOR);
        String slug = "scot-" + UUID.randomUUID().toString().substring(0, 6);
        Browser.Page list = editor.get("/staff/appeals/" + appeal.id() + "/partners");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text("h1")).isEqualTo("Partners");
        assertThat(editor.get("/staff/appeals/" + appeal.id()).doc().select("a[href$=/partners]")).hasSize(1);

        Browser.Page created = editor.submit(list, "#partner-form", Map.of("name", "ecosocialist.scot", "slug", slug,
                "website", "https://ecosocialist.scot", "publicCount", "true"));
        assertThat(created.location()).matches(".*/staff/appeals/" + appeal.id() + "/partners/\\d+");
        long id = Long.parseLong(created.location().replaceAll(".*/", ""));
        Partner partner = partners.find(id).orElseThrow();
        assertThat(partner).extracting(Partner::name, Partner::slug, Partner::website, Partner::publicCount)
                .containsExactly("ecosocialist.scot", slug, "https://ecosocialist.scot", true);

        Browser.Page page = editor.follow(created);
        assertThat(page.text("h1")).isEqualTo("ecosocialist.scot");
        assertThat(page.text(".notice")).isEqualTo("The partner is added. Send them the code below.");
        String snippet = page.doc().selectFirst("#snippet-en").text();
        assertThat(snippet).startsWith("<iframe src=\"http://hub.test/en/appeal/embed?appeal=" + appeal.slug() + "&amp;partner=" + slug + "\"")
                .contains("sandbox=\"allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox\"")
                .contains("title=\"Peace for Ukraine " + appeal.slug() + "\"");
        assertThat(page.doc().selectFirst("#snippet-uk").text()).contains("http://hub.test/uk/appeal/embed?appeal=")
                .contains("title=\"Мир для України " + appeal.slug() + "\"");

        // signatures through the widget show on the staff pages
        String confirmed = uniqueEmail("staff-confirmed");
        Browser signer = framed();
        signInWidget(signer, embed(partner, "en"), widgetFields("Kirsty Murray", confirmed));
        confirm(signer, confirmed, 1);
        signInWidget(framed(), embed(partner, "en"), widgetFields("Fiona Ross", uniqueEmail("staff-pending")));
        count();
        Browser.Page tallies = editor.get("/staff/appeals/" + appeal.id() + "/partners");
        assertThat(tallies.doc().select("tbody tr").stream().filter(r -> r.text().contains(slug)).findFirst().orElseThrow()
                .select("td").eachText()).containsExactly("ecosocialist.scot " + slug, "yes", "1", "1", "1");
        Browser.Page mine = editor.get("/staff/appeals/" + appeal.id() + "/partners/" + id);
        assertThat(mine.doc().select(".facts dd").eachText()).containsExactly("1", "1", "1", "yes");

        // the box unticked: a browser sends no publicCount at all
        Browser.Page changed = editor.post("/staff/appeals/" + appeal.id() + "/partners/" + id, Map.of(
                "_csrf", mine.doc().select("#partner-form input[name=_csrf]").attr("value"),
                "name", "Scottish Ecosocialists", "slug", slug, "website", ""));
        assertThat(changed.location()).endsWith("/partners/" + id);
        assertThat(partners.find(id).orElseThrow()).extracting(Partner::name, Partner::website, Partner::publicCount)
                .containsExactly("Scottish Ecosocialists", null, false);
        assertThat(db.sql("SELECT action FROM audit_event WHERE target_type = 'appeal-partner' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("appeal.partner-created", "appeal.partner-changed");
    }

    @Test
    void badPartnerInputIsRefusedFieldByFieldAndNothingIsStored() {
        Browser editor = signedIn(StaffRole.EDITOR);
        Partner taken = newPartner("Taken", true);
        Browser.Page list = editor.get("/staff/appeals/" + appeal.id() + "/partners");
        long before = partners.all().size();
        record Case(String field, String value, String message) {
        }
        for (Case c : List.of(
                new Case("name", "", "Please fill in this field."),
                new Case("name", "x".repeat(201), "Please use at most 200 characters."),
                new Case("name", "<b>Partner</b>", "Please write plain text, without HTML tags."),
                new Case("name", "Two\nlines", "Please write the name on one line."),
                new Case("name", "Partner \u202Eevil", "Please remove the invisible characters that change the direction of the text."),
                new Case("slug", "Not A Slug!", "The code may have lower-case letters, digits and dashes only (at most 80)."),
                new Case("slug", "", "The code may have lower-case letters, digits and dashes only (at most 80)."),
                new Case("slug", "-dash", "The code may have lower-case letters, digits and dashes only (at most 80)."),
                new Case("slug", "x".repeat(81), "The code may have lower-case letters, digits and dashes only (at most 80)."),
                new Case("slug", taken.slug(), "Another partner has this code."),
                new Case("website", "javascript:alert(1)", "Please enter a website starting with https:// or http://, or leave the field empty.")))
        {
            Map<String, String> fields = new java.util.HashMap<>(Map.of("name", "A partner", "slug",
                    "ok-" + UUID.randomUUID().toString().substring(0, 6), "website", "https://ok.example.org"));
            fields.put(c.field(), c.value());
            Browser.Page refused = editor.submit(list, "#partner-form", fields);
            assertThat(refused.status()).as(c.toString()).isEqualTo(400);
            assertThat(refused.doc().select("#partner-form .field-error").eachText()).as(c.toString()).containsExactly(c.message());
            assertThat(refused.doc().selectFirst("#p-" + c.field()).attr("aria-invalid")).as(c.toString()).isEqualTo("true");
            assertThat(refused.body()).doesNotContain("Exception");
        }
        assertThat(partners.all()).hasSize((int) before);
        Browser.Page other = editor.get("/staff/appeals/" + appeal.id() + "/partners/" + taken.id());
        Browser.Page edit = editor.submit(other, "#partner-form", Map.of("slug", "NOPE"));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(partners.find(taken.id()).orElseThrow().slug()).isEqualTo(taken.slug());
        assertThat(editor.get("/staff/appeals/" + appeal.id() + "/partners/999999999").status()).isEqualTo(404);
        assertThat(editor.get("/staff/appeals/999999999/partners").status()).isEqualTo(404);
    }

    @Test
    void moderatorsSeePartnersButOnlyEditorsChangeThemAndOtherRolesNeither() {
        Partner partner = newPartner("Role partner", true);
        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser.Page seen = moderator.get("/staff/appeals/" + appeal.id() + "/partners/" + partner.id());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.doc().select("#partner-form")).isEmpty();
        assertThat(seen.doc().select("#snippet-en")).hasSize(1);
        Browser.Page list = moderator.get("/staff/appeals/" + appeal.id() + "/partners");
        assertThat(list.doc().select("#partner-form")).isEmpty();
        String token = list.doc().select("form.signout input[name=_csrf]").attr("value");
        assertThat(moderator.post("/staff/appeals/" + appeal.id() + "/partners", Map.of("_csrf", token, "name", "Forged",
                "slug", "forged-" + UUID.randomUUID().toString().substring(0, 6))).status()).isEqualTo(403);
        assertThat(moderator.post("/staff/appeals/" + appeal.id() + "/partners/" + partner.id(), Map.of("_csrf", token,
                "name", "Renamed", "slug", partner.slug())).status()).isEqualTo(403);
        assertThat(partners.find(partner.id()).orElseThrow().name()).isEqualTo("Role partner");

        Browser treasurer = signedIn(StaffRole.TREASURER);
        assertThat(treasurer.get("/staff/appeals/" + appeal.id() + "/partners").status()).isEqualTo(403);
        assertThat(anotherBrowser().get("/staff/appeals/" + appeal.id() + "/partners").status()).isEqualTo(302);
    }

    @Test
    void theDemoPartnerIsEcosocialistScotShownWithTheSignaturesItBrought(@Autowired PartnerDemoContent demo) {
        demo.load();
        assertThat(demo.load()).isZero();
        Appeal seeded = appeals.bySlug(AppealDemoContent.SLUG).orElseThrow();
        Partner scot = partners.bySlug(PartnerDemoContent.SLUG).orElseThrow();
        assertThat(scot).extracting(Partner::name, Partner::website, Partner::publicCount)
                .containsExactly("ecosocialist.scot", "https://ecosocialist.scot", true);
        assertThat(partners.tally(seeded.id(), scot).confirmed()).isEqualTo(7);
        assertThat(person().get("/en/appeals/" + AppealDemoContent.SLUG).doc().select(".partner-counts li").eachText())
                .contains("ecosocialist.scot 7");
    }
}
