package org.solidarityhub.reports;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.Region;
import org.solidarityhub.media.RegionText;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a moderator does with a report: approve or hide each photo and video (an approved item's processed files
 * become public and its private master is deleted, so blurring comes first), blur faces (found by the detector, or
 * regions drawn by hand), publish or hide the report. Every action is audited.
 */
@Service
class ReportModeration {

    private final ReportStore store;
    private final Media media;
    private final AuditLog audit;
    private final SubmissionLifecycle lifecycle;
    private final ContentVersions versions;
    private final Clock clock;

    ReportModeration(ReportStore store, Media media, AuditLog audit, SubmissionLifecycle lifecycle, ContentVersions versions,
                     Clock clock) {
        this.versions = versions;
        this.store = store;
        this.media = media;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    StoredReport report(long id) {
        return store.find(id).filter(r -> r.state() != ReportState.UNCONFIRMED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional
    void approveItem(long reportId, long itemId) {
        StoredReport.Item item = item(reportId, itemId);
        MediaItem processed = media.find(item.mediaId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
        if (!processed.ready()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        media.publish(item.mediaId());
        store.decide(reportId, itemId, ItemModeration.APPROVED, clock.instant());
        audit.record("reports.item-approved", "report", reportId, "item=" + itemId + " regions=" + processed.regions().size());
        shown(reportId);
    }

    @Transactional
    void hideItem(long reportId, long itemId) {
        StoredReport.Item item = item(reportId, itemId);
        media.find(item.mediaId()).filter(MediaItem::published).ifPresent(m -> media.unpublish(m.id()));
        store.decide(reportId, itemId, ItemModeration.HIDDEN, clock.instant());
        audit.record("reports.item-hidden", "report", reportId, "item=" + itemId);
        shown(reportId);
    }

    /** Blurs the faces the detector finds in an item (nothing when it finds none); returns how many regions. */
    @Transactional
    int blurFaces(long reportId, long itemId) {
        StoredReport.Item item = item(reportId, itemId);
        blurrable(item);
        List<Region> faces = media.detectFaces(item.mediaId());
        media.blur(item.mediaId(), faces);
        audit.record("reports.item-blurred", "report", reportId, "item=" + itemId + " faces found=" + faces.size());
        shown(reportId);
        return faces.size();
    }

    /**
     * Blurs exactly the regions typed for an item ({@link RegionText}: pixels or percent, one per line; blank removes
     * the blurring); a region that is not four numbers or reaches past the picture is refused with nothing changed.
     */
    @Transactional
    void blurRegions(long reportId, long itemId, @Nullable String typed) {
        StoredReport.Item item = item(reportId, itemId);
        MediaItem processed = blurrable(item);
        List<Region> regions = RegionText.parse(typed, processed.width(), processed.height());
        media.blur(item.mediaId(), regions);
        audit.record("reports.item-regions", "report", reportId, "item=" + itemId + " regions=" + regions.size());
        shown(reportId);
    }

    @Transactional
    void publish(long reportId) {
        StoredReport report = report(reportId);
        boolean first = report.publishedAt() == null;
        store.publish(reportId, clock.instant());
        if (first) {
            lifecycle.approved("report", reportId);
        }
        audit.record("reports.published", "report", reportId, "approved items=" + report.approvedItems().size());
        shown(reportId);
    }

    @Transactional
    void hide(long reportId) {
        report(reportId);
        store.hide(reportId);
        audit.record("reports.hidden", "report", reportId, null);
        shown(reportId);
    }

    /** The public pages of the report's campaign show something else now. */
    private void shown(long reportId) {
        store.find(reportId).ifPresent(report -> versions.changed(ReportsPages.versionName(report.campaignId())));
    }

    private MediaItem blurrable(StoredReport.Item item) {
        MediaItem processed = media.find(item.mediaId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
        if (!media.canBlur(processed)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return processed;
    }

    private StoredReport.Item item(long reportId, long itemId) {
        return report(reportId).items().stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
