package org.solidarityhub.media;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of resumable uploads: the {@code media_upload} table, keyed by the hash of each upload's id. */
@Repository
class ResumableUploadRows {

    record Row(String idHash, String form, long length, long received) {

        boolean complete() {
            return received == length;
        }
    }

    private final JdbcClient db;
    private final Clock clock;

    ResumableUploadRows(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void insert(String idHash, String form, long length) {
        db.sql("INSERT INTO media_upload (id_hash, form, length, received, created_at) VALUES (:id, :form, :length, 0, :at)")
                .param("id", idHash).param("form", form).param("length", length)
                .param("at", Timestamps.toDb(clock.instant())).update();
    }

    Optional<Row> find(String idHash) {
        return db.sql("SELECT id_hash, form, length, received FROM media_upload WHERE id_hash = :id")
                .param("id", idHash)
                .query((rs, n) -> new Row(rs.getString("id_hash"), rs.getString("form"), rs.getLong("length"),
                        rs.getLong("received")))
                .optional();
    }

    /** Records bytes received; false when another request moved the offset meanwhile. */
    boolean advance(String idHash, long from, long to) {
        return db.sql("UPDATE media_upload SET received = :to WHERE id_hash = :id AND received = :from")
                .param("to", to).param("id", idHash).param("from", from).update() == 1;
    }

    boolean delete(String idHash) {
        return db.sql("DELETE FROM media_upload WHERE id_hash = :id").param("id", idHash).update() == 1;
    }

    List<String> startedBefore(Instant cutOff) {
        return db.sql("SELECT id_hash FROM media_upload WHERE created_at < :cut ORDER BY created_at")
                .param("cut", Timestamps.toDb(cutOff)).query(String.class).list();
    }
}
