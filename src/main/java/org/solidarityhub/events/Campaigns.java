package org.solidarityhub.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.Timestamps;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** The campaigns, and which of them is current. */
@Component
class Campaigns {

    private final JdbcClient db;
    private final Clock clock;

    Campaigns(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Every campaign, the current one first: the one running today, else the next to start, else the
     * latest past; then the others, newest first.
     */
    List<Campaign> all() {
        List<Campaign> all = load("SELECT * FROM campaign ORDER BY starts_on DESC, id DESC", Map.of());
        Optional<Campaign> current = current(all);
        if (current.isEmpty()) {
            return all;
        }
        List<Campaign> ordered = new java.util.ArrayList<>();
        ordered.add(current.get());
        all.stream().filter(c -> c.id() != current.get().id()).forEach(ordered::add);
        return ordered;
    }

    Optional<Campaign> current() {
        return current(load("SELECT * FROM campaign ORDER BY starts_on DESC, id DESC", Map.of()));
    }

    private Optional<Campaign> current(List<Campaign> all) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Optional<Campaign> running = all.stream().filter(c -> c.contains(today)).findFirst();
        if (running.isPresent()) {
            return running;
        }
        Optional<Campaign> next = all.stream().filter(c -> c.startsOn().isAfter(today))
                .min(Comparator.comparing(Campaign::startsOn));
        return next.isPresent() ? next : all.stream().findFirst();
    }

    Optional<Campaign> bySlug(String slug) {
        if (slug == null || slug.length() > 60) {
            return Optional.empty();
        }
        return load("SELECT * FROM campaign WHERE slug = :slug", Map.of("slug", slug)).stream().findFirst();
    }

    /*
     * Which campaign a request is about, written once for every controller of the feature: pages and feeds take
     * ?campaign=slug and fall back on the current campaign; the API names the campaign in its path.
     */

    /** For a public page: the campaign {@code ?campaign=} names, else the current one; a 404 page when there is none. */
    Campaign forPage(String slug) {
        return (slug == null || slug.isBlank() ? current() : bySlug(slug))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Whether a page asked without {@code ?campaign=} has no campaign at all to show (the list and the form then explain). */
    boolean noneToShow(String slug) {
        return (slug == null || slug.isBlank()) && current().isEmpty();
    }

    /** For the API and the feeds: the campaign with this slug; else a 404 problem saying there is no such campaign. */
    Campaign forApi(String slug) {
        return bySlug(slug).orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "events.error.campaign"));
    }

    Optional<Campaign> byId(long id) {
        return load("SELECT * FROM campaign WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Creates a campaign unless one with the slug exists; returns it either way. */
    @Transactional
    Campaign createIfAbsent(String slug, LocalDate startsOn, LocalDate endsOn, Map<String, Campaign.Text> texts) {
        Optional<Campaign> existing = bySlug(slug);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("INSERT INTO campaign (slug, starts_on, ends_on, created_at) VALUES (:slug, :starts, :ends, :now)")
                .param("slug", slug).param("starts", startsOn).param("ends", endsOn)
                .param("now", Timestamps.toDb(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        texts.forEach((language, text) -> db.sql("""
                        INSERT INTO campaign_text (campaign_id, language, name, description)
                        VALUES (:id, :language, :name, :description)""")
                .param("id", id).param("language", language).param("name", text.name())
                .param("description", text.description()).update());
        return byId(id).orElseThrow();
    }

    private List<Campaign> load(String sql, Map<String, ?> params) {
        List<Row> rows = db.sql(sql).params(params).query(Campaigns::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Campaign.Text>> texts = new HashMap<>();
        db.sql("SELECT * FROM campaign_text WHERE campaign_id IN (:ids) ORDER BY language")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> {
                    texts.computeIfAbsent(rs.getLong("campaign_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("language"), new Campaign.Text(rs.getString("name"), rs.getString("description")));
                    return null;
                }).list();
        return rows.stream().map(r -> new Campaign(r.id(), r.slug(), r.startsOn(), r.endsOn(),
                Map.copyOf(texts.getOrDefault(r.id(), Map.of())))).toList();
    }

    private record Row(long id, String slug, LocalDate startsOn, LocalDate endsOn) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("slug"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class));
    }
}
