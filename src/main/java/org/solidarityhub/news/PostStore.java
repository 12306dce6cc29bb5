package org.solidarityhub.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of posts, their texts, revisions, tags, cards and images. */
@Repository
class PostStore {

    private final JdbcClient db;

    PostStore(JdbcClient db) {
        this.db = db;
    }

    long insert(String slug, String originalLanguage, Instant now, @Nullable String demoKey) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO news_post (slug, original_language, state, created_at, updated_at, demo_key)
                        VALUES (:slug, :language, 'DRAFT', :now, :now, :demo)""")
                .param("slug", slug).param("language", originalLanguage).param("now", Timestamps.toDb(now))
                .param("demo", demoKey).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    boolean slugTaken(String slug, long exceptId) {
        return db.sql("SELECT COUNT(*) FROM news_post WHERE slug = :slug AND id <> :id")
                .param("slug", slug).param("id", exceptId).query(Long.class).single() > 0;
    }

    boolean demoExists(String demoKey) {
        return db.sql("SELECT COUNT(*) FROM news_post WHERE demo_key = :key").param("key", demoKey)
                .query(Long.class).single() > 0;
    }

    /** Saves the texts given (other languages stay) as the next revision; returns its number. */
    int saveTexts(long postId, Collection<Post.Text> texts, String savedBy, Instant now) {
        db.sql("UPDATE news_post SET revision = revision + 1, updated_at = :now WHERE id = :id")
                .param("id", postId).param("now", Timestamps.toDb(now)).update();
        int revision = db.sql("SELECT revision FROM news_post WHERE id = :id").param("id", postId).query(Integer.class).single();
        for (Post.Text text : texts) {
            int updated = db.sql("""
                            UPDATE news_post_text SET title = :title, summary = :summary, body = :body
                            WHERE post_id = :id AND language = :language""")
                    .param("id", postId).param("language", text.language()).param("title", text.title())
                    .param("summary", text.summary()).param("body", text.body()).update();
            if (updated == 0) {
                db.sql("""
                                INSERT INTO news_post_text (post_id, language, title, summary, body)
                                VALUES (:id, :language, :title, :summary, :body)""")
                        .param("id", postId).param("language", text.language()).param("title", text.title())
                        .param("summary", text.summary()).param("body", text.body()).update();
            }
            db.sql("""
                            INSERT INTO news_post_revision (post_id, revision, language, title, summary, body, saved_by, saved_at)
                            VALUES (:id, :revision, :language, :title, :summary, :body, :by, :now)""")
                    .param("id", postId).param("revision", revision).param("language", text.language())
                    .param("title", text.title()).param("summary", text.summary()).param("body", text.body())
                    .param("by", savedBy).param("now", Timestamps.toDb(now)).update();
        }
        return revision;
    }

    void deleteText(long postId, String language) {
        db.sql("DELETE FROM news_post_text WHERE post_id = :id AND language = :language")
                .param("id", postId).param("language", language).update();
    }

    void updateSettings(long postId, String slug, String originalLanguage, boolean commentsClosed) {
        db.sql("""
                        UPDATE news_post SET slug = :slug, original_language = :language, comments_closed = :closed
                        WHERE id = :id""")
                .param("id", postId).param("slug", slug).param("language", originalLanguage)
                .param("closed", commentsClosed).update();
    }

    void setTags(long postId, Collection<String> tags) {
        db.sql("DELETE FROM news_post_tag WHERE post_id = :id").param("id", postId).update();
        for (String tag : tags) {
            db.sql("INSERT INTO news_post_tag (post_id, tag) VALUES (:id, :tag)").param("id", postId).param("tag", tag).update();
        }
    }

    void setCards(long postId, List<Post.Card> cards) {
        db.sql("DELETE FROM news_post_card WHERE post_id = :id").param("id", postId).update();
        int position = 0;
        for (Post.Card card : cards) {
            db.sql("INSERT INTO news_post_card (post_id, position, kind, reference) VALUES (:id, :position, :kind, :reference)")
                    .param("id", postId).param("position", position++).param("kind", card.kind())
                    .param("reference", card.reference()).update();
        }
    }

    void setState(long postId, PostState state, @Nullable Instant publishAt, @Nullable Instant publishedAt) {
        db.sql("UPDATE news_post SET state = :state, publish_at = :at, published_at = :published WHERE id = :id")
                .param("id", postId).param("state", state.name()).param("at", Timestamps.toDb(publishAt))
                .param("published", Timestamps.toDb(publishedAt)).update();
    }

    void setCommentsClosed(long postId, boolean closed) {
        db.sql("UPDATE news_post SET comments_closed = :closed WHERE id = :id").param("id", postId).param("closed", closed).update();
    }

    void setLeadImage(long postId, @Nullable Long mediaId) {
        db.sql("UPDATE news_post SET lead_media_id = :media WHERE id = :id").param("id", postId).param("media", mediaId).update();
    }

    void addImage(long postId, long mediaId, Instant now) {
        db.sql("INSERT INTO news_post_image (post_id, media_id, added_at) VALUES (:id, :media, :now)")
                .param("id", postId).param("media", mediaId).param("now", Timestamps.toDb(now)).update();
    }

    void removeImage(long postId, long mediaId) {
        db.sql("DELETE FROM news_post_image WHERE post_id = :id AND media_id = :media")
                .param("id", postId).param("media", mediaId).update();
    }

    List<Long> images(long postId) {
        return db.sql("SELECT media_id FROM news_post_image WHERE post_id = :id ORDER BY added_at, media_id")
                .param("id", postId).query(Long.class).list();
    }

    /** Scheduled posts whose time has come, oldest first. */
    List<Long> due(Instant now) {
        return db.sql("SELECT id FROM news_post WHERE state = 'SCHEDULED' AND publish_at <= :now ORDER BY publish_at, id")
                .param("now", Timestamps.toDb(now)).query(Long.class).list();
    }

    Optional<Post> find(long id) {
        return withDetails(db.sql("SELECT * FROM news_post WHERE id = :id").param("id", id).query(PostStore::post).list())
                .stream().findFirst();
    }

    Optional<Post> findBySlug(String slug) {
        return withDetails(db.sql("SELECT * FROM news_post WHERE slug = :slug").param("slug", slug).query(PostStore::post).list())
                .stream().findFirst();
    }

    /** All posts for the staff list, newest change first. */
    List<Post> all(int limit) {
        return withDetails(db.sql("SELECT * FROM news_post ORDER BY updated_at DESC, id DESC LIMIT :limit")
                .param("limit", limit).query(PostStore::post).list());
    }

    /** One page of published posts, newest first; tag and language (a text in it) filter when given. */
    List<Post> published(@Nullable String tag, @Nullable String language, int offset, int limit) {
        return withDetails(db.sql("SELECT p.* " + publishedWhere(tag, language)
                        + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .param("tag", tag == null ? "" : tag).param("language", language == null ? "" : language)
                .param("limit", limit).param("offset", offset).query(PostStore::post).list());
    }

    long publishedCount(@Nullable String tag, @Nullable String language) {
        return db.sql("SELECT COUNT(*) " + publishedWhere(tag, language))
                .param("tag", tag == null ? "" : tag).param("language", language == null ? "" : language)
                .query(Long.class).single();
    }

    private static String publishedWhere(@Nullable String tag, @Nullable String language) {
        return "FROM news_post p WHERE p.state = 'PUBLISHED'"
                + (tag == null ? "" : " AND EXISTS (SELECT 1 FROM news_post_tag t WHERE t.post_id = p.id AND t.tag = :tag)")
                + (language == null ? "" : " AND EXISTS (SELECT 1 FROM news_post_text x WHERE x.post_id = p.id AND x.language = :language)");
    }

    /** Tags of published posts, by how often they are used. */
    List<String> publishedTags(int limit) {
        return db.sql("""
                        SELECT t.tag FROM news_post_tag t JOIN news_post p ON p.id = t.post_id AND p.state = 'PUBLISHED'
                        GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag LIMIT :limit""")
                .param("limit", limit).query(String.class).list();
    }

    /** The languages published posts have a text in. */
    List<String> publishedLanguages() {
        return db.sql("""
                        SELECT DISTINCT t.language FROM news_post_text t
                        JOIN news_post p ON p.id = t.post_id AND p.state = 'PUBLISHED'""")
                .query(String.class).list();
    }

    /** Revisions of a post: number, language, title, who and when (newest first). */
    List<Revision> revisions(long postId) {
        return db.sql("""
                        SELECT revision, language, title, saved_by, saved_at FROM news_post_revision
                        WHERE post_id = :id ORDER BY revision DESC, language""")
                .param("id", postId)
                .query((rs, n) -> new Revision(rs.getInt("revision"), rs.getString("language"), rs.getString("title"),
                        rs.getString("saved_by"), Timestamps.fromDb(rs, "saved_at")))
                .list();
    }

    Optional<Post.Text> revisionText(long postId, int revision, String language) {
        return db.sql("""
                        SELECT language, title, summary, body FROM news_post_revision
                        WHERE post_id = :id AND revision = :revision AND language = :language""")
                .param("id", postId).param("revision", revision).param("language", language)
                .query((rs, n) -> new Post.Text(rs.getString("language"), rs.getString("title"), rs.getString("summary"),
                        rs.getString("body")))
                .optional();
    }

    record Revision(int revision, String language, String title, String savedBy, Instant savedAt) {
    }

    private List<Post> withDetails(List<Post> posts) {
        if (posts.isEmpty()) {
            return posts;
        }
        List<Long> ids = posts.stream().map(Post::id).toList();
        Map<Long, Map<String, Post.Text>> texts = new HashMap<>();
        db.sql("SELECT * FROM news_post_text WHERE post_id IN (:ids) ORDER BY post_id, language").param("ids", ids)
                .query(rs -> {
                    texts.computeIfAbsent(rs.getLong("post_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("language"), new Post.Text(rs.getString("language"), rs.getString("title"),
                                    rs.getString("summary"), rs.getString("body")));
                });
        Map<Long, List<String>> tags = new HashMap<>();
        db.sql("SELECT post_id, tag FROM news_post_tag WHERE post_id IN (:ids) ORDER BY tag").param("ids", ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong("post_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                });
        Map<Long, List<Post.Card>> cards = new HashMap<>();
        db.sql("SELECT post_id, kind, reference FROM news_post_card WHERE post_id IN (:ids) ORDER BY post_id, position")
                .param("ids", ids)
                .query(rs -> {
                    cards.computeIfAbsent(rs.getLong("post_id"), k -> new ArrayList<>())
                            .add(new Post.Card(rs.getString("kind"), rs.getString("reference")));
                });
        List<Post> result = new ArrayList<>();
        for (Post p : posts) {
            Map<String, Post.Text> byLanguage = new LinkedHashMap<>();
            Map<String, Post.Text> all = texts.getOrDefault(p.id(), Map.of());
            if (all.containsKey(p.originalLanguage())) {
                byLanguage.put(p.originalLanguage(), all.get(p.originalLanguage()));
            }
            byLanguage.putAll(all);
            if (byLanguage.isEmpty()) {
                continue; // a post is created with its first text in the same transaction
            }
            result.add(new Post(p.id(), p.slug(), p.originalLanguage(), p.state(), p.publishAt(), p.publishedAt(),
                    p.leadMediaId(), p.commentsClosed(), p.revision(), p.createdAt(), p.updatedAt(), byLanguage,
                    tags.getOrDefault(p.id(), List.of()), cards.getOrDefault(p.id(), List.of())));
        }
        return result;
    }

    private static Post post(ResultSet rs, int n) throws SQLException {
        long lead = rs.getLong("lead_media_id");
        Long leadId = rs.wasNull() ? null : lead;
        return new Post(rs.getLong("id"), rs.getString("slug"), rs.getString("original_language"),
                PostState.valueOf(rs.getString("state")), Timestamps.fromDb(rs, "publish_at"),
                Timestamps.fromDb(rs, "published_at"), leadId, rs.getBoolean("comments_closed"), rs.getInt("revision"),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"), Map.of(), List.of(), List.of());
    }
}
