package org.solidarityhub.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaContent;
import org.solidarityhub.media.Variant;
import org.solidarityhub.platform.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff download a campaign's approved photos and videos as one ZIP for the press: the processed web sizes only
 * (never an upload or a master: they carry no metadata), streamed file by file, named by report and item, audited.
 */
@Service
class PressDownload {

    /** A campaign's press download: its name for the file and the items to write. */
    record Prepared(String slug, List<ReportStore.GalleryItem> items) {
    }

    private final EventDirectory events;
    private final ReportStore store;
    private final Media media;
    private final AuditLog audit;
    private final ReportViews views;

    PressDownload(EventDirectory events, ReportStore store, Media media, AuditLog audit, ReportViews views) {
        this.views = views;
        this.events = events;
        this.store = store;
        this.media = media;
        this.audit = audit;
    }

    /** The approved, published items of a campaign, audited as downloaded; 404 for an unknown campaign. */
    Prepared prepare(String slug, Locale locale) {
        EventDirectory.CampaignRef c = events.campaign(slug, locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<ReportStore.GalleryItem> items = store.gallery(c.id(), new ReportStore.GalleryFilter(null, null, null), 0, 100_000);
        List<ReportStore.GalleryItem> published = views.tiles(items).stream().map(ReportViews.Tile::item).toList();
        audit.record("reports.press-download", "campaign", c.id(), "items=" + published.size());
        return new Prepared(c.slug(), published);
    }

    /** Streams the web sizes of the items as one ZIP. */
    void write(OutputStream out, List<ReportStore.GalleryItem> items) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ReportStore.GalleryItem item : items) {
                var content = media.open(item.mediaId(), Variant.WEB);
                if (content.isEmpty()) {
                    continue;
                }
                MediaContent file = content.get();
                try (InputStream in = file.stream()) {
                    ZipEntry entry = new ZipEntry("report-" + item.reportId() + "-item-" + item.itemId() + extension(file));
                    zip.putNextEntry(entry);
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
    }

    private static String extension(MediaContent file) {
        int dot = file.name().lastIndexOf('.');
        return dot < 0 ? "" : file.name().substring(dot).replaceAll("[^.a-z0-9]", "");
    }
}
