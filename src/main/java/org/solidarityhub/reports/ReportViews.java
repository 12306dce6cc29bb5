package org.solidarityhub.reports;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.Variant;
import org.springframework.stereotype.Component;

/**
 * A report with what the media module knows of each item, for the pages: the sender's (each item's state and why it
 * was refused), the moderator's (previews) and the public's (approved, published files only).
 */
@Component
class ReportViews {

    /** An item with its processed state and files. media is null when the media module no longer has it. */
    record ItemView(StoredReport.Item item, @Nullable MediaItem media) {

        /** processing, ready, failed or refused: the message key of its state for the sender. */
        public String stateKey() {
            return media == null ? "reports.item.gone" : "reports.item." + media.state().name();
        }

        public @Nullable String problemKey() {
            return media == null ? null : media.problemKey();
        }

        public boolean video() {
            return "VIDEO".equals(item.kind());
        }

        public boolean ready() {
            return media != null && media.ready();
        }

        /** The public address of a variant, when the item is published and has it. */
        public @Nullable String url(String variant) {
            return media == null || !media.published() ? null : media.url(Variant.valueOf(variant)).orElse(null);
        }

        /** The staff's preview of a variant, when the item is ready. */
        public @Nullable String preview(String variant) {
            return ready() && media.name(Variant.valueOf(variant)).isPresent() ? media.previewUrl(Variant.valueOf(variant)) : null;
        }
    }

    /** A report and its items. */
    record ReportView(StoredReport report, List<ItemView> items) {

        /** The approved items that are published: what the public sees. */
        public List<ItemView> publicItems() {
            return items.stream().filter(i -> i.item().approved() && i.media() != null && i.media().published()).toList();
        }
    }

    /** One approved, published item of the gallery (or the press download) with its files. */
    record Tile(ReportStore.GalleryItem item, MediaItem media) {

        public boolean video() {
            return "VIDEO".equals(item.kind());
        }

        public @Nullable String thumbnail() {
            return media.url(Variant.THUMBNAIL).orElse(null);
        }

        public @Nullable String web() {
            return media.url(Variant.WEB).orElse(null);
        }
    }

    private final Media media;

    ReportViews(Media media) {
        this.media = media;
    }

    ReportView view(StoredReport report) {
        return views(List.of(report)).getFirst();
    }

    /** The media module's items with these ids, by id (those it still has). */
    Map<Long, MediaItem> media(List<Long> ids) {
        return ids.isEmpty() ? Map.of()
                : media.findAll(ids).stream().collect(Collectors.toMap(MediaItem::id, Function.identity()));
    }

    /** Of these gallery items, the published ones with their media items. */
    List<Tile> tiles(List<ReportStore.GalleryItem> items) {
        Map<Long, MediaItem> found = media(items.stream().map(ReportStore.GalleryItem::mediaId).toList());
        return items.stream().filter(i -> found.containsKey(i.mediaId()) && found.get(i.mediaId()).published())
                .map(i -> new Tile(i, found.get(i.mediaId()))).toList();
    }

    List<ReportView> views(List<StoredReport> reports) {
        Map<Long, MediaItem> found = media(reports.stream().flatMap(r -> r.items().stream()).map(StoredReport.Item::mediaId).toList());
        return reports.stream().map(r -> new ReportView(r, r.items().stream()
                .map(i -> new ItemView(i, found.get(i.mediaId()))).toList())).toList();
    }
}
