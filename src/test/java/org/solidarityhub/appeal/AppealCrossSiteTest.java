package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.CrossSite;
import org.solidarityhub.test.ProblemDetails;

/**
 * The appeal's public forms carry no token and set no cookie: posted from this site's pages (or by a client that
 * says nothing of where it posts from) they work; posted by a page of another site they are refused with a clear
 * page in the reader's language, and nothing is stored or changed.
 */
class AppealCrossSiteTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    @Test
    void theSignFormsCarryNoTokenAndSetNoCookie() {
        Browser.Page page = person().get("/appeals/" + appeal.slug());

        assertThat(page.doc().select("#sign-individual, #sign-organization")).hasSize(2);
        assertThat(page.doc().select("input[name=_csrf]")).isEmpty();
        assertThat(page.setCookies()).isEmpty();
    }

    @Test
    void signingWithoutATokenWorksFromThisSiteAndForClientsThatSayNothing() {
        CrossSite.forEach(CrossSite.fromThisSite(port), this::person, (sender, who) -> {
            String email = uniqueEmail("same-site-signer");
            Browser.Page signed = signAsIndividual(who, individual("Olena K.", email, "HIDDEN"));

            assertThat(signed.status()).as(sender).isEqualTo(302);
            assertThat(signed.location()).as(sender).endsWith("/signed");
            assertThat(signed.setCookies()).as(sender).isEmpty();
            assertThat(rows(email)).as(sender).isEqualTo(1);
        });
    }

    @Test
    void signingFromAPageOfAnotherSiteIsRefusedWithAClearPageAndStoresNothing() {
        for (String language : new String[] {"en", "uk"}) {
            CrossSite.forEach(CrossSite.fromElsewhere(port), () -> person().acceptLanguage(language), (sender, who) -> {
                String email = uniqueEmail("cross-site-signer");
                Browser.Page refused = signAsIndividual(who, individual("Olena K.", email, "HIDDEN"));

                CrossSite.assertRefused(refused, language, sender);
                assertThat(rows(email)).as(sender).isZero();
            });
        }
    }

    @Test
    void behindTheTrustedHttpsProxyAnOlderBrowsersOriginMustBeTheHttpsAddress() {
        // the proxy forwards Host and X-Forwarded-Proto: the app sees https://localhost (port 443)
        String ownOverHttps = "https://localhost";
        String email = uniqueEmail("over-https");
        Browser reader = person().https().header("Origin", ownOverHttps);
        assertThat(signAsIndividual(reader, individual("Olena K.", email, "HIDDEN")).location()).endsWith("/signed");
        assertThat(rows(email)).isEqualTo(1);

        // the same host over plain HTTP is another origin
        String downgraded = uniqueEmail("downgraded");
        Browser.Page refused = signAsIndividual(person().https().header("Origin", "http://localhost"),
                individual("Olena K.", downgraded, "HIDDEN"));
        CrossSite.assertRefused(refused, "en", "http://localhost behind an HTTPS proxy");
        assertThat(rows(downgraded)).isZero();
    }

    @Test
    void confirmingAndWithdrawingFromAPageOfAnotherSiteAreRefusedAndChangeNothing() {
        String email = uniqueEmail("link-holder");
        Browser signer = person();
        assertThat(signAsIndividual(signer, individual("Hanna L.", email, "HIDDEN")).location()).endsWith("/signed");
        String confirm = path(mail(email, 1), "/appeal/confirm/");
        String withdraw = path(mail(email, 1), "/appeal/withdraw/");

        CrossSite.forEach(CrossSite.fromElsewhere(port), this::person, (sender, attacker) -> {
            CrossSite.assertRefused(attacker.submit(signer.get(confirm), "main form"), "en", sender);
            CrossSite.assertRefused(attacker.submit(signer.get(withdraw), "main form"), "en", sender);
        });
        assertThat(row(email)).containsEntry("status", "PENDING");

        // the same forms, posted from the site's own pages, still work
        Browser own = CrossSite.sending(person(), CrossSite.fromThisSite(port).get("a page of this site"));
        assertThat(own.submit(own.get(confirm), "main form").text("h1")).isEqualTo("Thank you for signing");
        assertThat(row(email)).containsEntry("status", "CONFIRMED");
        assertThat(own.submit(own.get(withdraw), "main form").text("h1")).isEqualTo("Your signature is withdrawn");
    }

    @Test
    void theSigningApiRefusesABrowserPostFromAnotherSiteWithAProblemDetail() {
        CrossSite.forEach(CrossSite.fromElsewhere(port), this::person, (sender, who) -> {
            String email = uniqueEmail("api-cross-site");
            String path = "/api/v1/appeals/" + appeal.slug() + "/signatures";
            Browser.Page refused = who.postRaw(path, "application/json", body(email));

            assertThat(ProblemDetails.assertProblem(refused, 403, path).path("detail").asString()).as(sender)
                    .isEqualTo(CrossSite.REFUSAL.get("en")[1]);
            assertThat(rows(email)).as(sender).isZero();
        });
        CrossSite.forEach(CrossSite.fromThisSite(port), this::person, (sender, who) -> {
            String email = uniqueEmail("api-same-site");
            assertThat(who.postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures", "application/json", body(email)).status())
                    .as(sender).isEqualTo(202);
            assertThat(rows(email)).as(sender).isEqualTo(1);
        });
    }

    private static byte[] body(String email) {
        return """
                {"kind":"INDIVIDUAL","name":"Olena K.","email":"%s","country":"BE","city":"Brussels","display":"HIDDEN","comment":"","updates":false,"language":"en"}"""
                .formatted(email).getBytes(StandardCharsets.UTF_8);
    }
}
