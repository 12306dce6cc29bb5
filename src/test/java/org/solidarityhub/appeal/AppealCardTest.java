package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.ShareCardChecks;

/**
 * The appeal's share card (docs/og-images.md): a PNG per language at the page's address plus /card.png, kept by
 * readers and front caches while it would look the same, drawn anew when its title changes or its rounded count
 * moves to the next step, and named in the head of the appeal's page.
 */
class AppealCardTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(10_000);
    }

    private String card(String language) {
        return "/" + language + "/appeals/" + appeal.slug() + "/card.png";
    }

    private void count(long total) {
        db.sql("DELETE FROM appeal_count WHERE appeal_id = :id").param("id", appeal.id()).update();
        db.sql("INSERT INTO appeal_count (appeal_id, country, kind, total) VALUES (:id, 'BE', 'INDIVIDUAL', :total)")
                .param("id", appeal.id()).param("total", total).update();
    }

    @Test
    void theCardIsAPngInEachLanguageThatReadersAndFrontCachesKeep() {
        Browser reader = anotherBrowser();
        byte[] english = ShareCardChecks.aCachedCard(reader, card("en"));
        byte[] ukrainian = ShareCardChecks.aCachedCard(reader, card("uk"));

        assertThat(ukrainian).as("the Ukrainian title and words").isNotEqualTo(english);
    }

    @Test
    void theCardChangesWhenTheTitleChanges() {
        Browser reader = anotherBrowser();
        HttpResponse<byte[]> before = reader.bytes(card("en"));

        appeals.revise(appeal.id(), "en", "A new title for " + appeal.slug(), "We call for **solidarity**.", null, "test");
        HttpResponse<byte[]> after = reader.bytes(card("en"));

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(after.body()).isNotEqualTo(before.body());
        assertThat(reader.bytes(card("en"), "If-None-Match", before.headers().firstValue("ETag").orElseThrow()).statusCode())
                .as("an old ETag gets the new card").isEqualTo(200);
    }

    @Test
    void theCountIsDrawnRoundedSoThatAPeakDoesNotRedrawTheCardWithEverySignature() {
        Browser reader = anotherBrowser();
        count(1_234);
        HttpResponse<byte[]> first = reader.bytes(card("en"));
        count(1_277);
        HttpResponse<byte[]> sameStep = reader.bytes(card("en"));
        count(1_300);
        HttpResponse<byte[]> nextStep = reader.bytes(card("en"));

        assertThat(sameStep.headers().firstValue("ETag")).as("1,234 and 1,277 are both 1,200+")
                .isEqualTo(first.headers().firstValue("ETag"));
        assertThat(sameStep.body()).isEqualTo(first.body());
        assertThat(nextStep.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
        assertThat(nextStep.body()).isNotEqualTo(first.body());
    }

    @Test
    void theAppealsPageNamesItsCardWithAnAbsoluteAddressInItsLanguage() {
        Document english = anotherBrowser().get("/en/appeals/" + appeal.slug()).doc();
        Document ukrainian = anotherBrowser().get("/uk/appeals/" + appeal.slug()).doc();

        ShareCardChecks.namesItsCard(english, BASE + card("en"), "Peace for Ukraine " + appeal.slug());
        ShareCardChecks.namesItsCard(ukrainian, BASE + card("uk"), "Мир для України " + appeal.slug());
    }

    @Test
    void anUnknownAppealHasNoCardButTheUsualNotFoundPage() {
        Browser.Page missing = anotherBrowser().get("/en/appeals/no-such-appeal/card.png", "Accept", "text/html,image/*");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(missing.doc().select("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void aCardWithoutALanguageLeadsToTheReadersOne() {
        Browser.Page redirect = anotherBrowser().acceptLanguage("uk").get("/appeals/" + appeal.slug() + "/card.png");

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).endsWith(card("uk"));
    }
}
