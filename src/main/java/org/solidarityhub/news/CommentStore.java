package org.solidarityhub.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of comments and of the hashes of confirmed addresses. Addresses are written, never read back. */
@Repository
class CommentStore {

    private static final String COLUMNS =
            "id, post_id, parent_id, language, name, body, state, created_at, confirmed_at";

    private final JdbcClient db;

    CommentStore(JdbcClient db) {
        this.db = db;
    }

    long insert(long postId, @Nullable Long parentId, String language, String name, @Nullable String email, String emailKey,
                String body, Comment.CommentState state, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO news_comment (post_id, parent_id, language, name, email, email_key, body, state, created_at,
                                                  confirmed_at)
                        VALUES (:post, :parent, :language, :name, :email, :key, :body, :state, :now, :confirmed)""")
                .param("post", postId).param("parent", parentId).param("language", language).param("name", name)
                .param("email", email).param("key", emailKey).param("body", body).param("state", state.name())
                .param("now", Timestamps.toDb(now))
                .param("confirmed", state == Comment.CommentState.UNCONFIRMED ? null : Timestamps.toDb(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Comment> find(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM news_comment WHERE id = :id").param("id", id).query(CommentStore::comment).optional();
    }

    /** Confirms an unconfirmed comment: it waits for a moderator, its address is erased and its hash remembered. */
    boolean confirm(long id, Instant now) {
        String key = db.sql("SELECT email_key FROM news_comment WHERE id = :id AND state = 'UNCONFIRMED'").param("id", id)
                .query(String.class).optional().orElse(null);
        if (key == null) {
            return false;
        }
        db.sql("UPDATE news_comment SET state = 'PENDING', confirmed_at = :now, email = NULL WHERE id = :id")
                .param("id", id).param("now", Timestamps.toDb(now)).update();
        remember(key, now);
        return true;
    }

    boolean confirmedAddress(String emailKey) {
        return db.sql("SELECT COUNT(*) FROM news_comment_address WHERE email_key = :key").param("key", emailKey)
                .query(Long.class).single() > 0;
    }

    void remember(String emailKey, Instant now) {
        int updated = db.sql("UPDATE news_comment_address SET last_used_at = :now WHERE email_key = :key")
                .param("key", emailKey).param("now", Timestamps.toDb(now)).update();
        if (updated == 0) {
            db.sql("INSERT INTO news_comment_address (email_key, confirmed_at, last_used_at) VALUES (:key, :now, :now)")
                    .param("key", emailKey).param("now", Timestamps.toDb(now)).update();
        }
    }

    void decide(long id, Comment.CommentState state, Instant now) {
        db.sql("UPDATE news_comment SET state = :state, decided_at = :now WHERE id = :id")
                .param("id", id).param("state", state.name()).param("now", Timestamps.toDb(now)).update();
    }

    /** The approved comments of a post, oldest first (replies follow their comment when shown). */
    List<Comment> approved(long postId) {
        return db.sql("SELECT " + COLUMNS + " FROM news_comment WHERE post_id = :post AND state = 'APPROVED' ORDER BY created_at, id")
                .param("post", postId).query(CommentStore::comment).list();
    }

    /** The latest approved comments of all posts, newest first (a moderator may hide one again). */
    List<Comment> recentlyApproved(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM news_comment WHERE state = 'APPROVED' ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit).query(CommentStore::comment).list();
    }

    long waitingCount() {
        return db.sql("SELECT COUNT(*) FROM news_comment WHERE state = 'PENDING'").query(Long.class).single();
    }

    List<Comment> waiting(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM news_comment WHERE state = 'PENDING' ORDER BY confirmed_at, id LIMIT :limit")
                .param("limit", limit).query(CommentStore::comment).list();
    }

    List<Long> unconfirmedBefore(Instant cutOff) {
        return db.sql("SELECT id FROM news_comment WHERE state = 'UNCONFIRMED' AND created_at < :cut")
                .param("cut", Timestamps.toDb(cutOff)).query(Long.class).list();
    }

    List<Long> rejectedBefore(Instant cutOff) {
        return db.sql("SELECT id FROM news_comment WHERE state = 'REJECTED' AND decided_at < :cut")
                .param("cut", Timestamps.toDb(cutOff)).query(Long.class).list();
    }

    int delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.sql("DELETE FROM news_comment WHERE id IN (:ids)").param("ids", ids).update();
    }

    int forgetAddressesUnusedSince(Instant cutOff) {
        return db.sql("DELETE FROM news_comment_address WHERE last_used_at < :cut").param("cut", Timestamps.toDb(cutOff)).update();
    }

    private static Comment comment(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Comment(rs.getLong("id"), rs.getLong("post_id"), parentId, rs.getString("language"),
                rs.getString("name"), rs.getString("body"), Comment.CommentState.valueOf(rs.getString("state")),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "confirmed_at"));
    }
}
