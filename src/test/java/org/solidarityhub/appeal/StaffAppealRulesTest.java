package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/** What editors and moderators are refused, and the decisions the other staff tests leave out. */
class StaffAppealRulesTest extends AppealTestSupport {

    @Autowired
    StaffFixture staff;

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    private Browser signedIn(StaffRole role) {
        Browser browser = anotherBrowser();
        staff.signIn(browser, staff.member(uniqueEmail(role.name().toLowerCase()), role));
        return browser;
    }

    @Test
    void editorsCloseAnAppealAndSetItsGoalButNotToNonsense() {
        Browser editor = signedIn(StaffRole.EDITOR);
        Browser.Page page = editor.get("/staff/appeals/" + appeal.id());
        Browser.Page saved = editor.follow(editor.submit(page, "form[action$=/settings]", Map.of("state", "CLOSED", "goal", " 500 ")));
        assertThat(saved.text(".notice")).isEqualTo("Saved.");
        assertThat(appeals.find(appeal.id()).orElseThrow()).extracting(Appeal::state, Appeal::goal).containsExactly(Appeal.State.CLOSED, 500);

        Browser.Page badGoal = editor.follow(editor.submit(saved, "form[action$=/settings]", Map.of("state", "OPEN", "goal", "100000001")));
        assertThat(badGoal.text(".alert")).isEqualTo("The goal must be a whole number from 1 to 100,000,000, or empty.");
        Browser.Page badState = editor.follow(editor.submit(saved, "form[action$=/settings]", Map.of("state", "MAYBE", "goal", "")));
        assertThat(badState.text(".alert")).isEqualTo("Choose open or closed.");
        assertThat(appeals.find(appeal.id()).orElseThrow()).extracting(Appeal::state, Appeal::goal).containsExactly(Appeal.State.CLOSED, 500);
        assertThat(actions("appeal", appeal.id())).containsExactly("appeal.settings-changed");
        assertThat(db.sql("SELECT detail FROM audit_event WHERE action = 'appeal.settings-changed' AND target_id = :id")
                .param("id", String.valueOf(appeal.id())).query(String.class).single()).isEqualTo("state=CLOSED goal=500");
    }

    @Test
    void aRevisionWithABadLanguageNoTextOrALongNoteIsRefusedAndKept() {
        Browser editor = signedIn(StaffRole.EDITOR);
        Browser.Page page = editor.get("/staff/appeals/" + appeal.id());
        Browser.Page badLanguage = editor.submit(page, "form[action$=/texts]", Map.of("language", "english", "title", "T", "body", "B"));
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.text(".alert")).isEqualTo("Choose a language from the list.");
        Browser.Page noBody = editor.submit(page, "form[action$=/texts]", Map.of("title", "Kept title", "body", " "));
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.text(".alert")).isEqualTo("The text is required, at most 50,000 characters.");
        assertThat(noBody.doc().selectFirst("form[action$=/texts] [name=title]").attr("value")).isEqualTo("Kept title");
        Browser.Page longNote = editor.submit(page, "form[action$=/texts]", Map.of("title", "T", "body", "B", "note", "n".repeat(301)));
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.text(".alert")).isEqualTo("The note may have at most 300 characters.");
        assertThat(appeals.revisions(appeal.id(), "en")).hasSize(1);
        assertThat(actions("appeal", appeal.id())).isEmpty();
    }

    @Test
    void staffPagesOfAnAppealThatDoesNotExistAreNotFound() {
        Browser moderator = signedIn(StaffRole.MODERATOR);
        long unknown = Long.MAX_VALUE - 11;
        assertThat(moderator.get("/staff/appeals/" + unknown).status()).isEqualTo(404);
        assertThat(moderator.get("/staff/appeals/" + unknown + "/review").status()).isEqualTo(404);
        assertThat(moderator.get("/staff/appeals/" + unknown + "/search?domain=example.org").status()).isEqualTo(404);
        assertThat(moderator.get("/staff/appeals/" + unknown + "/export.csv").status()).isEqualTo(404);
        String csrf = moderator.get("/staff/appeals/" + appeal.id() + "/review").doc().select("input[name=_csrf]").attr("value");
        assertThat(moderator.post("/staff/appeals/" + unknown + "/signatures/1/release", Map.of("_csrf", csrf)).status()).isEqualTo(404);
        assertThat(moderator.post("/staff/appeals/" + unknown + "/invalidate", Map.of("_csrf", csrf, "ids", "1", "reason", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void aRejectedOrganizationIsNotCountedAndRejectingAgainDoesNothing() {
        String email = uniqueEmail("rejected");
        Browser contact = person();
        signAsOrganization(contact, Map.of("organizationName", "Front Organization " + appeal.slug(), "country", "BE",
                "name", "Contact", "email", email));
        confirm(contact, email, 1);
        long id = ((Number) row(email).get("id")).longValue();

        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser.Page review = moderator.get("/staff/appeals/" + appeal.id() + "/review");
        Browser.Page rejected = moderator.follow(moderator.submit(review, "#signature-" + id + " form[action$=/reject]"));
        assertThat(rejected.text(".notice")).isEqualTo("Done.");
        assertThat(rejected.doc().select("#signature-" + id)).isEmpty();
        Browser.Page again = moderator.follow(moderator.submit(review, "#signature-" + id + " form[action$=/reject]"));
        assertThat(again.text(".alert")).isEqualTo("Nothing to do: this was already decided.");
        Browser.Page verifyLater = moderator.follow(moderator.submit(review, "#signature-" + id + " form[action$=/verify]"));
        assertThat(verifyLater.text(".alert")).isEqualTo("Nothing to do: this was already decided.");

        assertThat(count()).isZero();
        assertThat(row(email)).containsEntry("review", "REJECTED");
        assertThat(db.sql("SELECT verified FROM organization WHERE id = :id").param("id", row(email).get("organization_id"))
                .query(Boolean.class).single()).isFalse();
        assertThat(actions("signature", id)).containsExactly("appeal.organization-rejected");
    }

    @Test
    void searchesWithABadEmailOrDomainAreRefusedAndNoneIsNothingSearched() {
        Browser moderator = signedIn(StaffRole.MODERATOR);
        String base = "/staff/appeals/" + appeal.id() + "/search";
        Browser.Page none = moderator.get(base);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.doc().select(".alert")).isEmpty();
        assertThat(none.doc().select("#invalidate")).isEmpty();
        Browser.Page badEmail = moderator.get(base + "?email=not-an-email");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.text(".alert")).isEqualTo("Please enter a valid email address.");
        Browser.Page badDomain = moderator.get(base + "?domain=%3Cb%3Elocalhost");
        assertThat(badDomain.status()).isEqualTo(400);
        assertThat(badDomain.text(".alert")).isEqualTo("Enter a domain such as example.org.");
        assertThat(badDomain.body()).doesNotContain("<b>localhost");
    }

    @Test
    void invalidatingNothingOrWithoutAReasonChangesNothing() {
        String email = uniqueEmail("kept");
        signAndConfirm(individual("Kept", email, "FULL_NAME"));
        long id = ((Number) row(email).get("id")).longValue();
        Browser moderator = signedIn(StaffRole.MODERATOR);
        Browser.Page found = moderator.get("/staff/appeals/" + appeal.id() + "/search?email=" + email);
        Browser.Page noneChosen = moderator.follow(moderator.submit(found, "#invalidate", Map.of("ids", List.of(), "reason", "spam")));
        assertThat(noneChosen.text(".alert")).isEqualTo("Select at least one signature.");
        Browser.Page longReason = moderator.follow(moderator.submit(found, "#invalidate", Map.of("reason", "r".repeat(301))));
        assertThat(longReason.text(".alert")).isEqualTo("Give a reason of at most 300 characters.");
        assertThat(row(email)).containsEntry("status", "CONFIRMED");
        assertThat(actions("signature", id)).isEmpty();
    }

    private List<String> actions(String targetType, long id) {
        return db.sql("SELECT action FROM audit_event WHERE target_type = :type AND target_id = :id ORDER BY id")
                .param("type", targetType).param("id", String.valueOf(id)).query(String.class).list();
    }
}
