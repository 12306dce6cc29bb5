package org.solidarityhub.events;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of "I'm going": each event's mode, count and (for hidden addresses) how long before the start the place is mailed. */
@Repository
class GoingStore {

    /** An event's choice and how many said they are going. */
    record State(GoingMode mode, int count, int addressHours) {
    }

    private final JdbcClient db;

    GoingStore(JdbcClient db) {
        this.db = db;
    }

    Optional<State> state(long eventId) {
        return db.sql("SELECT going_mode, going_count, going_address_hours FROM event WHERE id = :id")
                .param("id", eventId)
                .query((rs, n) -> new State(GoingMode.valueOf(rs.getString("going_mode")), rs.getInt("going_count"),
                        rs.getInt("going_address_hours")))
                .optional();
    }

    void setChoice(long eventId, GoingChoice choice, Instant now) {
        db.sql("UPDATE event SET going_mode = :mode, going_address_hours = :hours, going_changed_at = :now WHERE id = :id")
                .param("mode", choice.mode().name()).param("hours", choice.addressHours())
                .param("now", Timestamps.toDb(now)).param("id", eventId).update();
    }

    /** Adds one to the count (in the database, so that instances never lose a click). */
    void increment(long eventId, Instant now) {
        db.sql("UPDATE event SET going_count = going_count + 1, going_changed_at = :now WHERE id = :id")
                .param("now", Timestamps.toDb(now)).param("id", eventId).update();
    }

    /** Takes one from the count (a participant left), never below zero. */
    void decrement(long eventId, Instant now) {
        db.sql("UPDATE event SET going_count = going_count - 1, going_changed_at = :now WHERE id = :id AND going_count > 0")
                .param("now", Timestamps.toDb(now)).param("id", eventId).update();
    }

    /** The counts of those of the given events whose organizers enabled "going". */
    Map<Long, Integer> counts(List<Long> eventIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!eventIds.isEmpty()) {
            db.sql("SELECT id, going_count FROM event WHERE id IN (:ids) AND going_mode <> 'NONE'").param("ids", eventIds)
                    .query((rs, n) -> counts.put(rs.getLong("id"), rs.getInt("going_count"))).list();
        }
        return counts;
    }

    /** The latest change of a count or mode in a campaign (an index-only scan), for the versions of its pages. */
    Optional<Instant> latestChange(long campaignId) {
        return db.sql("SELECT MAX(going_changed_at) AS latest FROM event WHERE campaign_id = :campaign")
                .param("campaign", campaignId)
                .query((rs, n) -> Optional.ofNullable(Timestamps.fromDb(rs, "latest"))).single();
    }
}
