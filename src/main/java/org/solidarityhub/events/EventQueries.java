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
                  LocalDate fromDate, LocalDate toDate, Instant from, Instant to) {

        static final Filter NONE = new Filter(null, null, null, null, null, null, null, null, null, null);

        Filter withCountry(String code) {
            return new Filter(code, city, type, date, online, q, fromDate, toDate, from, to);
        }
    }

    /** How a list is sorted. */
    enum Order { BY_PLACE, BY_TIME, NEWEST_FIRST }

    record Counts(long events, long countries) {
    }

    record Page(List<PublicEvent> events, long total) {
    }

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
        return db.sql(SELECT + where + orderBy(Order.BY_TIME) + " LIMIT :limit").params(params).query(EventQueries::map).list();
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
