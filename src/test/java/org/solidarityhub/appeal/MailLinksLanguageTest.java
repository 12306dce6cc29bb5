package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;

/** Mailed links carry the signer's language prefix, and links mailed before the prefixes existed still work. */
class MailLinksLanguageTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    @Test
    void aSignatureFromTheUkrainianPageGetsItsMailLinksUnderTheUkrainianPrefix() {
        String email = uniqueEmail("ukrainian");
        Browser who = person();
        Browser.Page page = who.get("/uk/appeals/" + appeal.slug());
        Browser.Page sent = who.submit(page, "#sign-individual", individual("Олена Коваль", email, "HIDDEN"));
        assertThat(URI.create(sent.location()).getPath()).isEqualTo("/uk/appeals/" + appeal.slug() + "/signed");

        String mail = decoded(mail(email, 1)); // Ukrainian mails travel base64-encoded
        assertThat(mail).contains(BASE + "/uk/appeal/confirm/", BASE + "/uk/appeal/withdraw/").doesNotContain(BASE + "/en/");
        int start = mail.indexOf(BASE + "/uk/appeal/confirm/") + BASE.length();
        String confirm = mail.substring(start).split("\\s")[0];
        Browser.Page confirmPage = who.get(confirm);
        assertThat(confirmPage.doc().selectFirst("html").attr("lang")).isEqualTo("uk");
        assertThat(confirmPage.doc().select("main form").attr("action")).isEqualTo(confirm);
    }

    /** Signs from the English page; the path of the mailed link that starts with the prefix. */
    private String signedAndMailed(Browser who, String email, String prefix) {
        signAsIndividual(who, individual("Hanna Leś", email, "HIDDEN"));
        return path(mail(email, 1), prefix);
    }

    private static String decoded(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aConfirmationLinkMailedBeforeThePrefixesStillConfirmsThroughOneRedirect() {
        String email = uniqueEmail("old-link");
        Browser who = person();
        assertThat(URI.create(signAsIndividual(who, individual("Hanna Leś", email, "HIDDEN")).location()).getPath())
                .isEqualTo("/en/appeals/" + appeal.slug() + "/signed");
        String token = path(mail(email, 1), "/en/appeal/confirm/").substring("/en/appeal/confirm/".length());

        Browser reader = anotherBrowser().acceptLanguage("uk,en;q=0.5");
        Browser.Page old = reader.get("/appeal/confirm/" + token);
        assertThat(old.status()).isEqualTo(302);
        assertThat(old.location()).isEqualTo("/uk/appeal/confirm/" + token);
        Browser.Page page = reader.get(old.location());
        assertThat(page.status()).isEqualTo(200);
        Browser.Page done = reader.submit(page, "main form");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.doc().selectFirst("html").attr("lang")).isEqualTo("uk");
        assertThat(row(email).get("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aConfirmationFormRenderedBeforeThePrefixesStillPostsToItsUnprefixedAddress() {
        String email = uniqueEmail("old-form");
        Browser who = person();
        String confirm = signedAndMailed(who, email, "/en/appeal/confirm/");
        String token = who.get(confirm).doc().select("main form input[name=_csrf]").attr("value");

        Browser.Page done = who.post(confirm.substring("/en".length()), token.isEmpty() ? Map.of() : Map.of("_csrf", token));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("h1")).isEqualTo("Thank you for signing");
        assertThat(row(email).get("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aWithdrawalLinkMailedBeforeThePrefixesStillWithdraws() {
        String email = uniqueEmail("old-withdraw");
        Browser who = person();
        String withdraw = signedAndMailed(who, email, "/en/appeal/withdraw/");
        assertThat(TestMailServer.body(mail(email, 1))).doesNotContain(BASE + "/appeal/");

        Browser.Page old = who.get(withdraw.substring("/en".length()));
        assertThat(old.location()).isEqualTo(withdraw);
        Browser.Page done = who.submit(who.get(old.location()), "main form");
        assertThat(done.text("h1")).isEqualTo("Your signature is withdrawn");
    }
}
