package org.solidarityhub.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of partners and of the signatures each brought; the rules live in {@link Partners}. */
@Component
class PartnerStore {

    /** Signatures of one appeal that one partner brought: confirmed, of those counted, and pending. */
    record Counts(long confirmed, long counted, long pending) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    private static final String COLUMNS = "id, slug, name, website, public_count, created_at";

    private final JdbcClient db;
    private final Clock clock;

    PartnerStore(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every partner, by name. */
    List<Partner> all() {
        return db.sql("SELECT " + COLUMNS + " FROM appeal_partner ORDER BY LOWER(name), id").query(PartnerStore::map).list();
    }

    Optional<Partner> find(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM appeal_partner WHERE id = :id").param("id", id).query(PartnerStore::map).optional();
    }

    Optional<Partner> bySlug(String slug) {
        return db.sql("SELECT " + COLUMNS + " FROM appeal_partner WHERE slug = :slug").param("slug", slug)
                .query(PartnerStore::map).optional();
    }

    long insert(String slug, String name, @Nullable String website, boolean publicCount) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO appeal_partner (slug, name, website, public_count, created_at)
                        VALUES (:slug, :name, :website, :publicCount, :now)""")
                .param("slug", slug).param("name", name).param("website", website).param("publicCount", publicCount)
                .param("now", Timestamps.toDb(clock.instant()))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void update(long id, String slug, String name, @Nullable String website, boolean publicCount) {
        db.sql("UPDATE appeal_partner SET slug = :slug, name = :name, website = :website, public_count = :publicCount WHERE id = :id")
                .param("slug", slug).param("name", name).param("website", website).param("publicCount", publicCount)
                .param("id", id).update();
    }

    /** Per partner id, what it brought to an appeal (partners that brought nothing are left out). */
    Map<Long, Counts> counts(long appealId) {
        Map<Long, Counts> counts = new HashMap<>();
        db.sql("""
                        SELECT partner_id,
                            SUM(CASE WHEN status = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed,
                            SUM(CASE WHEN status = 'CONFIRMED' AND counted = TRUE THEN 1 ELSE 0 END) AS counted,
                            SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) AS pending
                        FROM signature WHERE appeal_id = :appeal AND partner_id IS NOT NULL
                        GROUP BY partner_id""")
                .param("appeal", appealId)
                .query((rs, row) -> counts.put(rs.getLong("partner_id"),
                        new Counts(rs.getLong("confirmed"), rs.getLong("counted"), rs.getLong("pending"))))
                .list();
        return counts;
    }

    /** Per partner that agreed to be shown, the signatures of an appeal counted publicly for it (at least one). */
    Map<Partner, Long> publicCounts(long appealId) {
        Map<Partner, Long> counts = new HashMap<>();
        db.sql("""
                        SELECT p.id, p.slug, p.name, p.website, p.public_count, p.created_at, COUNT(*) AS total
                        FROM signature s JOIN appeal_partner p ON p.id = s.partner_id
                        WHERE s.appeal_id = :appeal AND s.partner_id IS NOT NULL AND s.counted = TRUE AND p.public_count = TRUE
                        GROUP BY p.id, p.slug, p.name, p.website, p.public_count, p.created_at""")
                .param("appeal", appealId)
                .query((rs, row) -> counts.put(map(rs, row), rs.getLong("total")))
                .list();
        return counts;
    }

    private static Partner map(ResultSet rs, int row) throws SQLException {
        return new Partner(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("website"),
                rs.getBoolean("public_count"), Timestamps.fromDb(rs, "created_at"));
    }
}
