package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.PosterFiles;

/**
 * The printable poster of the appeal (docs/posters.md): its title in the reader's language, the start of its text, the
 * campaign's slogan and a QR code to the appeal's page, as a page to print and as a PDF; no count, no signer.
 */
class AppealPosterTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(10_000);
        appeals.revise(appeal.id(), "en", "Peace for Ukraine " + appeal.slug(),
                "We, organizations and individuals, call for **solidarity** with Ukraine.\n\nA second paragraph.\n\n" + "Long text. ".repeat(30),
                null, "test");
    }

    @Test
    void thePosterPageShowsTheTitleTheStartOfTheTextAndAQrCodeToTheAppealAndTheAppealLinksToIt() {
        Browser.Page appealPage = anotherBrowser().get("/en/appeals/" + appeal.slug());
        assertThat(appealPage.doc().select("a[href=/en/appeals/" + appeal.slug() + "/poster]").text()).isEqualTo("Print a poster");

        Browser.Page page = anotherBrowser().get("/en/appeals/" + appeal.slug() + "/poster");
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.doc();
        assertThat(doc.title()).isEqualTo("Poster: Peace for Ukraine " + appeal.slug() + " · Solidarity Hub");
        assertThat(doc.select("h1.poster-title").text()).isEqualTo("Peace for Ukraine " + appeal.slug());
        assertThat(doc.select(".poster-eyebrow").text()).isEqualTo("Appeal");
        assertThat(doc.select(".poster-lead").text()).isEqualTo("We, organizations and individuals, call for solidarity with Ukraine. A second paragraph.");
        assertThat(doc.select(".poster-call").text()).isEqualTo("Scan the code to sign the appeal");
        assertThat(doc.select(".poster-qr svg").attr("aria-label")).isEqualTo("hub.test/en/appeals/" + appeal.slug());
        assertThat(doc.select("link[rel=stylesheet][media=print][href~=/css/print.*\\.css]")).hasSize(1);
        assertThat(doc.select("a[href=/en/appeals/" + appeal.slug() + "/poster.pdf]")).hasSize(1);
        assertThat(doc.text()).doesNotContain("Long text.").doesNotContain("signatures");
    }

    @Test
    void theUkrainianPdfHasTheUkrainianTitleAndAQrCodeToTheUkrainianPage() {
        HttpResponse<byte[]> response = anotherBrowser().bytes("/uk/appeals/" + appeal.slug() + "/poster.pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        PosterFiles.Pdf pdf = PosterFiles.read(response.body());
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.size().getHeight()).isBetween(841f, 842f);
        assertThat(pdf.text().replaceAll("\\s+", " ")).contains("Мир для України " + appeal.slug(),
                "Ми закликаємо до солідарності.", "Скануйте код, щоб підписати звернення", "ЗВЕРНЕННЯ");
        assertThat(PosterFiles.qr(pdf.picture())).isEqualTo(BASE + "/uk/appeals/" + appeal.slug());
        PosterFiles.keep(pdf.picture(), "appeal-a4-uk");

        PosterFiles.Pdf letter = PosterFiles.read(anotherBrowser().bytes("/en/appeals/" + appeal.slug() + "/poster.pdf?paper=letter").body());
        assertThat(letter.size().getHeight()).isEqualTo(792f);
        assertThat(PosterFiles.qr(letter.picture())).isEqualTo(BASE + "/en/appeals/" + appeal.slug());
        PosterFiles.keep(letter.picture(), "appeal-letter-en");
    }

    @Test
    void theAppealsPosterAddressLeadsToThePosterOfTheAppealThatTheAppealAddressShows() {
        Browser.Page redirect = anotherBrowser().get("/en/appeal/poster");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).matches(".*/en/appeals/[^/]+/poster");
        assertThat(anotherBrowser().get("/en/appeal").location().replaceFirst(".*/en/", "/en/") + "/poster")
                .isEqualTo(redirect.location().replaceFirst(".*/en/", "/en/"));
    }

    @Test
    void anUnknownAppealHasNoPosterAndAnUnknownPaperIsABadRequestInTheReadersLanguage() {
        for (String path : new String[] {"/en/appeals/no-such-appeal/poster", "/en/appeals/no-such-appeal/poster.pdf"}) {
            assertThat(anotherBrowser().get(path).status()).as(path).isEqualTo(404);
        }
        Browser.Page bad = anotherBrowser().get("/uk/appeals/" + appeal.slug() + "/poster.pdf?paper=tabloid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.doc().select(".lead").text()).isEqualTo("Плаката такого розміру немає: виберіть A4 або Letter.");
        assertThat(bad.header("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void thePosterIsCachedUntilTheAppealsTextChanges() {
        String path = "/en/appeals/" + appeal.slug() + "/poster.pdf";
        Browser.Page first = anotherBrowser().get(path);
        String etag = first.header("ETag").orElseThrow();
        assertThat(first.header("Cache-Control").orElseThrow()).startsWith("public, max-age=");
        assertThat(anotherBrowser().get(path).header("X-Cache")).contains("HIT");
        assertThat(anotherBrowser().get(path, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(anotherBrowser().get("/uk/appeals/" + appeal.slug() + "/poster.pdf").header("ETag")).isNotEqualTo(first.header("ETag"));

        appeals.revise(appeal.id(), "en", "A new title " + appeal.slug(), "A new text.", null, "test");

        Browser.Page changed = anotherBrowser().get("/en/appeals/" + appeal.slug() + "/poster", "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.doc().select("h1.poster-title").text()).isEqualTo("A new title " + appeal.slug());
        assertThat(anotherBrowser().get(path, "If-None-Match", etag).status()).isEqualTo(200);
    }
}
