package org.solidarityhub.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the big public answers (a campaign's GeoJSON and iCalendar, the pages of its event list with the HTML of
 * their event cards, and its counts) until any event of the campaign changes. The version of a campaign is read
 * from the database on every request (count and latest change of its events), so several app instances never
 * serve a stale answer; the same version is the ETag, so feed readers and map pages that ask again get 304 Not
 * Modified. It keeps only the feature's own records, each of which knows its size.
 */
@Component
class FeedCache {

    /** What the version of a campaign's events is made of. */
    record Version(long events, long latestChange) {

        String etag(String key) {
            return "\"" + Long.toHexString(events) + "-" + Long.toHexString(latestChange) + "-" + Integer.toHexString(key.hashCode()) + "\"";
        }
    }

    /** An answer the cache may keep. */
    sealed interface Cached permits Body, EventViews.ListView, EventQueries.Counts {

        /** About how many bytes it takes in memory. */
        long weight();
    }

    /** A rendered feed (GeoJSON, iCalendar), as sent. */
    record Body(byte[] bytes) implements Cached {

        @Override
        public long weight() {
            return bytes.length;
        }
    }

    private record Entry(Version version, Cached value) {
    }

    private final JdbcClient db;
    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .maximumWeight(96L * 1024 * 1024)
            .weigher((String key, Entry entry) -> (int) Math.min(Integer.MAX_VALUE, entry.value().weight()))
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
                    OffsetDateTime latest = rs.getObject("latest", OffsetDateTime.class);
                    return new Version(rs.getLong("events"), latest == null ? 0 : latest.toInstant().toEpochMilli() * 1000
                            + latest.getNano() / 1000 % 1000);
                }).single();
    }

    /** The cached answer of this type for this key at this version, made by {@code make} when missing or stale. */
    <T extends Cached> T get(Class<T> type, String key, Version version, Supplier<T> make) {
        String typedKey = type.getSimpleName() + ' ' + key;
        Entry cached = entries.getIfPresent(typedKey);
        if (cached != null && cached.version().equals(version)) {
            return type.cast(cached.value());
        }
        T value = make.get();
        entries.put(typedKey, new Entry(version, value));
        return value;
    }
}
