package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.CrossSite;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every field of the partner widget's form with bad input, as {@link AppealBadInputTest} does for the appeal's own
 * form (the same checks): a 400 inside the frame, the message at its field in the reader's language, the input kept,
 * the partner kept, nothing stored and no mail.
 */
class EmbedBadInputTest extends AppealTestSupport {

    @Autowired
    Partners partners;

    Partner partner;

    @BeforeEach
    void anAppealAndAPartner() {
        appeal = newAppeal(null);
        String slug = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        partner = partners.create(new Partners.Form("Bad input partner", slug, null, true));
    }

    private Browser.Page badForm(String field, String value, String language) {
        Map<String, Object> fields = new HashMap<>(Map.of("name", "Olena", "email", uniqueEmail("bad"), "country", "BE",
                "display", "FULL_NAME"));
        fields.put(field, value);
        Browser who = CrossSite.sending(person(), CrossSite.fromThisSite(port).get("a page of this site")).acceptLanguage(language);
        Browser.Page widget = who.get("/" + language + "/appeal/embed?appeal=" + appeal.slug() + "&partner=" + partner.slug());
        return who.submit(widget, "#embed-sign", fields);
    }

    private record Case(String field, String value, String id, String message) {
    }

    @Test
    void everyFieldWithBadInputIsRefusedAtItsFieldInsideTheFrame() {
        for (Case c : List.of(
                new Case("name", "", "e-name", "Please fill in this field."),
                new Case("name", "x".repeat(101), "e-name", "Please use at most 100 characters."),
                new Case("name", "<script>alert('x')</script>", "e-name", "Please write plain text, without HTML tags."),
                new Case("name", "Olena \u202Eexe.gnp", "e-name", "Please remove the invisible characters that change the direction of the text."),
                new Case("name", "Visit cheap-pills.com", "e-name", "Please do not put web addresses in a name."),
                new Case("name", "=HYPERLINK(\"x\")", "e-name", "A name cannot start with =, +, - or @."),
                new Case("name", "Two\nlines", "e-name", "Please write the name on one line."),
                new Case("email", "not-an-email", "e-email", "Please enter a valid email address."),
                new Case("email", "a".repeat(250) + "@example.org", "e-email", "Please enter a valid email address."),
                new Case("email", "", "e-email", "Please enter a valid email address."),
                new Case("country", "XX", "e-country", "Please choose a country from the list."),
                new Case("country", "", "e-country", "Please choose a country from the list."),
                new Case("display", "EVERYTHING", "e-display", "Please choose how you appear in the public list."),
                new Case("display", "", "e-display", "Please choose how you appear in the public list."))) {
            Browser.Page page = badForm(c.field(), c.value(), "en");
            assertThat(page.status()).as(c.toString()).isEqualTo(400);
            assertThat(page.text("#embed-sign .alert")).as(c.toString()).isEqualTo("Please correct the marked fields.");
            assertThat(page.text("#" + c.id() + "-error")).as(c.toString()).isEqualTo(c.message());
            assertThat(page.doc().select("#embed-sign .field-error")).as(c.toString()).hasSize(1);
            assertThat(page.body()).as(c.toString()).doesNotContain("Exception").doesNotContain("org.solidarityhub")
                    .doesNotContain("<script>alert");
            assertThat(page.header("Content-Security-Policy").orElseThrow()).as(c.toString()).contains("frame-ancestors *");
            assertThat(page.doc().select("#embed-sign input[name=partner]").attr("value")).as(c.toString()).isEqualTo(partner.slug());
        }
        assertThat(db.sql("SELECT COUNT(*) FROM signature WHERE appeal_id = :id").param("id", appeal.id()).query(Long.class).single())
                .isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE :s").param("s", "%" + appeal.slug() + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theFieldsPointAtTheirMessagesAndTheInputIsKeptInTheReadersLanguage() {
        Browser.Page page = badForm("country", "ZZ", "uk");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#e-country-error")).isEqualTo("Будь ласка, оберіть країну зі списку.");
        assertThat(page.doc().selectFirst("#e-country").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.doc().selectFirst("#e-name").attr("value")).isEqualTo("Olena");
        assertThat(page.doc().select("#embed-sign input[name=display][checked]").attr("value")).isEqualTo("FULL_NAME");
        assertThat(page.doc().select("html").attr("lang")).isEqualTo("uk");

        Browser.Page name = badForm("name", "<b>Olena</b>", "en");
        assertThat(name.doc().selectFirst("#e-name").attr("value")).isEqualTo("<b>Olena</b>");
        assertThat(name.doc().selectFirst("#e-name").attr("aria-describedby")).isEqualTo("e-name-error");
        assertThat(name.doc().select("#e-country option[selected]").eachAttr("value")).containsExactly("BE");
    }

    @Test
    void theWidgetsLimitsAreTheLimitsTheServerChecksAndAPostedKindChangesNothing() {
        Browser.Page widget = person().get("/en/appeal/embed?appeal=" + appeal.slug());
        assertThat(widget.doc().selectFirst("#e-name").attr("maxlength")).isEqualTo(String.valueOf(SignRequest.NAME_LIMIT));
        assertThat(widget.doc().selectFirst("#e-email").attr("maxlength"))
                .isEqualTo(String.valueOf(org.solidarityhub.platform.EmailAddresses.MAX_LENGTH));
        // the widget signs individuals: a post that says otherwise is checked and stored as one
        String email = uniqueEmail("kind");
        Browser who = CrossSite.sending(person(), CrossSite.fromThisSite(port).get("a page of this site"));
        Browser.Page sent = who.submit(who.get("/en/appeal/embed?appeal=" + appeal.slug()), "#embed-sign",
                Map.of("kind", "ORGANIZATION", "organizationName", "Forged org", "name", "Anna", "email", email, "country", "PL",
                        "display", "HIDDEN"));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(row(email)).containsEntry("kind", "INDIVIDUAL").containsEntry("organization_id", null);
        // malformed values of the other parameters are answered, never a 500
        for (String query : List.of("appeal=%00", "appeal=" + "y".repeat(500), "appeal=" + appeal.slug() + "&partner=%FF%FE",
                "appeal=" + appeal.slug() + "&partner=a&partner=b", "appeal=%3Cx%3E")) {
            int status = person().get("/en/appeal/embed?" + query).status();
            assertThat(status).as(query).isIn(200, 400, 404);
        }
        Browser.Page badRevision = who.post("/en/appeal/embed", Map.of("appeal", appeal.slug(), "revision", "not-a-number",
                "name", "Anna", "email", uniqueEmail("rev"), "country", "PL", "display", "HIDDEN"));
        assertThat(badRevision.status()).isIn(302, 400);
    }
}
