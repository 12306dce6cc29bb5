package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.PosterFiles;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The printable poster of an event (docs/posters.md): the page to print and the PDF show the title, the date and the
 * place as the event's page does in public, with a QR code to that page; nothing else of the event.
 */
class EventPostersTest extends WebTest {

    static final String BASE = "http://hub.test";

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    Campaign campaign;
    long id;
    String title;

    @BeforeEach
    void anApprovedEvent() {
        campaign = EventsFixture.newCampaign(campaigns);
        title = EventsFixture.title("Rally for a just peace");
        id = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event(title, "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null, "Brussels", "BE", "PUBLIC"));
    }

    @Test
    void thePosterPageShowsTheTitleTheDateAndPlaceAQrCodeToTheEventAndLinksThePrintStylesheetAndThePdf() {
        Browser.Page page = anotherBrowser().get("/en/events/" + id + "/poster");

        assertThat(page.status()).isEqualTo(200);
        Document doc = page.doc();
        assertThat(doc.select("h1.poster-title").text()).isEqualTo(title);
        assertThat(doc.select(".poster-eyebrow").text()).isEqualTo("Test week of action · Demonstration");
        assertThat(doc.select(".poster-slogan").text()).isEqualTo("Stop the Russian war of aggression! Peace for Ukraine!");
        assertThat(doc.select(".poster-facts").text()).contains("25 February 2027", "13:00–16:00",
                "Central European Time", "Venue of " + title + ", Street 1, Brussels, Belgium", "Organizers of " + title);
        assertThat(doc.select(".poster-qr svg[role=img] path")).hasSize(1);
        assertThat(doc.select(".poster-qr svg").attr("aria-label")).isEqualTo("hub.test/en/events/" + id);
        assertThat(doc.select(".poster-url").text()).isEqualTo("hub.test/en/events/" + id);
        assertThat(doc.select("link[rel=stylesheet][media=print][href~=/css/print.*\\.css]")).hasSize(1);
        assertThat(doc.select("a[href=/en/events/" + id + "/poster.pdf]").text()).isEqualTo("Download the PDF (A4)");
        assertThat(doc.select("a[href=/en/events/" + id + "/poster.pdf?paper=letter]").text()).isEqualTo("Download the PDF (Letter)");
        assertThat(doc.select("article.poster").hasClass("paper-a4")).isTrue();
        assertThat(doc.select(".poster-papers a[aria-current=page]").attr("href")).isEqualTo("/en/events/" + id + "/poster");
        assertThat(doc.select(".poster-papers a:not([aria-current])").first().attr("href")).isEqualTo("/en/events/" + id + "/poster?paper=letter");
        assertThat(page.body()).as("no contact address").doesNotContain("@example.org").doesNotContain("<script");
    }

    @Test
    void theEventPageLinksToItsPosterAndAUkrainianPosterSpeaksUkrainian() {
        Browser.Page event = anotherBrowser().get("/en/events/" + id);
        assertThat(event.doc().select("a[href=/en/events/" + id + "/poster]").text()).isEqualTo("Print a poster");

        Document uk = anotherBrowser().get("/uk/events/" + id + "/poster?paper=letter").doc();
        assertThat(uk.select("html").attr("lang")).isEqualTo("uk");
        assertThat(uk.select(".poster-eyebrow").text()).isEqualTo("Тестовий тиждень дій · Демонстрація");
        assertThat(uk.select(".poster-facts").text()).contains("25 лютого 2027", "Бельгія");
        assertThat(uk.select(".poster-url").text()).isEqualTo("hub.test/uk/events/" + id);
        assertThat(uk.select("article.poster").hasClass("paper-letter")).isTrue();
    }

    @Test
    void thePdfIsAnA4PageWithTheTitleAndAQrCodeThatReadsBackTheEventsAbsoluteAddress() {
        HttpResponse<byte[]> response = anotherBrowser().bytes("/en/events/" + id + "/poster.pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"poster-event-" + id + "-a4.pdf\"");
        PosterFiles.Pdf pdf = PosterFiles.read(response.body());
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.size().getWidth()).isBetween(595f, 596f);
        assertThat(pdf.size().getHeight()).isBetween(841f, 842f);
        assertThat(pdf.fontsEmbedded()).isTrue();
        assertThat(pdf.text().replaceAll("\\s+", " ")).contains(title, "25 February 2027", "Street 1, Brussels, Belgium")
                .doesNotContain("@example.org");
        assertThat(PosterFiles.qr(pdf.picture())).isEqualTo(BASE + "/en/events/" + id);
        PosterFiles.keep(pdf.picture(), "event-a4-en");
    }

    @Test
    void aUkrainianLetterPdfHasTheCyrillicTitleAndAQrCodeToTheUkrainianPage() {
        String ukrainian = EventsFixture.title("Мітинг солідарності з Україною біля посольства");
        long other = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event(ukrainian, "RALLY_OR_VIGIL", "2027-02-26T18:00", "2027-02-26T20:00", null, "Kyiv", "UA", "PUBLIC"));

        HttpResponse<byte[]> response = anotherBrowser().bytes("/uk/events/" + other + "/poster.pdf?paper=letter");

        assertThat(response.statusCode()).isEqualTo(200);
        PosterFiles.Pdf pdf = PosterFiles.read(response.body());
        assertThat(pdf.size().getWidth()).isEqualTo(612f);
        assertThat(pdf.size().getHeight()).isEqualTo(792f);
        assertThat(pdf.text().replaceAll("\\s+", " ")).contains(ukrainian, "26 лютого 2027", "Україна", "Скануйте код");
        assertThat(PosterFiles.qr(pdf.picture())).isEqualTo(BASE + "/uk/events/" + other);
        PosterFiles.keep(pdf.picture(), "event-letter-uk");
    }

    @Test
    void anEventWhoseAddressIsHiddenShowsOnlyItsCityOnThePageAndInThePdf() {
        String hidden = EventsFixture.title("Quiet action");
        long other = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event(hidden, "DIRECT_ACTION", "2027-02-27T10:00", "2027-02-27T12:00", null, "Brussels", "BE", "ON_REQUEST"));

        Browser.Page page = anotherBrowser().get("/en/events/" + other + "/poster");
        assertThat(page.doc().select(".poster-facts").text()).contains("Brussels, Belgium", "ask the organizers for the exact address");
        assertThat(page.body()).doesNotContain("Street 1").doesNotContain("Venue of");

        PosterFiles.Pdf pdf = PosterFiles.read(anotherBrowser().bytes("/en/events/" + other + "/poster.pdf").body());
        assertThat(pdf.text().replaceAll("\\s+", " ")).contains(hidden, "Brussels, Belgium", "ask the organizers")
                .doesNotContain("Street 1").doesNotContain("Venue of");
        PosterFiles.keep(pdf.picture(), "event-a4-hidden-address");
    }

    @Test
    void anUnknownUnapprovedOrCancelledEventHasNoPoster() {
        Events.Submitted pending = EventsFixture.pending(rules, events, campaign,
                EventsFixture.event(EventsFixture.title("Waiting"), "CONCERT", "2027-02-27T19:00", "2027-02-27T21:00", null, "Kyiv", "UA", "PUBLIC"));
        Events.Submitted cancelled = EventsFixture.pending(rules, events, campaign,
                EventsFixture.event(EventsFixture.title("Called off"), "CONCERT", "2027-02-28T19:00", "2027-02-28T21:00", null, "Kyiv", "UA", "PUBLIC"));
        events.approve(cancelled.id(), store.find(cancelled.id()).orElseThrow().pending().id());
        events.cancel(cancelled.token());

        for (long missing : new long[] {id + 1_000_000, pending.id(), cancelled.id()}) {
            for (String path : new String[] {"/en/events/" + missing + "/poster", "/en/events/" + missing + "/poster.pdf"}) {
                Browser.Page page = anotherBrowser().get(path);
                assertThat(page.status()).as(path).isEqualTo(404);
                assertThat(page.body()).as(path).contains("Page not found");
            }
        }
        assertThat(anotherBrowser().get("/en/events/" + cancelled.id()).doc().select("a[href$=/poster]")).isEmpty();
    }

    @Test
    void anUnknownPaperIsAClearBadRequestInTheReadersLanguageAndNeverKept() {
        Browser.Page english = anotherBrowser().get("/en/events/" + id + "/poster.pdf?paper=a3");
        Browser.Page ukrainian = anotherBrowser().get("/uk/events/" + id + "/poster?paper=%3Cscript%3E");

        assertThat(english.status()).isEqualTo(400);
        assertThat(english.doc().select(".lead").text()).isEqualTo("There is no poster in this paper size: choose A4 or Letter.");
        assertThat(english.header("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(ukrainian.status()).isEqualTo(400);
        assertThat(ukrainian.doc().select(".lead").text()).isEqualTo("Плаката такого розміру немає: виберіть A4 або Letter.");
        assertThat(ukrainian.body()).doesNotContain("<script>");
    }

    @Test
    void thePosterAndItsPdfAreCachedPerPaperAndLanguageAndChangeWithTheEvents() {
        String[] paths = {"/en/events/" + id + "/poster", "/en/events/" + id + "/poster?paper=letter", "/uk/events/" + id + "/poster",
                "/en/events/" + id + "/poster.pdf", "/en/events/" + id + "/poster.pdf?paper=letter", "/uk/events/" + id + "/poster.pdf"};
        java.util.Set<String> etags = new java.util.HashSet<>();
        for (String path : paths) {
            Browser.Page first = anotherBrowser().get(path);
            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(first.header("Cache-Control").orElseThrow()).as(path).startsWith("public, max-age=");
            String etag = first.header("ETag").orElseThrow();
            etags.add(etag);
            assertThat(anotherBrowser().get(path).header("X-Cache")).as(path).contains("HIT");
            assertThat(anotherBrowser().get(path, "If-None-Match", etag).status()).as(path).isEqualTo(304);
        }
        assertThat(etags).as("one ETag per paper, language and format").hasSize(paths.length);

        String etag = anotherBrowser().get(paths[3]).header("ETag").orElseThrow();
        EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event(EventsFixture.title("Vigil"), "RALLY_OR_VIGIL", "2027-02-26T18:00", "2027-02-26T20:00", null, "Kyiv", "UA", "PUBLIC"));
        assertThat(anotherBrowser().get(paths[3], "If-None-Match", etag).status()).isEqualTo(200);
    }
}
