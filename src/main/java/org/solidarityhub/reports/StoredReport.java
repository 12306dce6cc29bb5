package org.solidarityhub.reports;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report as its sender and the moderators see it, with its links and every item (approved or not). The
 * sender's IP address is never part of it.
 */
record StoredReport(long id, long campaignId, @Nullable Long eventId, String language, String body,
                    @Nullable Integer attendance, @Nullable String country, @Nullable String eventType, ReportState state,
                    Instant createdAt, @Nullable Instant confirmedAt, @Nullable Instant publishedAt,
                    List<Link> links, List<Item> items) {

    /** A link as sent, with its host (shown beside it). */
    record Link(String url, String host) {
    }

    /** A photo or video: the media module's item, its kind, the moderator's decision, the sender's blur request. */
    record Item(long id, long mediaId, String kind, ItemModeration moderation, boolean blurRequested) {

        public boolean approved() {
            return moderation == ItemModeration.APPROVED;
        }
    }

    /** The approved items only: what the public sees. */
    List<Item> approvedItems() {
        return items.stream().filter(Item::approved).toList();
    }

    StoredReport withItems(List<Item> list) {
        return new StoredReport(id, campaignId, eventId, language, body, attendance, country, eventType, state, createdAt,
                confirmedAt, publishedAt, links, list);
    }
}
