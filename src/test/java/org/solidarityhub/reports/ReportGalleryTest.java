package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The campaign gallery: approved items only, filters by country, kind of action and media type, pages of 48, no JavaScript needed. */
class ReportGalleryTest extends WebTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Media media;

    @Autowired
    ReportSending sending;

    @Autowired
    ReportModeration moderation;

    @Autowired
    ReportStore store;

    @Autowired
    EventDirectory events;

    /** A published report of an event with this many approved photos; returns its id. */
    private long publishedReport(EventsFixture.ApprovedEvent event, int photos) {
        List<ReportStore.NewItem> items = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            byte[] jpeg = ReportsTestSupport.jpeg(24, 16, new Color(i * 5 % 255, 80, 160));
            MediaItem item = media.accept(new ByteArrayInputStream(jpeg), jpeg.length, new MediaOwner("reports", "gallery-test"));
            items.add(new ReportStore.NewItem(item.id(), item.kind().name(), false));
            ids.add(item.id());
        }
        EventDirectory.EventRef ref = events.published(event.id()).orElseThrow();
        ReportRules.Outcome outcome = new ReportRules.Outcome(new org.solidarityhub.submissions.Problems("reports.error"),
                "Gallery test", null, List.of(), null, null);
        long id = sending.forEvent(ref, outcome, new ReportUploads.Accepted(items, ids), Locale.ENGLISH, "198.18.0.1").id();
        ReportsTestSupport.processed(media, db, id);
        for (StoredReport.Item item : store.find(id).orElseThrow().items()) {
            moderation.approveItem(id, item.id());
        }
        moderation.publish(id);
        return id;
    }

    @Test
    void theGalleryFiltersByCountryKindOfActionAndMediaTypeAndPagesBy48() {
        EventsFixture.ApprovedEvent brussels = EventsFixture.approvedEvent(context, "DEMONSTRATION", "Brussels", "BE");
        EventsFixture.ApprovedEvent warsaw = EventsFixture.approvedEvent(context, brussels.campaignSlug(), "CONCERT", "Warsaw", "PL");
        publishedReport(brussels, 47);
        publishedReport(warsaw, 2);
        String base = "/en/reports?campaign=" + brussels.campaignSlug();

        Browser.Page first = browser.get(base);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text(".count")).isEqualTo("49 photos and videos");
        assertThat(first.doc().select(".gallery-grid img")).hasSize(48).allSatisfy(img -> assertThat(img.attr("loading")).isEqualTo("lazy"));
        String next = first.doc().selectFirst("nav.pager a").attr("href");
        assertThat(next).contains("page=2");
        Browser.Page second = browser.get(next);
        assertThat(second.doc().select(".gallery-grid img")).hasSize(1);
        assertThat(second.doc().select("nav.pager a")).hasSize(1);

        assertThat(browser.get(base + "&country=PL").doc().select(".gallery-grid img")).hasSize(2);
        assertThat(browser.get(base + "&type=CONCERT").doc().select(".gallery-grid img")).hasSize(2);
        assertThat(browser.get(base + "&type=DEMONSTRATION&country=BE").text(".count")).isEqualTo("47 photos and videos");
        assertThat(browser.get(base + "&media=video").text(".count")).isEqualTo("No photos or videos");
        assertThat(browser.get(base + "&media=image").text(".count")).isEqualTo("49 photos and videos");
        // the filter form is a plain GET form that keeps the choices
        Browser.Page filtered = browser.get(base + "&country=PL");
        assertThat(filtered.doc().selectFirst("#g-country option[selected]").attr("value")).isEqualTo("PL");

        Browser.Page bad = browser.get(base + "&media=pdf");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text(".lead")).isEqualTo("This filter is not one of the choices.");
        assertThat(browser.get(base + "&page=0").status()).isEqualTo(400);
    }
}
