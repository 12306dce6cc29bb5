package org.solidarityhub.events;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Storage of which media items are an event's pictures and posters (SQL only; the rules are in {@link EventImages}). */
@Component
class EventImageStore {

    private final JdbcClient db;

    EventImageStore(JdbcClient db) {
        this.db = db;
    }

    void add(long eventId, long mediaId, Instant now) {
        db.sql("INSERT INTO event_image (event_id, media_id, added_at) VALUES (:event, :media, :now)")
                .param("event", eventId).param("media", mediaId).param("now", Timestamps.toDb(now)).update();
    }

    void remove(long eventId, long mediaId) {
        db.sql("DELETE FROM event_image WHERE event_id = :event AND media_id = :media")
                .param("event", eventId).param("media", mediaId).update();
    }

    /** The media ids of an event's images, in the order they were added. */
    List<Long> of(long eventId) {
        return db.sql("SELECT media_id FROM event_image WHERE event_id = :event ORDER BY added_at, media_id")
                .param("event", eventId).query(Long.class).list();
    }

    /** The media ids of the images of many events, each event's in the order they were added. */
    Map<Long, List<Long>> of(List<Long> eventIds) {
        Map<Long, List<Long>> result = new HashMap<>();
        if (eventIds.isEmpty()) {
            return result;
        }
        db.sql("SELECT event_id, media_id FROM event_image WHERE event_id IN (:ids) ORDER BY added_at, media_id")
                .param("ids", eventIds)
                .query((rs, n) -> new long[]{rs.getLong("event_id"), rs.getLong("media_id")}).list()
                .forEach(pair -> result.computeIfAbsent(pair[0], k -> new java.util.ArrayList<>()).add(pair[1]));
        return result;
    }

    /** The event whose image this media item is, or -1. */
    long eventOf(long mediaId) {
        return db.sql("SELECT event_id FROM event_image WHERE media_id = :media").param("media", mediaId)
                .query(Long.class).optional().orElse(-1L);
    }

    /** Images whose event no longer exists (deleted, never confirmed): {event id, media id} pairs. */
    List<long[]> orphans() {
        return db.sql("SELECT i.event_id, i.media_id FROM event_image i WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.id = i.event_id)")
                .query((rs, n) -> new long[]{rs.getLong("event_id"), rs.getLong("media_id")}).list();
    }

    /** Marks the event changed, so that the cached pages of its campaign show its images as they are now. */
    void touch(long eventId, Instant now) {
        db.sql("UPDATE event SET updated_at = :now WHERE id = :id").param("id", eventId).param("now", Timestamps.toDb(now)).update();
    }
}
