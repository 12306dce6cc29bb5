package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

class StaffAppealTest extends AppealTestSupport {

    @Autowired
    StaffFixture staff;

    private Browser signedIn(StaffRole role) {
        Browser browser = anotherBrowser();
        staff.signIn(browser, staff.member(uniqueEmail(role.name().toLowerCase()), role));
        return browser;
    }

    @Test
    void anEditorCreatesAnAppealAndEachEditIsANewRevisionWithWhatChanged() {
        Browser editor = signedIn(StaffRole.EDITOR);
        String slug = "editor-" + UUID.randomUUID().toString().substring(0, 8);
        Browser.Page list = editor.get("/staff/appeals");
        Browser.Page created = editor.submit(list, "form[action$=/staff/appeals]", Map.of("slug", slug, "language", "en",
                "title", "Stop the war", "body", "First line.\n\nSecond line.", "goal", "1000"));
        assertThat(created.location()).matches(".*/staff/appeals/\\d+");
        long id = Long.parseLong(created.location().replaceAll(".*/", ""));
        assertThat(anotherBrowser().get("/en/appeals/" + slug).text("h1")).isEqualTo("Stop the war");

        Browser.Page edit = editor.follow(created);
        Browser.Page revised = editor.submit(edit, "form[action$=/texts]", Map.of("title", "Stop the war!",
                "body", "First line.\n\nSecond line, changed.", "note", "Sharper wording"));
        assertThat(revised.location()).endsWith("/staff/appeals/" + id + "?language=en");
        Browser.Page ukrainian = editor.get("/staff/appeals/" + id + "?language=uk");
        editor.submit(ukrainian, "form[action$=/texts]", Map.of("title", "Зупиніть війну", "body", "Перший рядок."));

        Browser.Page history = anotherBrowser().get("/en/appeals/" + slug + "/revisions?language=en");
        assertThat(history.doc().select("tbody tr")).hasSize(2);
        assertThat(history.text("tbody tr")).contains("Sharper wording");
        String latest = history.doc().select("tbody tr a").first().attr("href");
        Browser.Page diff = anotherBrowser().get(latest);
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.doc().select(".diff-removed").eachText()).contains("- Second line.", "- # Stop the war");
        assertThat(diff.doc().select(".diff-added").eachText()).contains("+ Second line, changed.", "+ # Stop the war!");
        assertThat(anotherBrowser().acceptLanguage("uk").get("/uk/appeals/" + slug).text("h1")).isEqualTo("Зупиніть війну");
        assertThat(db.sql("SELECT action FROM audit_event WHERE target_type = 'appeal' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("appeal.created", "appeal.revised", "appeal.revised");
    }

    @Test
    void anEditorAddsATextInAnyLanguageChosenFromTheListNotOnlyAnInterfaceLanguage() {
        Browser editor = signedIn(StaffRole.EDITOR);
        String slug = "any-language-" + UUID.randomUUID().toString().substring(0, 8);
        Browser.Page list = editor.get("/staff/appeals");
        assertThat(list.doc().select("select#language option[value=crh]").text()).isEqualTo("Crimean Tatar");
        Browser.Page created = editor.follow(editor.submit(list, "form[action$=/staff/appeals]", Map.of("slug", slug,
                "language", "en", "title", "Stop the war", "body", "Text.")));
        assertThat(created.doc().select(".tabs a.tab").eachText()).containsExactly("English");
        assertThat(created.doc().select("form.add-language option[value=en]")).isEmpty();

        Browser.Page crimeanTatar = editor.submit(created, "form.add-language", Map.of("language", "crh"));
        assertThat(crimeanTatar.doc().select(".tabs a.tab").eachText()).containsExactly("English", "Crimean Tatar +");
        editor.submit(crimeanTatar, "form[action$=/texts]", Map.of("title", "Cenkni toqtatıñız", "body", "Metin."));
        assertThat(editor.get("/staff/appeals/" + created.uri().getPath().replaceAll(".*/", "") + "?language=en")
                .doc().select(".tabs a.tab").eachText()).containsExactly("English", "Crimean Tatar");

        Browser.Page unknown = editor.submit(crimeanTatar, "form[action$=/texts]", Map.of("language", "xq",
                "title", "t", "body", "b"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text(".alert")).isEqualTo("Choose a language from the list.");
    }

    @Test
    void badAppealInputIsRefusedWithAMessage() {
        Browser editor = signedIn(StaffRole.EDITOR);
        Browser.Page list = editor.get("/staff/appeals");
        Browser.Page badSlug = editor.submit(list, "form[action$=/staff/appeals]", Map.of("slug", "Not A Slug!", "language", "en",
                "title", "t", "body", "b"));
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(badSlug.text(".alert")).contains("lower-case letters, digits and dashes");
        Browser.Page badGoal = editor.submit(list, "form[action$=/staff/appeals]", Map.of("slug", "ok-" + UUID.randomUUID().toString().substring(0, 6),
                "language", "en", "title", "t", "body", "b", "goal", "-3"));
        assertThat(badGoal.status()).isEqualTo(400);
        Browser.Page noTitle = editor.submit(list, "form[action$=/staff/appeals]", Map.of("slug", "ok-" + UUID.randomUUID().toString().substring(0, 6),
                "language", "en", "title", " ", "body", "b"));
        assertThat(noTitle.text(".alert")).isEqualTo("The title is required, at most 200 characters.");
    }

    @Test
    void editorsWriteModeratorsModerateAndTheOthersNeither() {
        appeal = newAppeal(null);
        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser editor = signedIn(StaffRole.EDITOR);
        Browser treasurer = signedIn(StaffRole.TREASURER);
        assertThat(moderator.get("/staff/appeals/" + appeal.id() + "/review").status()).isEqualTo(200);
        assertThat(editor.get("/staff/appeals/" + appeal.id() + "/review").status()).isEqualTo(403);
        assertThat(editor.get("/staff/appeals/" + appeal.id() + "/export.csv").status()).isEqualTo(403);
        Browser.Page moderatorView = moderator.get("/staff/appeals/" + appeal.id());
        assertThat(moderatorView.doc().select("form[action$=/texts]")).isEmpty();
        assertThat(treasurer.get("/staff/appeals").status()).isEqualTo(403);
        assertThat(anotherBrowser().get("/staff/appeals").location()).endsWith("/staff/login");
    }

    @Test
    void moderatorsFindSignaturesByEmailDomainOrAddressRangeAndInvalidateThemWithAReason() {
        appeal = newAppeal(null);
        String domain = "spam-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        String honest = uniqueEmail("honest");
        signAndConfirm(individual("Honest", honest, "FULL_NAME"));
        String ip = "203.0.113." + (10 + (int) (Math.random() * 200));
        for (int i = 0; i < 3; i++) {
            String fake = "bot" + i + "@" + domain;
            Browser bot = anotherBrowser().from(ip);
            signAsIndividual(bot, individual("Bot " + i, fake, "HIDDEN"));
            confirm(bot, fake, 1);
        }
        db.sql("UPDATE signature SET flagged = FALSE, needs_count = TRUE, state_version = state_version + 1 WHERE appeal_id = :id")
                .param("id", appeal.id()).update();
        assertThat(count()).isEqualTo(4);

        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser.Page byDomain = moderator.get("/staff/appeals/" + appeal.id() + "/search?domain=" + domain);
        assertThat(byDomain.doc().select("#invalidate tbody tr")).hasSize(3);
        Browser.Page byRange = moderator.get("/staff/appeals/" + appeal.id() + "/search?ip=" + ip.substring(0, ip.lastIndexOf('.')) + ".0/24");
        assertThat(byRange.doc().select("#invalidate tbody tr").eachText()).allMatch(t -> t.contains(domain));
        Browser.Page byEmail = moderator.get("/staff/appeals/" + appeal.id() + "/search?email=" + honest.toUpperCase());
        assertThat(byEmail.doc().select("#invalidate tbody tr")).hasSize(1);

        Browser.Page done = moderator.submit(byDomain, "#invalidate", Map.of("reason", "bot wave from one domain"));
        assertThat(moderator.follow(done).text(".notice")).isEqualTo("3 signatures were invalidated and the counts recounted.");
        assertThat(counts.of(appeal.id()).total()).isEqualTo(1);
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'appeal.signature-invalidated' AND detail = 'bot wave from one domain'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);

        Browser.Page badRange = moderator.get("/staff/appeals/" + appeal.id() + "/search?ip=999.1.1.1/8");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.text(".alert")).startsWith("Enter an IP address or a range");
        Browser.Page noReason = moderator.submit(byEmail, "#invalidate", Map.of("reason", " "));
        assertThat(moderator.follow(noReason).text(".alert")).isEqualTo("Give a reason of at most 300 characters.");
    }

    @Test
    void theExportDefusesFormulasAndHasEmailsOnlyOfThoseWhoAskedForUpdates() {
        appeal = newAppeal(null);
        String wantsUpdates = uniqueEmail("updates");
        String noUpdates = uniqueEmail("quiet");
        Map<String, Object> fields = individual("Olena", wantsUpdates, "FULL_NAME");
        fields.put("updates", "true");
        fields.put("comment", "=cmd|' /C calc'!A0");
        signAndConfirm(fields);
        signAndConfirm(individual("Quiet One", noUpdates, "HIDDEN"));

        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser.Page csv = moderator.get("/staff/appeals/" + appeal.id() + "/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type").orElse("")).startsWith("text/csv");
        assertThat(csv.header("content-disposition").orElse("")).contains("attachment");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).contains("id,kind,name");
        assertThat(csv.body()).contains(wantsUpdates).doesNotContain(noUpdates).contains("Quiet One")
                .contains("\"'=cmd|' /C calc'!A0\"");
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'appeal.exported' AND target_id = :id")
                .param("id", String.valueOf(appeal.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void moderatorsApproveCommentsAndReleaseFlaggedSignatures() {
        appeal = newAppeal(null);
        String email = uniqueEmail("comment");
        Map<String, Object> fields = individual("Commenter", email, "FULL_NAME");
        fields.put("comment", "From Kharkiv with love");
        signAndConfirm(fields);
        long id = ((Number) row(email).get("id")).longValue();
        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser.Page review = moderator.get("/staff/appeals/" + appeal.id() + "/review");
        assertThat(review.text("#comment-" + id)).contains("From Kharkiv with love");
        assertThat(moderator.follow(moderator.submit(review, "#comment-" + id + " form[action$=/approve-comment]")).text(".notice"))
                .isEqualTo("Done.");
        count();
        assertThat(anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories").text("ol.signatories q")).isEqualTo("From Kharkiv with love");
        // deciding twice does nothing more
        Browser.Page again = moderator.post("/staff/appeals/" + appeal.id() + "/signatures/" + id + "/approve-comment",
                Map.of("_csrf", review.doc().select("input[name=_csrf]").attr("value")));
        assertThat(moderator.follow(again).text(".alert")).isEqualTo("Nothing to do: this was already decided.");
        assertThat(moderator.post("/staff/appeals/" + appeal.id() + "/signatures/" + id + "/explode",
                Map.of("_csrf", review.doc().select("input[name=_csrf]").attr("value"))).status()).isEqualTo(404);
    }

    @Test
    void theDemoAppealComesFromTheSeedTexts(@Autowired AppealDemoContent demo) {
        demo.load();
        Appeal seeded = appeals.bySlug(AppealDemoContent.SLUG).orElseThrow();
        assertThat(appeals.revisions(seeded.id(), "en")).hasSize(2);
        assertThat(appeals.current(seeded.id(), "en").orElseThrow().body()).contains("over 700 thousand children");
        assertThat(appeals.current(seeded.id(), "uk").orElseThrow().title()).isEqualTo("Зупинити загарбницьку війну Росії! Мир для України!");
        assertThat(demo.load()).isFalse();
        Browser.Page signatories = anotherBrowser().get("/en/appeals/" + AppealDemoContent.SLUG + "/signatories");
        assertThat(signatories.text("ol.signatories")).contains("Promote Ukraine").contains("Solidarity Collectives");
    }

    @Test
    void theDemoAppealReadsInFrenchAndDutchAsDemoTranslations(@Autowired AppealDemoContent demo) {
        demo.load();
        Browser.Page french = anotherBrowser().acceptLanguage("fr").get("/fr/appeals/" + AppealDemoContent.SLUG);
        assertThat(french.text("h1").replaceAll("[\\u00a0\\u202f]", " ")).isEqualTo("Stop à la guerre d’agression russe ! Paix pour l’Ukraine !");
        assertThat(french.doc().select("article.appeal-text").attr("lang")).isEqualTo("fr");
        assertThat(french.text("article.appeal-text")).contains("plus de 700", "le texte anglais fait foi.");
        Browser.Page dutch = anotherBrowser().acceptLanguage("nl").get("/nl/appeals/" + AppealDemoContent.SLUG);
        assertThat(dutch.text("h1")).isEqualTo("Stop de Russische aanvalsoorlog! Vrede voor Oekraïne!");
        assertThat(dutch.text("article.appeal-text")).contains("700.000").contains("demonstratievertaling");
        Appeal seeded = appeals.bySlug(AppealDemoContent.SLUG).orElseThrow();
        assertThat(appeals.revisions(seeded.id(), "fr")).singleElement()
                .satisfies(revision -> assertThat(revision.note()).isEqualTo("Demo translation"));
    }
}
