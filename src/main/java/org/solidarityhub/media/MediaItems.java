package org.solidarityhub.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the media feature: the {@code media_item} table. */
@Repository
class MediaItems {

    /** An item's row with its storage keys, which never leave the media feature. */
    record Row(MediaItem item, @Nullable String masterKey, @Nullable String webKey, @Nullable String thumbnailKey,
               @Nullable String posterKey, @Nullable String originalKey) {

        @Nullable String key(Variant variant) {
            return switch (variant) {
                case WEB -> webKey;
                case THUMBNAIL -> thumbnailKey;
                case POSTER -> posterKey;
            };
        }

        /** The keys of its master and variants (not of a kept original, which the pages of a PDF share). */
        List<String> keys() {
            return present(masterKey, webKey, thumbnailKey, posterKey);
        }
    }

    /** The processed result to record for an item. */
    record Processed(int width, int height, @Nullable Duration duration, long size, List<Region> regions,
                     List<Region> redactions, @Nullable String masterKey, String webKey, String thumbnailKey,
                     @Nullable String posterKey) {

        List<String> keys() {
            return present(masterKey, webKey, thumbnailKey, posterKey);
        }
    }

    /** The keys that are set. */
    private static List<String> present(@Nullable String... keys) {
        List<String> present = new ArrayList<>();
        for (String key : keys) {
            if (key != null) {
                present.add(key);
            }
        }
        return present;
    }

    private final JdbcClient db;
    private final Clock clock;

    MediaItems(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    long insertProcessing(MediaKind kind, MediaOwner owner, int width, int height, long size) {
        return insertProcessing(kind, owner, width, height, size, 0, 0);
    }

    /** A new item in PROCESSING; {@code page} of {@code pages} for a PDF's page, 0 and 0 otherwise. */
    long insertProcessing(MediaKind kind, MediaOwner owner, int width, int height, long size, int page, int pages) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO media_item (kind, state, owner_feature, owner_reference, width, height, size_bytes,
                                                published, regions, redactions, page_number, page_count, created_at)
                        VALUES (:kind, 'PROCESSING', :feature, :reference, :width, :height, :size, FALSE, '', '',
                                :page, :pages, :at)""")
                .param("page", page)
                .param("pages", pages)
                .param("kind", kind.name())
                .param("feature", owner.feature())
                .param("reference", owner.reference())
                .param("width", width)
                .param("height", height)
                .param("size", size)
                .param("at", Timestamps.toDb(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Row> find(long id) {
        return db.sql("SELECT * FROM media_item WHERE id = :id").param("id", id).query(MediaItems::map).optional();
    }

    List<Row> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT * FROM media_item WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query(MediaItems::map).list();
    }

    List<Row> ofOwner(MediaOwner owner) {
        return db.sql("SELECT * FROM media_item WHERE owner_feature = :feature AND owner_reference = :reference ORDER BY id")
                .param("feature", owner.feature()).param("reference", owner.reference())
                .query(MediaItems::map).list();
    }

    /** Items still processing that were accepted before the given time. */
    List<Row> processingSince(java.time.Instant before) {
        return db.sql("SELECT * FROM media_item WHERE state = 'PROCESSING' AND created_at < :before ORDER BY id")
                .param("before", Timestamps.toDb(before)).query(MediaItems::map).list();
    }

    /** The published item one of whose public variants has this name. */
    Optional<Row> publishedByName(String name) {
        return db.sql("""
                        SELECT * FROM media_item WHERE published AND state = 'READY'
                          AND (web_key = :name OR thumbnail_key = :name OR poster_key = :name)""")
                .param("name", name).query(MediaItems::map).optional();
    }

    /** Records a processing result; false when the item is gone (discarded meanwhile) or no longer processing. */
    boolean markReady(long id, Processed p, @Nullable String originalKey) {
        return db.sql("""
                        UPDATE media_item SET state = 'READY', width = :width, height = :height, duration_ms = :duration,
                               size_bytes = :size, regions = :regions, redactions = :redactions, master_key = :master,
                               web_key = :web, thumbnail_key = :thumbnail, poster_key = :poster,
                               original_key = :original, processed_at = :at
                        WHERE id = :id AND state = 'PROCESSING'""")
                .param("width", p.width()).param("height", p.height())
                .param("duration", p.duration() == null ? null : p.duration().toMillis())
                .param("size", p.size()).param("regions", Regions.format(p.regions()))
                .param("redactions", Regions.format(p.redactions())).param("original", originalKey)
                .param("master", p.masterKey()).param("web", p.webKey()).param("thumbnail", p.thumbnailKey())
                .param("poster", p.posterKey()).param("at", Timestamps.toDb(clock.instant())).param("id", id)
                .update() == 1;
    }

    /** Records re-rendered variants of a ready, unpublished item; false if it changed meanwhile. */
    boolean replaceVariants(long id, Processed p, @Nullable String expectedWebKey) {
        return db.sql("""
                        UPDATE media_item SET size_bytes = :size, regions = :regions, redactions = :redactions,
                               web_key = :web, thumbnail_key = :thumbnail, poster_key = :poster, processed_at = :at
                        WHERE id = :id AND state = 'READY' AND NOT published AND web_key = :expected""")
                .param("size", p.size()).param("regions", Regions.format(p.regions()))
                .param("redactions", Regions.format(p.redactions()))
                .param("web", p.webKey()).param("thumbnail", p.thumbnailKey()).param("poster", p.posterKey())
                .param("at", Timestamps.toDb(clock.instant())).param("id", id).param("expected", expectedWebKey)
                .update() == 1;
    }

    boolean markEnded(long id, MediaState state, String problemKey) {
        return db.sql("""
                        UPDATE media_item SET state = :state, problem_key = :problem, processed_at = :at
                        WHERE id = :id AND state = 'PROCESSING'""")
                .param("state", state.name()).param("problem", problemKey)
                .param("at", Timestamps.toDb(clock.instant())).param("id", id).update() == 1;
    }

    void publish(long id) {
        db.sql("UPDATE media_item SET published = TRUE, master_key = NULL WHERE id = :id").param("id", id).update();
    }

    void unpublish(long id) {
        db.sql("UPDATE media_item SET published = FALSE WHERE id = :id").param("id", id).update();
    }

    void delete(long id) {
        db.sql("DELETE FROM media_item WHERE id = :id").param("id", id).update();
    }

    /** Whether any item still refers to this kept original (the other pages of a PDF). */
    boolean originalInUse(String originalKey) {
        return db.sql("SELECT COUNT(*) FROM media_item WHERE original_key = :key").param("key", originalKey)
                .query(Long.class).single() > 0;
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        long duration = rs.getLong("duration_ms");
        Duration length = rs.wasNull() ? null : Duration.ofMillis(duration);
        String web = rs.getString("web_key");
        String thumbnail = rs.getString("thumbnail_key");
        String poster = rs.getString("poster_key");
        MediaItem item = new MediaItem(
                rs.getLong("id"),
                MediaKind.valueOf(rs.getString("kind")),
                MediaState.valueOf(rs.getString("state")),
                new MediaOwner(rs.getString("owner_feature"), rs.getString("owner_reference")),
                rs.getInt("width"), rs.getInt("height"), length, rs.getLong("size_bytes"),
                rs.getBoolean("published"),
                Regions.parse(rs.getString("regions")),
                rs.getString("problem_key"),
                web, thumbnail, poster,
                Timestamps.fromDb(rs, "created_at"),
                Regions.parse(rs.getString("redactions")),
                rs.getInt("page_number"), rs.getInt("page_count"),
                rs.getString("original_key") != null);
        return new Row(item, rs.getString("master_key"), web, thumbnail, poster, rs.getString("original_key"));
    }
}
