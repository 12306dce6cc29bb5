package org.solidarityhub.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.solidarityhub.organizations.Organization;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The public side's questions: approved events by filter, counts, one event, the newest. */
@Component
class EventQueries {

    /**
     * Filters of the list, the map and the API; null means "any". {@code date} keeps events that run on
     * that local day; {@code fromDate/toDate} events that start on those local days; {@code from/to}
     * events that overlap those instants.
     */
    record Filter(String country, String city, EventType type, LocalDate date, Boolean online, String q,
                  LocalDate fromDate, LocalDate toDate, Instant from, Instant to, Near near) {

        static final Filter NONE = new Filter(null, null, null, null, null, null, null, null, null, null);

        Filter(String country, String city, EventType type, LocalDate date, Boolean online, String q,
               LocalDate fromDate, LocalDate toDate, Instant from, Instant to) {
            this(country, city, type, date, online, q, fromDate, toDate, from, to, null);
        }

        Filter withCountry(String code) {
            return new Filter(code, city, type, date, online, q, fromDate, toDate, from, to, near);
        }

        Filter withNear(Near around) {
            return new Filter(country, city, type, date, online, q, fromDate, toDate, from, to, around);
        }
    }

    /**
     * Events in person whose public pin (the city's centre when the address is hidden, so a distance never tells more
     * than the page) lies within {@code radiusKm} of a point; {@code place} is how the reader named it.
     */
    record Near(String place, double latitude, double longitude, int radiusKm) {

        boolean contains(PublicEvent e) {
            return !e.online() && e.hasPin() && distanceTo(e) <= radiusKm;
        }

        double distanceTo(PublicEvent e) {
            return Gazetteer.distanceKm(latitude, longitude, e.latitude().doubleValue(), e.longitude().doubleValue());
        }
    }

    /** How a list is sorted. */
    enum Order { BY_PLACE, BY_TIME, NEWEST_FIRST }

    record Counts(long events, long countries) {
    }

    /** A page of events; with a {@link Near} filter, nearest first, and {@code distances} (km) by event id. */
    record Page(List<PublicEvent> events, long total, Map<Long, Double> distances) {

        Page(List<PublicEvent> events, long total) {
            this(events, total, Map.of());
        }
    }

    /** The most events a search near a place weighs (the candidates within its bounding box). */
    static final int NEAR_CANDIDATES = 10_000;

    private static final String SELECT = "SELECT e.id, e.campaign_id, e.status, e.language, e.published_at, e.updated_at, "
            + EventStore.REVISION_COLUMNS
            + " FROM event e JOIN event_revision r ON r.id = e.published_revision LEFT JOIN event_place p ON p.id = r.place_id";

    private final JdbcClient db;
    private final EventStore store;

    EventQueries(JdbcClient db, EventStore store) {
        this.db = db;
        this.store = store;
    }

    Page find(long campaignId, Filter filter, Order order, int limit, int offset, boolean withOrganizations) {
        Map<String, Object> params = new HashMap<>();
        String where = where(campaignId, filter, params, false);
        if (filter.near() != null) {
            return nearest(filter.near(), where, params, limit, offset, withOrganizations);
        }
        long total = db.sql("SELECT COUNT(*) FROM event e JOIN event_revision r ON r.id = e.published_revision" + where)
                .params(params).query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<PublicEvent> events = db.sql(SELECT + where + orderBy(order) + " LIMIT :limit OFFSET :offset")
                .params(params).query(EventQueries::map).list();
        return new Page(withOrganizations ? addOrganizations(events) : events, total);
    }

    /** Events for a calendar feed: also cancelled ones that were public, so subscribed calendars drop them. */
    List<PublicEvent> forFeed(long campaignId, Filter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(campaignId, filter, params, true);
        params.put("limit", limit);
        List<PublicEvent> events = db.sql(SELECT + where + orderBy(Order.BY_TIME) + " LIMIT :limit").params(params)
                .query(EventQueries::map).list();
        return filter.near() == null ? events : events.stream().filter(filter.near()::contains).toList();
    }

    /** The events of the box around the place that lie within its radius, nearest first (then by time). */
    private Page nearest(Near near, String where, Map<String, Object> params, int limit, int offset, boolean withOrganizations) {
        params.put("limit", NEAR_CANDIDATES);
        List<PublicEvent> candidates = db.sql(SELECT + where + orderBy(Order.BY_TIME) + " LIMIT :limit").params(params)
                .query(EventQueries::map).list();
        Map<Long, Double> distances = new HashMap<>();
        List<PublicEvent> within = new java.util.ArrayList<>();
        for (PublicEvent e : candidates) {
            if (near.contains(e)) {
                distances.put(e.id(), near.distanceTo(e));
                within.add(e);
            }
        }
        within.sort(java.util.Comparator.comparingDouble(e -> distances.get(e.id()))); // stable: equal distances by time
        List<PublicEvent> page = within.subList(Math.min(offset, within.size()), Math.min(offset + limit, within.size()));
        return new Page(withOrganizations ? addOrganizations(page) : page, within.size(), distances);
    }

    Optional<PublicEvent> byId(long id) {
        return db.sql(SELECT + " WHERE e.id = :id AND e.status IN ('APPROVED', 'CANCELLED')")
                .param("id", id).query(EventQueries::map).optional()
                .map(e -> e.withOrganizations(store.organizationsOf(e.revisionId())));
    }

    Counts counts(long campaignId) {
        return db.sql("""
                        SELECT COUNT(*) AS events, COUNT(DISTINCT r.country) AS countries
                        FROM event e JOIN event_revision r ON r.id = e.published_revision
                        WHERE e.campaign_id = :campaign AND e.status = 'APPROVED'""")
                .param("campaign", campaignId)
                .query((rs, n) -> new Counts(rs.getLong("events"), rs.getLong("countries"))).single();
    }

    /** The cities with approved events (in a country, if given), for the city filter. */
    List<String> cities(long campaignId, String country) {
        return db.sql("""
                        SELECT DISTINCT r.city FROM event e JOIN event_revision r ON r.id = e.published_revision
                        WHERE e.campaign_id = :campaign AND e.status = 'APPROVED' AND r.city IS NOT NULL
                          AND (:anyCountry = TRUE OR r.country = :country)
                        ORDER BY r.city""")
                .param("campaign", campaignId).param("anyCountry", country == null).param("country", country == null ? "" : country)
                .query(String.class).list();
    }

    /** The countries with approved events. */
    List<String> countries(long campaignId) {
        return db.sql("""
                        SELECT DISTINCT r.country FROM event e JOIN event_revision r ON r.id = e.published_revision
                        WHERE e.campaign_id = :campaign AND e.status = 'APPROVED' AND r.country IS NOT NULL""")
                .param("campaign", campaignId).query(String.class).list().stream().map(String::strip).toList();
    }

    private List<PublicEvent> addOrganizations(List<PublicEvent> events) {
        Map<Long, List<Organization>> organizations = store.organizationsOf(events.stream().map(PublicEvent::revisionId).toList());
        return events.stream().map(e -> e.withOrganizations(organizations.getOrDefault(e.revisionId(), List.of()))).toList();
    }

    private static String where(long campaignId, Filter f, Map<String, Object> params, boolean withCancelled) {
        StringBuilder sql = new StringBuilder(" WHERE e.campaign_id = :campaign AND e.status ")
                .append(withCancelled ? "IN ('APPROVED', 'CANCELLED')" : "= 'APPROVED'");
        params.put("campaign", campaignId);
        if (f.country() != null) {
            sql.append(" AND r.country = :country");
            params.put("country", f.country());
        }
        if (f.city() != null) {
            sql.append(" AND LOWER(r.city) = :city");
            params.put("city", f.city().strip().toLowerCase(Locale.ROOT));
        }
        if (f.type() != null) {
            sql.append(" AND r.event_type = :type");
            params.put("type", f.type().name());
        }
        if (f.online() != null) {
            sql.append(f.online() ? " AND r.online = TRUE" : " AND r.online = FALSE");
        }
        if (f.date() != null) {
            sql.append(" AND r.starts_local < :dayAfter AND r.ends_local >= :day");
            params.put("day", f.date().atStartOfDay());
            params.put("dayAfter", f.date().plusDays(1).atStartOfDay());
        }
        if (f.fromDate() != null) {
            sql.append(" AND r.starts_local >= :fromDate");
            params.put("fromDate", f.fromDate().atStartOfDay());
        }
        if (f.toDate() != null) {
            sql.append(" AND r.starts_local < :toDate");
            params.put("toDate", f.toDate().plusDays(1).atStartOfDay());
        }
        if (f.from() != null) {
            sql.append(" AND r.ends_at > :from");
            params.put("from", Timestamps.toDb(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND r.starts_at < :to");
            params.put("to", Timestamps.toDb(f.to()));
        }
        if (f.near() != null) {
            // a box around the place that holds its circle; the exact distance is measured in nearest()
            double dLat = f.near().radiusKm() / 110.5;
            sql.append(" AND r.online = FALSE AND r.public_latitude BETWEEN :nearSouth AND :nearNorth");
            params.put("nearSouth", f.near().latitude() - dLat);
            params.put("nearNorth", f.near().latitude() + dLat);
            double widest = Math.cos(Math.toRadians(Math.min(89.9, Math.abs(f.near().latitude()) + dLat)));
            double dLon = f.near().radiusKm() / (111.3 * widest);
            if (f.near().longitude() - dLon > -180 && f.near().longitude() + dLon < 180) {
                sql.append(" AND r.public_longitude BETWEEN :nearWest AND :nearEast");
                params.put("nearWest", f.near().longitude() - dLon);
                params.put("nearEast", f.near().longitude() + dLon);
            }
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" AND (LOWER(r.title) LIKE :q ESCAPE '\\' OR LOWER(r.description) LIKE :q ESCAPE '\\'"
                    + " OR LOWER(r.city) LIKE :q ESCAPE '\\' OR LOWER(r.organizers) LIKE :q ESCAPE '\\')");
            String q = f.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("q", "%" + q + "%");
        }
        return sql.toString();
    }

    private static String orderBy(Order order) {
        return switch (order) {
            case BY_PLACE -> " ORDER BY r.online, r.country, r.city, r.starts_at, e.id";
            case BY_TIME -> " ORDER BY r.starts_at, e.id";
            case NEWEST_FIRST -> " ORDER BY e.published_at DESC, e.id DESC";
        };
    }

    static PublicEvent map(ResultSet rs, int n) throws SQLException {
        Visibility visibility = Visibility.valueOf(rs.getString("visibility"));
        boolean exact = visibility == Visibility.PUBLIC;
        String languages = rs.getString("languages");
        String address = rs.getString("place_address");
        return new PublicEvent(rs.getLong("id"), rs.getLong("campaign_id"), "CANCELLED".equals(rs.getString("status")),
                rs.getLong("revision_id"), rs.getString("title"), EventType.valueOf(rs.getString("event_type")),
                rs.getString("description"), languages.isEmpty() ? List.of() : Arrays.asList(languages.split(",")),
                rs.getObject("starts_local", LocalDateTime.class), rs.getObject("ends_local", LocalDateTime.class),
                ZoneId.of(rs.getString("time_zone")), rs.getBoolean("online"), rs.getString("online_url"),
                exact ? emptyToNull(rs.getString("venue")) : null, exact ? emptyToNull(address) : null,
                rs.getString("city"), EventStore.trim(rs.getString("country")), visibility,
                rs.getBigDecimal("public_latitude"), rs.getBigDecimal("public_longitude"),
                rs.getString("organizers"), rs.getString("accessibility"),
                Timestamps.fromDb(rs, "published_at"), Timestamps.fromDb(rs, "updated_at"), List.of(),
                rs.getString("language"));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
