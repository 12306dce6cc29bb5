package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class ReportsDemoContentTest extends WebTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ReportsDemoContent demo;

    @Test
    void theSeedEventsGetPublishedReportsWithDrawnPicturesThatShowInTheGalleryAndLoadingTwiceChangesNothing() throws Exception {
        String slug = EventsFixture.loadDemo(context);
        demo.load();
        long reports = db.sql("SELECT COUNT(*) FROM report WHERE demo_key LIKE 'report-%'").query(Long.class).single();
        assertThat(reports).isEqualTo(ReportsDemoContent.DEMOS.size());
        assertThat(demo.load()).isZero();

        // the pictures go through the media pipeline and are approved once processed (two workers; on a machine
        // busy with other builds that takes far longer than the few seconds it takes alone)
        long pictures = ReportsDemoContent.DEMOS.stream().mapToLong(d -> d.pictures().size()).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int shown = 0;
        while (System.nanoTime() < deadline && shown < pictures) {
            shown = browser.get("/en/reports?campaign=" + slug).doc().select(".gallery-grid img").size();
            Thread.sleep(200);
        }
        assertThat(shown).isEqualTo(pictures);
        long brussels = db.sql("SELECT event_id FROM report WHERE demo_key = 'report-brussels-2027'").query(Long.class).single();
        assertThat(browser.get("/en/events/" + brussels).doc().select(".event-reports img")).hasSize(2);
    }
}
