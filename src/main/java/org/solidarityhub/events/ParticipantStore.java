package org.solidarityhub.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the participants of events with a sign-up ({@code event_participant}). Names and addresses are read
 * only to mail their owners, never shown to organizers, logged or audited.
 */
@Repository
class ParticipantStore {

    enum State { UNCONFIRMED, CONFIRMED }

    /** A participant as the mails need them. */
    record Participant(long id, long eventId, String name, String email, Locale language, State state,
                       @Nullable Instant remindedAt, @Nullable Instant addressSentAt) {
    }

    private final JdbcClient db;

    ParticipantStore(JdbcClient db) {
        this.db = db;
    }

    /**
     * Signs up an address for an event, unless it signed up already (then empty: the same sign-up twice, at once or
     * later, is one row). In PostgreSQL a second insert of the same key waits for the first and then does nothing.
     */
    Optional<Long> insert(long eventId, String name, String email, String emailKey, Locale language, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        int inserted = db.sql("""
                        INSERT INTO event_participant (event_id, name, email, email_key, language, state, created_at)
                        VALUES (:event, :name, :email, :key, :language, 'UNCONFIRMED', :now)
                        ON CONFLICT DO NOTHING""")
                .param("event", eventId).param("name", name).param("email", email).param("key", emailKey)
                .param("language", language.getLanguage()).param("now", Timestamps.toDb(now))
                .update(key, "id");
        Number id = inserted == 1 ? key.getKeyAs(Number.class) : null;
        return id == null ? Optional.empty() : Optional.of(id.longValue());
    }

    /**
     * Renews an unconfirmed sign-up of this address whose confirmation was mailed before {@code before} (its name and
     * language as given now, its time now); empty when there is none (confirmed, or mailed since: two identical
     * sign-ups at once renew nothing).
     */
    Optional<Long> renewUnconfirmed(long eventId, String emailKey, String name, Locale language, Instant before, Instant now) {
        int renewed = db.sql("""
                        UPDATE event_participant SET name = :name, language = :language, created_at = :now
                        WHERE event_id = :event AND email_key = :key AND state = 'UNCONFIRMED' AND created_at < :before""")
                .param("name", name).param("language", language.getLanguage()).param("now", Timestamps.toDb(now))
                .param("event", eventId).param("key", emailKey).param("before", Timestamps.toDb(before)).update();
        if (renewed == 0) {
            return Optional.empty();
        }
        return db.sql("SELECT id FROM event_participant WHERE event_id = :event AND email_key = :key")
                .param("event", eventId).param("key", emailKey).query(Long.class).optional();
    }

    Optional<Participant> find(long id) {
        return db.sql("SELECT * FROM event_participant WHERE id = :id").param("id", id).query(ParticipantStore::map).optional();
    }

    /** Confirms a sign-up; false when it was confirmed already. */
    boolean confirm(long id, Instant now) {
        return db.sql("UPDATE event_participant SET state = 'CONFIRMED', confirmed_at = :now WHERE id = :id AND state = 'UNCONFIRMED'")
                .param("now", Timestamps.toDb(now)).param("id", id).update() == 1;
    }

    boolean delete(long id) {
        return db.sql("DELETE FROM event_participant WHERE id = :id").param("id", id).update() == 1;
    }

    /** The confirmed participants of an event, for a mail to all of them. */
    List<Participant> confirmed(long eventId) {
        return db.sql("SELECT * FROM event_participant WHERE event_id = :event AND state = 'CONFIRMED' ORDER BY id")
                .param("event", eventId).query(ParticipantStore::map).list();
    }

    /**
     * Confirmed participants still waiting for the reminder or the place, of approved sign-up events that start
     * after {@code now} and before {@code until}.
     */
    List<Participant> waiting(Instant now, Instant until) {
        return db.sql("""
                        SELECT p.* FROM event_participant p
                        JOIN event e ON e.id = p.event_id
                        JOIN event_revision r ON r.id = e.published_revision
                        WHERE p.state = 'CONFIRMED' AND (p.reminded_at IS NULL OR p.address_sent_at IS NULL)
                          AND e.status = 'APPROVED' AND e.going_mode = 'SIGN_UP'
                          AND r.starts_at > :now AND r.starts_at <= :until
                        ORDER BY p.id""")
                .param("now", Timestamps.toDb(now)).param("until", Timestamps.toDb(until))
                .query(ParticipantStore::map).list();
    }

    /** Marks the reminder as sent; false when another run did (the mail must then not go again). */
    boolean claimReminder(long id, Instant now) {
        return db.sql("UPDATE event_participant SET reminded_at = :now WHERE id = :id AND reminded_at IS NULL")
                .param("now", Timestamps.toDb(now)).param("id", id).update() == 1;
    }

    /** Marks the place as sent; false when another run did. */
    boolean claimAddress(long id, Instant now) {
        return db.sql("UPDATE event_participant SET address_sent_at = :now WHERE id = :id AND address_sent_at IS NULL")
                .param("now", Timestamps.toDb(now)).param("id", id).update() == 1;
    }

    /** The ids of the participants of events that ended before the cut-off (to erase, with their links). */
    List<Long> ofEventsEndedBefore(Instant cutOff) {
        return db.sql("""
                        SELECT p.id FROM event_participant p
                        WHERE NOT EXISTS (SELECT 1 FROM event_revision r WHERE r.event_id = p.event_id AND r.ends_at >= :cut)""")
                .param("cut", Timestamps.toDb(cutOff)).query(Long.class).list();
    }

    /** The ids of sign-ups never confirmed, made before the cut-off. */
    List<Long> unconfirmedBefore(Instant cutOff) {
        return db.sql("SELECT id FROM event_participant WHERE state = 'UNCONFIRMED' AND created_at < :cut")
                .param("cut", Timestamps.toDb(cutOff)).query(Long.class).list();
    }

    int deleteAll(List<Long> ids) {
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += 1_000) {
            deleted += db.sql("DELETE FROM event_participant WHERE id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1_000))).update();
        }
        return deleted;
    }

    private static Participant map(ResultSet rs, int row) throws SQLException {
        return new Participant(rs.getLong("id"), rs.getLong("event_id"), rs.getString("name"), rs.getString("email"),
                Locale.forLanguageTag(rs.getString("language")), State.valueOf(rs.getString("state")),
                Timestamps.fromDb(rs, "reminded_at"), Timestamps.fromDb(rs, "address_sent_at"));
    }
}
