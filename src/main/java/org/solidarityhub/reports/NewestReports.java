package org.solidarityhub.reports;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.PageVersion;
import org.springframework.stereotype.Component;

/**
 * What other features (the front page) may show of a campaign's reports: the newest approved photos and videos of
 * published reports, as the gallery shows them, and the version that changes with every moderator's decision.
 */
@Component
public class NewestReports {

    /**
     * A photo or video of a published report: its thumbnail, its larger image (null for a video), the event it is
     * from (null for a report sent for the campaign), its country (may be null).
     */
    public record Item(String thumbnailUrl, @Nullable String webUrl, boolean video, @Nullable Long eventId,
                       @Nullable String country) {
    }

    private final ReportStore store;
    private final ReportViews views;
    private final ContentVersions versions;

    NewestReports(ReportStore store, ReportViews views, ContentVersions versions) {
        this.store = store;
        this.views = views;
        this.versions = versions;
    }

    /** Up to {@code limit} of the campaign's newest approved items that have a thumbnail, newest first. */
    public List<Item> newest(long campaignId, int limit) {
        List<ReportStore.GalleryItem> items = store.gallery(campaignId, new ReportStore.GalleryFilter(null, null, null), 0, limit);
        return views.tiles(items).stream().filter(t -> t.thumbnail() != null)
                .map(t -> new Item(t.thumbnail(), t.web(), t.video(), t.item().eventId(), t.item().country()))
                .toList();
    }

    /** The version of what {@link #newest} shows for a campaign. */
    public PageVersion version(long campaignId) {
        return ReportsPages.of(versions, campaignId);
    }
}
