package org.solidarityhub.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
               @Nullable String posterKey) {

        @Nullable String key(Variant variant) {
            return switch (variant) {
                case WEB -> webKey;
                case THUMBNAIL -> thumbnailKey;
                case POSTER -> posterKey;
            };
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (String key : Arrays.asList(masterKey, webKey, thumbnailKey, posterKey)) {
                if (key != null) {
                    keys.add(key);
                }
            }
            return keys;
        }
    }

    /** The processed result to record for an item. */
    record Processed(int width, int height, @Nullable Duration duration, long size, List<Region> regions,
                     @Nullable String masterKey, String webKey, String thumbnailKey, @Nullable String posterKey) {
    }

    private final JdbcClient db;
    private final Clock clock;

    MediaItems(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    long insertProcessing(MediaKind kind, MediaOwner owner, int width, int height, long size) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO media_item (kind, state, owner_feature, owner_reference, width, height, size_bytes,
                                                published, regions, created_at)
                        VALUES (:kind, 'PROCESSING', :feature, :reference, :width, :height, :size, FALSE, '', :at)""")
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

    List<Row> inState(MediaState state) {
        return db.sql("SELECT * FROM media_item WHERE state = :state ORDER BY id").param("state", state.name())
                .query(MediaItems::map).list();
    }

    /** The published item one of whose public variants has this name. */
    Optional<Row> publishedByName(String name) {
        return db.sql("""
                        SELECT * FROM media_item WHERE published AND state = 'READY'
                          AND (web_key = :name OR thumbnail_key = :name OR poster_key = :name)""")
                .param("name", name).query(MediaItems::map).optional();
    }

    /** Records a processing result; false when the item is gone (discarded meanwhile) or no longer processing. */
    boolean markReady(long id, Processed p) {
        return db.sql("""
                        UPDATE media_item SET state = 'READY', width = :width, height = :height, duration_ms = :duration,
                               size_bytes = :size, regions = :regions, master_key = :master, web_key = :web,
                               thumbnail_key = :thumbnail, poster_key = :poster, processed_at = :at
                        WHERE id = :id AND state = 'PROCESSING'""")
                .param("width", p.width()).param("height", p.height())
                .param("duration", p.duration() == null ? null : p.duration().toMillis())
                .param("size", p.size()).param("regions", Regions.format(p.regions()))
                .param("master", p.masterKey()).param("web", p.webKey()).param("thumbnail", p.thumbnailKey())
                .param("poster", p.posterKey()).param("at", Timestamps.toDb(clock.instant())).param("id", id)
                .update() == 1;
    }

    /** Records re-rendered variants of a ready, unpublished item; false if it changed meanwhile. */
    boolean replaceVariants(long id, Processed p, @Nullable String expectedWebKey) {
        return db.sql("""
                        UPDATE media_item SET size_bytes = :size, regions = :regions, web_key = :web,
                               thumbnail_key = :thumbnail, poster_key = :poster, processed_at = :at
                        WHERE id = :id AND state = 'READY' AND NOT published AND web_key = :expected""")
                .param("size", p.size()).param("regions", Regions.format(p.regions()))
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
                Timestamps.fromDb(rs, "created_at"));
        return new Row(item, rs.getString("master_key"), web, thumbnail, poster);
    }
}
