package org.solidarityhub.events;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.solidarityhub.organizations.Organization;
import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Storage of events, their revisions and places (SQL only; the rules live in {@link Events}). Longer than a
 * class should be, on purpose: every statement of the events' write side is here, so that no service or
 * controller holds SQL; the read side for pages and feeds is {@link EventQueries}.
 */
@Component
class EventStore {

    static final String REVISION_COLUMNS = """
            r.id AS revision_id, r.created_at AS revision_created_at, r.title, r.event_type, r.description, r.languages,
            r.starts_local, r.ends_local, r.time_zone, r.online, r.online_url, r.venue, r.city, r.country, r.visibility,
            r.public_latitude, r.public_longitude, r.organizers, r.accessibility, r.speaker_requested,
            p.latitude AS place_latitude, p.longitude AS place_longitude, p.address AS place_address""";

    private final JdbcClient db;
    private final Clock clock;
    private final Organizations organizations;

    EventStore(JdbcClient db, Clock clock, Organizations organizations) {
        this.db = db;
        this.clock = clock;
        this.organizations = organizations;
    }

    long insertEvent(long campaignId, EventStatus status, String email, Locale language,
                     Instant expiresAt, String demoKey) {
        return insertEvent(campaignId, status, email, language, expiresAt, demoKey, null).orElseThrow();
    }

    /**
     * Stores a new event, unless one with the same submission key exists (a submission sent twice: then empty). In
     * PostgreSQL a second insert of the same key waits for the first transaction and then does nothing.
     */
    Optional<Long> insertEvent(long campaignId, EventStatus status, String email, Locale language,
                               Instant expiresAt, String demoKey, String submissionKey) {
        KeyHolder key = new GeneratedKeyHolder();
        Instant now = clock.instant();
        int inserted = db.sql("""
                        INSERT INTO event (campaign_id, status, contact_email, language, created_at, expires_at,
                                           updated_at, demo_key, submission_key)
                        VALUES (:campaign, :status, :email, :language, :now, :expires, :now, :demo, :submissionKey)
                        ON CONFLICT DO NOTHING""")
                .param("campaign", campaignId).param("status", status.name())
                .param("email", email).param("language", language.getLanguage())
                .param("now", Timestamps.toDb(now)).param("expires", Timestamps.toDb(expiresAt))
                .param("demo", demoKey).param("submissionKey", submissionKey)
                .update(key, "id");
        Number id = inserted == 1 ? key.getKeyAs(Number.class) : null;
        return id == null ? Optional.empty() : Optional.of(id.longValue());
    }

    /** An event of a contact address, as the "my events" mail lists it. */
    record OwnEvent(long id, String title, LocalDateTime startsLocal, ZoneId zone) {
    }

    /**
     * The events whose contact email is this address (compared without case), but for unconfirmed ones that
     * expired and for rejected ones (their links lead nowhere useful), soonest first, at most {@code limit}.
     */
    List<OwnEvent> eventsOfContact(String email, Instant now, int limit) {
        return db.sql("""
                        SELECT e.id, r.title, r.starts_local, r.time_zone
                        FROM event e JOIN event_revision r ON r.id = COALESCE(e.pending_revision, e.published_revision)
                        WHERE LOWER(e.contact_email) = :email AND e.status <> 'REJECTED'
                          AND (e.status <> 'UNCONFIRMED' OR e.expires_at > :now)
                        ORDER BY r.starts_at, e.id
                        LIMIT :limit""")
                .param("email", email.strip().toLowerCase(Locale.ROOT)).param("now", Timestamps.toDb(now)).param("limit", limit)
                .query((rs, n) -> new OwnEvent(rs.getLong("id"), rs.getString("title"),
                        rs.getTimestamp("starts_local").toLocalDateTime(), ZoneId.of(rs.getString("time_zone"))))
                .list();
    }

    /** Another event of a campaign on a given day, as the moderators' duplicate warning compares it. */
    record SameDay(long id, String title, String city, String country, BigDecimal latitude, BigDecimal longitude) {
    }

    /**
     * The other events of a campaign whose latest version starts on the given local date, but for rejected ones and
     * unconfirmed ones (not yet submitted for real), at most {@code limit}.
     */
    List<SameDay> sameDay(long campaignId, long exceptId, java.time.LocalDate day, int limit) {
        return db.sql("""
                        SELECT e.id, r.title, r.city, r.country, p.latitude, p.longitude
                        FROM event e JOIN event_revision r ON r.id = COALESCE(e.pending_revision, e.published_revision)
                        LEFT JOIN event_place p ON p.id = r.place_id
                        WHERE e.campaign_id = :campaign AND e.id <> :except AND e.status IN ('PENDING', 'APPROVED')
                          AND r.starts_local >= :from AND r.starts_local < :to
                        ORDER BY e.id
                        LIMIT :limit""")
                .param("campaign", campaignId).param("except", exceptId)
                .param("from", day.atStartOfDay()).param("to", day.plusDays(1).atStartOfDay()).param("limit", limit)
                .query((rs, n) -> new SameDay(rs.getLong("id"), rs.getString("title"), rs.getString("city"),
                        rs.getString("country"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude")))
                .list();
    }

    /** The event stored under a submission key (the first of identical submissions). */
    Optional<Long> idBySubmissionKey(String submissionKey) {
        return db.sql("SELECT id FROM event WHERE submission_key = :key").param("key", submissionKey).query(Long.class).optional();
    }

    /** Stores a version of an event's content, with its place and organizations (found or created). */
    long insertRevision(long eventId, Draft d) {
        Long placeId = d.online() || d.latitude() == null ? null : place(d);
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO event_revision (event_id, created_at, title, event_type, description, languages,
                            starts_local, ends_local, time_zone, starts_at, ends_at, online, online_url, place_id, venue,
                            city, country, visibility, public_latitude, public_longitude, organizers, accessibility,
                            speaker_requested)
                        VALUES (:event, :now, :title, :type, :description, :languages, :startsLocal, :endsLocal, :zone,
                            :startsAt, :endsAt, :online, :onlineUrl, :place, :venue, :city, :country, :visibility,
                            :publicLatitude, :publicLongitude, :organizers, :accessibility, :speaker)""")
                .param("event", eventId).param("now", Timestamps.toDb(clock.instant()))
                .param("title", d.title()).param("type", d.type().name()).param("description", d.description())
                .param("languages", String.join(",", d.languages()))
                .param("startsLocal", d.startsLocal()).param("endsLocal", d.endsLocal()).param("zone", d.zone().getId())
                .param("startsAt", Timestamps.toDb(d.startsAt())).param("endsAt", Timestamps.toDb(d.endsAt()))
                .param("online", d.online()).param("onlineUrl", d.onlineUrl()).param("place", placeId)
                .param("venue", d.venue()).param("city", d.city()).param("country", d.country())
                .param("visibility", d.visibility().name())
                .param("publicLatitude", d.publicLatitude()).param("publicLongitude", d.publicLongitude())
                .param("organizers", d.organizers()).param("accessibility", d.accessibility())
                .param("speaker", d.speakerRequested())
                .update(key, "id");
        long revisionId = key.getKeyAs(Number.class).longValue();
        int position = 0;
        for (SubmitEvent.OrganizationRef ref : d.organizations()) {
            Organization organization = organizations.findOrCreate(ref.name(), ref.country(), null);
            db.sql("INSERT INTO event_organization (revision_id, position, organization_id) VALUES (:revision, :position, :organization)")
                    .param("revision", revisionId).param("position", position++).param("organization", organization.id())
                    .update();
        }
        return revisionId;
    }

    /** The place at these coordinates and address, created if new; never matched by name. */
    private long place(Draft d) {
        String address = d.address() == null ? "" : d.address();
        String addressKey = Gazetteer.fold(address);
        db.sql("""
                        INSERT INTO event_place (latitude, longitude, address, address_key, city, country, created_at)
                        VALUES (:lat, :lon, :address, :key, :city, :country, :now)
                        ON CONFLICT DO NOTHING""")
                .param("lat", d.latitude()).param("lon", d.longitude()).param("address", address).param("key", addressKey)
                .param("city", d.city()).param("country", d.country()).param("now", Timestamps.toDb(clock.instant()))
                .update();
        return db.sql("SELECT id FROM event_place WHERE latitude = :lat AND longitude = :lon AND address_key = :key")
                .param("lat", d.latitude()).param("lon", d.longitude()).param("key", addressKey)
                .query(Long.class).single();
    }

    void deleteRevision(Long revisionId) {
        if (revisionId != null) {
            db.sql("DELETE FROM event_revision WHERE id = :id").param("id", revisionId).update();
        }
    }

    Optional<StoredEvent> find(long id) {
        return db.sql("SELECT * FROM event WHERE id = :id").param("id", id).query(this::event).optional();
    }

    Optional<Long> idByDemoKey(String demoKey) {
        return db.sql("SELECT id FROM event WHERE demo_key = :key").param("key", demoKey).query(Long.class).optional();
    }

    /** Events waiting for a moderator: new ones and changes to published ones, oldest first. */
    List<StoredEvent> queue() {
        return db.sql("""
                        SELECT * FROM event
                        WHERE status = 'PENDING' OR (status = 'APPROVED' AND pending_revision IS NOT NULL)
                        ORDER BY updated_at, id""")
                .query(this::event).list();
    }

    /** How many events wait for a moderator. */
    long queueSize() {
        return db.sql("SELECT COUNT(*) FROM event WHERE status = 'PENDING' OR (status = 'APPROVED' AND pending_revision IS NOT NULL)")
                .query(Long.class).single();
    }

    /** Events whose latest version asks for a speaker from the network (not rejected, cancelled or unconfirmed). */
    List<StoredEvent> speakerRequests() {
        return db.sql("""
                        SELECT e.* FROM event e
                        JOIN event_revision r ON r.id = COALESCE(e.pending_revision, e.published_revision)
                        WHERE e.status IN ('PENDING', 'APPROVED') AND r.speaker_requested = TRUE
                        ORDER BY r.starts_at, e.id""")
                .query(this::event).list();
    }

    List<Long> expiredUnconfirmed(Instant now) {
        return db.sql("SELECT id FROM event WHERE status = 'UNCONFIRMED' AND expires_at <= :now")
                .param("now", Timestamps.toDb(now)).query(Long.class).list();
    }

    /** Deletes an event with all its revisions (its places stay: they may be shared). */
    void delete(long id) {
        db.sql("UPDATE event SET published_revision = NULL, pending_revision = NULL WHERE id = :id").param("id", id).update();
        db.sql("DELETE FROM event_revision WHERE event_id = :id").param("id", id).update();
        db.sql("DELETE FROM event WHERE id = :id").param("id", id).update();
    }

    /** Erases the contact email of events whose every version ended before the cut-off. */
    int eraseContacts(Instant endedBefore) {
        return db.sql("""
                        UPDATE event SET contact_email = NULL, submission_key = NULL
                        WHERE contact_email IS NOT NULL AND status <> 'UNCONFIRMED'
                          AND NOT EXISTS (SELECT 1 FROM event_revision r WHERE r.event_id = event.id AND r.ends_at >= :cut)""")
                .param("cut", Timestamps.toDb(endedBefore)).update();
    }

    /** The version a new submission waits with. */
    void setPending(long id, long revisionId) {
        db.sql("UPDATE event SET pending_revision = :revision WHERE id = :id").param("revision", revisionId).param("id", id)
                .update();
    }

    /** Demo content: published at once, as if confirmed and approved. */
    void publishDemo(long id, long revisionId, Instant now) {
        db.sql("UPDATE event SET published_revision = :revision, published_at = :now, confirmed_at = :now WHERE id = :id")
                .param("revision", revisionId).param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    /** The submitter confirmed: the event enters the moderation queue and no longer expires. */
    void confirm(long id, Instant now) {
        db.sql("""
                        UPDATE event SET status = 'PENDING', confirmed_at = :now, expires_at = NULL, updated_at = :now
                        WHERE id = :id AND status = 'UNCONFIRMED'""")
                .param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    /** A new waiting version replaces the one that waited (if any). */
    void replacePending(long id, long revisionId, Instant now) {
        db.sql("UPDATE event SET pending_revision = :revision, updated_at = :now WHERE id = :id")
                .param("revision", revisionId).param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    /** A new version is public at once; nothing waits any more. */
    void publishAtOnce(long id, long revisionId, Instant now) {
        db.sql("UPDATE event SET published_revision = :revision, pending_revision = NULL, updated_at = :now WHERE id = :id")
                .param("revision", revisionId).param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    /** The waiting version is dropped (the published one stays). */
    void dropPending(long id, Instant now) {
        db.sql("UPDATE event SET pending_revision = NULL, updated_at = :now WHERE id = :id")
                .param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    void cancel(long id, Instant now) {
        db.sql("UPDATE event SET status = 'CANCELLED', updated_at = :now WHERE id = :id")
                .param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    /** A moderator approved the waiting version: it is public now. */
    void approve(long id, long revisionId, Instant now) {
        db.sql("""
                        UPDATE event SET status = 'APPROVED', published_revision = :revision, pending_revision = NULL,
                            published_at = COALESCE(published_at, :now), updated_at = :now, reject_reason = NULL
                        WHERE id = :id""")
                .param("revision", revisionId).param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    /** A moderator rejected a new event, with the reason mailed to its submitter. */
    void reject(long id, String reason, Instant now) {
        db.sql("UPDATE event SET status = 'REJECTED', reject_reason = :reason, updated_at = :now WHERE id = :id")
                .param("id", id).param("reason", reason).param("now", Timestamps.toDb(now)).update();
    }

    private StoredEvent event(ResultSet rs, int n) throws SQLException {
        long published = rs.getLong("published_revision");
        Long publishedId = rs.wasNull() ? null : published;
        long pending = rs.getLong("pending_revision");
        Long pendingId = rs.wasNull() ? null : pending;
        return new StoredEvent(rs.getLong("id"), rs.getLong("campaign_id"), EventStatus.valueOf(rs.getString("status")),
                rs.getString("contact_email"), Locale.forLanguageTag(rs.getString("language")),
                revision(publishedId), revision(pendingId),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "expires_at"),
                Timestamps.fromDb(rs, "confirmed_at"), Timestamps.fromDb(rs, "published_at"), rs.getString("reject_reason"));
    }

    private StoredEvent.Revision revision(Long id) {
        if (id == null) {
            return null;
        }
        Draft draft = db.sql("SELECT " + REVISION_COLUMNS + " FROM event_revision r LEFT JOIN event_place p ON p.id = r.place_id WHERE r.id = :id")
                .param("id", id).query((rs, n) -> draft(rs, organizationRefs(id))).single();
        Instant created = db.sql("SELECT created_at FROM event_revision WHERE id = :id").param("id", id)
                .query((rs, n) -> Timestamps.fromDb(rs, "created_at")).single();
        return new StoredEvent.Revision(id, draft, organizationsOf(id), created);
    }

    List<Organization> organizationsOf(long revisionId) {
        return db.sql("SELECT organization_id FROM event_organization WHERE revision_id = :id ORDER BY position")
                .param("id", revisionId).query(Long.class).list().stream()
                .map(organizations::find).flatMap(Optional::stream).toList();
    }

    /** Organizations of many revisions at once (for lists), each looked up once. */
    Map<Long, List<Organization>> organizationsOf(List<Long> revisionIds) {
        Map<Long, List<Organization>> result = new HashMap<>();
        if (revisionIds.isEmpty()) {
            return result;
        }
        Map<Long, Optional<Organization>> cache = new HashMap<>();
        List<long[]> pairs = db.sql("SELECT revision_id, organization_id FROM event_organization WHERE revision_id IN (:ids) ORDER BY revision_id, position")
                .param("ids", revisionIds)
                .query((rs, n) -> new long[]{rs.getLong("revision_id"), rs.getLong("organization_id")}).list();
        for (long[] pair : pairs) {
            cache.computeIfAbsent(pair[1], organizations::find).ifPresent(o ->
                    result.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(o));
        }
        return result;
    }

    private List<SubmitEvent.OrganizationRef> organizationRefs(long revisionId) {
        return organizationsOf(revisionId).stream().map(o -> new SubmitEvent.OrganizationRef(o.name(), o.country())).toList();
    }

    /** The draft of a revision row selected with {@link #REVISION_COLUMNS}. */
    static Draft draft(ResultSet rs, List<SubmitEvent.OrganizationRef> organizations) throws SQLException {
        String languages = rs.getString("languages");
        return new Draft(rs.getString("title"), EventType.valueOf(rs.getString("event_type")), rs.getString("description"),
                languages.isEmpty() ? List.of() : Arrays.asList(languages.split(",")),
                rs.getObject("starts_local", LocalDateTime.class), rs.getObject("ends_local", LocalDateTime.class),
                ZoneId.of(rs.getString("time_zone")), rs.getBoolean("online"), rs.getString("online_url"),
                rs.getString("venue"), emptyToNull(rs.getString("place_address")), rs.getString("city"), trim(rs.getString("country")),
                rs.getBigDecimal("place_latitude"), rs.getBigDecimal("place_longitude"),
                Visibility.valueOf(rs.getString("visibility")),
                rs.getBigDecimal("public_latitude"), rs.getBigDecimal("public_longitude"),
                rs.getString("organizers"), organizations, rs.getString("accessibility"), rs.getBoolean("speaker_requested"));
    }

    static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** One organizer of an event of a campaign, for the updates to supporters: the event's id, address and language. */
    record Organizer(long eventId, String email, String language) {
    }

    /**
     * The organizers of a campaign's confirmed events (waiting for a moderator or published) whose address is still
     * kept, after the event {@code afterId}, at most {@code limit}, by event id.
     */
    List<Organizer> organizers(long campaignId, long afterId, int limit) {
        return db.sql("""
                        SELECT id, contact_email, language FROM event
                        WHERE campaign_id = :campaign AND id > :after AND status IN ('PENDING', 'APPROVED')
                          AND contact_email IS NOT NULL
                        ORDER BY id LIMIT :limit""")
                .param("campaign", campaignId).param("after", afterId).param("limit", limit)
                .query((rs, n) -> new Organizer(rs.getLong("id"), rs.getString("contact_email"), rs.getString("language")))
                .list();
    }
}
