package org.solidarityhub.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.media.MediaProcessed;
import org.solidarityhub.platform.DemoContent;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.ContentVersions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo content: published reports for some of the seed events, each with a few pictures drawn at start-up with
 * Java2D (a placard, a banner: no download, no real person) that go through the media pipeline like any upload and
 * are approved as soon as they are processed. Loaded after the events' demo content when {@code app.demo} is on;
 * loading twice changes nothing.
 */
@Component
class ReportsDemoContent implements DemoContent {

    private static final String DEMO = "demo-";

    /** A demo report: the seed event's key, its text, attendance, links and the words of its pictures. */
    record Demo(String eventKey, String text, Integer attendance, List<String> links, List<String> pictures) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("brussels-2027", "Thousands marched from the North Station to the Schuman roundabout, with Ukrainian, "
                    + "Belgian and European flags. Speeches by Ukrainian volunteers and Belgian trade unions.", 4000,
                    List.of("https://www.promote-ukraine.org/"), List.of("Peace for Ukraine", "Stop the war")),
            new Demo("berlin-2027", "A full hall for the benefit concert: the proceeds buy generators for volunteers "
                    + "in Kharkiv.", 350, List.of(), List.of("Benefit concert")),
            new Demo("vilnius-2027", "A new mural on a wall by the river: sunflowers and the words of a Ukrainian poem.",
                    40, List.of(), List.of("Street art for Ukraine")));

    private final EventDirectory events;
    private final ReportStore store;
    private final Media media;
    private final AuditLog audit;
    private final ContentVersions versions;
    private final Clock clock;

    ReportsDemoContent(EventDirectory events, ReportStore store, Media media, AuditLog audit,
                       ContentVersions versions, Clock clock) {
        this.versions = versions;
        this.events = events;
        this.store = store;
        this.media = media;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reports";
    }

    /** Loads the demo reports that are not there yet (for the seed events that exist); returns how many it stored. */
    @Override
    public int load() {
        int stored = 0;
        for (Demo demo : DEMOS) {
            String key = "report-" + demo.eventKey();
            EventDirectory.EventRef event = events.demoEvent(demo.eventKey()).orElse(null);
            if (event == null || store.demoExists(key)) {
                continue;
            }
            List<ReportStore.NewItem> items = new ArrayList<>();
            for (String words : demo.pictures()) {
                byte[] picture = picture(words, items.size());
                MediaItem item = media.accept(new ByteArrayInputStream(picture), picture.length,
                        new MediaOwner(ReportUploads.FEATURE, DEMO + demo.eventKey()));
                items.add(new ReportStore.NewItem(item.id(), item.kind().name(), false));
            }
            long id = store.insert(new ReportStore.NewReport(event.campaignId(), event.id(), "en", demo.text(),
                    demo.attendance(), event.country(), event.type(), ReportState.PUBLISHED, null, clock.instant(), key,
                    demo.links().stream().map(url -> new StoredReport.Link(url, java.net.URI.create(url).getHost())).toList(),
                    items));
            store.publish(id, clock.instant());
            // pictures processed before the report was stored missed their event: approve them now
            items.forEach(i -> media.find(i.mediaId()).filter(MediaItem::ready).ifPresent(m -> approve(m.id())));
            audit.record("reports.demo-loaded", "report", id, key);
            versions.changed(ReportsPages.versionName(event.campaignId()));
            stored++;
        }
        return stored;
    }

    /** A demo picture, once processed, is approved and published (there is nothing in it to blur). */
    @EventListener
    void on(MediaProcessed processed) {
        if (ReportUploads.FEATURE.equals(processed.owner().feature()) && processed.owner().reference().startsWith(DEMO)) {
            approve(processed.mediaId());
            events.demoEvent(processed.owner().reference().substring(DEMO.length()))
                    .ifPresent(event -> versions.changed(ReportsPages.versionName(event.campaignId())));
        }
    }

    private void approve(long mediaId) {
        store.approveDemoItem(mediaId, clock.instant());
        media.publish(mediaId);
    }

    /** A placard: the words on a gradient, drawn with Java2D. */
    static byte[] picture(String words, int variant) {
        int width = 1200;
        int height = 800;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0, 87, 183), 0, height, new Color(255, 215, 0)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRoundRect(150 + variant * 20, 250, 900, 300, 40, 40);
        g.setColor(new Color(20, 20, 20));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        int textWidth = g.getFontMetrics().stringWidth(words);
        g.drawString(words, (width - textWidth) / 2, 420);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
