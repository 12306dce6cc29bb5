package org.solidarityhub.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Storage of which events were entered together as one series (SQL only; the rules are in {@link EventSeries}). */
@Component
class EventSeriesStore {

    private final JdbcClient db;

    EventSeriesStore(JdbcClient db) {
        this.db = db;
    }

    void add(long eventId, long seriesId) {
        db.sql("INSERT INTO event_series (event_id, series_id) VALUES (:event, :series)")
                .param("event", eventId).param("series", seriesId).update();
    }

    /** The other events of an event's series, in any state, by id. */
    List<Long> siblings(long eventId) {
        return db.sql("""
                        SELECT o.event_id FROM event_series s JOIN event_series o ON o.series_id = s.series_id
                        WHERE s.event_id = :id AND o.event_id <> :id ORDER BY o.event_id""")
                .param("id", eventId).query(Long.class).list();
    }

    /** The published siblings (approved or cancelled, as the public sees them) of each of these events, by id. */
    Map<Long, List<Long>> publishedSiblings(List<Long> eventIds) {
        Map<Long, List<Long>> result = new HashMap<>();
        if (eventIds.isEmpty()) {
            return result;
        }
        db.sql("""
                        SELECT s.event_id, o.event_id AS sibling FROM event_series s
                        JOIN event_series o ON o.series_id = s.series_id AND o.event_id <> s.event_id
                        JOIN event e ON e.id = o.event_id
                        WHERE s.event_id IN (:ids) AND e.published_revision IS NOT NULL AND e.status IN ('APPROVED', 'CANCELLED')
                        ORDER BY s.event_id, o.event_id""")
                .param("ids", eventIds)
                .query((rs, n) -> new long[]{rs.getLong("event_id"), rs.getLong("sibling")}).list()
                .forEach(pair -> result.computeIfAbsent(pair[0], k -> new java.util.ArrayList<>()).add(pair[1]));
        return result;
    }
}
