package org.solidarityhub.events;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the big public answers (a campaign's GeoJSON and iCalendar, the pages of its event list with the HTML of
 * their event cards, and its counts) until any event of the campaign changes. The version of a campaign is read from the database on every request (count and latest
 * change of its events), so several app instances never serve a stale answer; the same version is the
 * ETag, so feed readers and map pages that ask again get 304 Not Modified.
 */
@Component
class FeedCache {

    /** What the version of a campaign's events is made of. */
    record Version(long events, long latestChange) {

        String etag(String key) {
            return "\"" + Long.toHexString(events) + "-" + Long.toHexString(latestChange) + "-" + Integer.toHexString(key.hashCode()) + "\"";
        }
    }

    private final JdbcClient db;
    private final Cache<String, Object[]> entries = Caffeine.newBuilder()
            .maximumWeight(96L * 1024 * 1024)
            .weigher((String key, Object[] value) -> switch (value[1]) {
                case String s -> s.length() * 2;
                case byte[] bytes -> bytes.length;
                case EventPagesController.ListView view -> view.groupsHtml().length() * 2 + 16 * 1024; // the cards' HTML, the choices
                default -> 64 * 1024;
            })
            .expireAfterAccess(Duration.ofHours(6))
            .build();

    FeedCache(JdbcClient db) {
        this.db = db;
    }

    Version version(long campaignId) {
        return db.sql("""
                        SELECT COUNT(*) AS events, MAX(updated_at) AS latest FROM event WHERE campaign_id = :campaign""")
                .param("campaign", campaignId)
                .query((rs, n) -> {
                    java.time.OffsetDateTime latest = rs.getObject("latest", java.time.OffsetDateTime.class);
                    return new Version(rs.getLong("events"), latest == null ? 0 : latest.toInstant().toEpochMilli() * 1000
                            + latest.getNano() / 1000 % 1000);
                }).single();
    }

    /** The cached answer for this key at this version, made by {@code make} when missing or stale. */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Version version, Supplier<T> make) {
        Object[] cached = entries.getIfPresent(key);
        if (cached != null && cached[0].equals(version)) {
            return (T) cached[1];
        }
        T value = make.get();
        entries.put(key, new Object[]{version, value});
        return value;
    }
}
