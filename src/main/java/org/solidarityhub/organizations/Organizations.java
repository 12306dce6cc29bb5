package org.solidarityhub.organizations;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizations records, shared by the appeal (organizations that sign), events (co-organizers) and
 * fundraising (intermediaries). An organization is one name in one country; it is shown publicly only
 * once a moderator verified it.
 */
@Service
public class Organizations {

    public static final int NAME_LIMIT = 200;
    public static final int WEBSITE_LIMIT = 300;

    private final JdbcClient db;
    private final Clock clock;

    Organizations(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The organization of this name and country, created unverified if new. A website is added to a
     * record that has none, never overwritten (that is for moderators).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Organization findOrCreate(String name, String country, String website) {
        String clean = name.strip().replaceAll("\\s+", " ");
        String key = normalize(clean);
        Optional<Organization> existing = byKey(key, country);
        if (existing.isPresent()) {
            if (existing.get().website() == null && website != null && !website.isBlank()) {
                db.sql("UPDATE organization SET website = :website WHERE id = :id AND website IS NULL")
                        .param("website", website.strip()).param("id", existing.get().id()).update();
            }
            return find(existing.get().id()).orElseThrow();
        }
        // a parallel request may create the same organization: keep theirs (a failed INSERT would abort the
        // whole transaction on PostgreSQL, so no exception is provoked)
        db.sql("""
                        INSERT INTO organization (name, name_normalized, country, website, verified, created_at)
                        VALUES (:name, :key, :country, :website, FALSE, :now)
                        ON CONFLICT DO NOTHING""")
                .param("name", clean).param("key", key).param("country", country)
                .param("website", website == null || website.isBlank() ? null : website.strip())
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
        return byKey(key, country).orElseThrow();
    }

    public Optional<Organization> find(long id) {
        return db.sql("SELECT * FROM organization WHERE id = :id").param("id", id).query(Organizations::map).optional();
    }

    /** Marks an organization verified (by a moderator: the caller records the audit entry). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void verify(long id) {
        db.sql("UPDATE organization SET verified = TRUE, verified_at = :now WHERE id = :id")
                .param("now", Timestamps.toDb(clock.instant())).param("id", id).update();
    }

    /** Verified organizations whose name starts with or contains the text, for pickers. */
    public List<Organization> searchVerified(String text, int limit) {
        String key = normalize(text == null ? "" : text);
        return db.sql("""
                        SELECT * FROM organization
                        WHERE verified = TRUE AND name_normalized LIKE :pattern ESCAPE '\\'
                        ORDER BY name_normalized LIMIT :limit""")
                .param("pattern", "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("limit", Math.max(1, Math.min(limit, 100)))
                .query(Organizations::map).list();
    }

    /** Whether a website is acceptable: an http(s) URL with a host, at most 300 characters. */
    public static boolean isValidWebsite(String website) {
        if (website == null || website.isBlank()) {
            return true;
        }
        if (website.length() > WEBSITE_LIMIT) {
            return false;
        }
        try {
            URI uri = new URI(website.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getHost().contains(".");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Case, accents and spacing folded, so "Promote  Ukraine" and "promote ukraine" are one. */
    static String normalize(String name) {
        String decomposed = Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFKD);
        String key = decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        // decomposing may lengthen a name many times over ("ﷺ" is 18 letters): the key keeps the column's size
        if (key.length() > NAME_LIMIT) {
            int end = Character.isHighSurrogate(key.charAt(NAME_LIMIT - 1)) ? NAME_LIMIT - 1 : NAME_LIMIT;
            key = key.substring(0, end);
        }
        return key;
    }

    private Optional<Organization> byKey(String key, String country) {
        return db.sql("SELECT * FROM organization WHERE name_normalized = :key AND country = :country")
                .param("key", key).param("country", country).query(Organizations::map).optional();
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getLong("id"), rs.getString("name"), rs.getString("country"), rs.getString("website"),
                rs.getBoolean("verified"), Timestamps.fromDb(rs, "created_at"));
    }
}
