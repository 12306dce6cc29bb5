package org.solidarityhub.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;


import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals and their revisions. A revision is never changed: an edit adds the next one.
 * Every change raises the appeal's content version ({@link AppealPages#version}), so that the page cache of every
 * instance shows it within a second; the public pages are kept whole by that cache, so nothing here is cached.
 */
@Component
class Appeals {

    private final JdbcClient db;
    private final Clock clock;
    private final ContentVersions versions;

    Appeals(JdbcClient db, Clock clock, ContentVersions versions) {
        this.db = db;
        this.clock = clock;
        this.versions = versions;
    }

    private void changed(long appealId) {
        versions.changed(AppealPages.version(appealId));
    }

    @Transactional
    Appeal create(String slug, String defaultLanguage, Integer goal, String title, String body, String author) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO appeal (slug, default_language, state, goal, created_at)
                        VALUES (:slug, :language, 'OPEN', :goal, :now)""")
                .param("slug", slug).param("language", defaultLanguage).param("goal", goal)
                .param("now", Timestamps.toDb(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        revise(id, defaultLanguage, title, body, null, author);
        return find(id).orElseThrow();
    }

    /** Adds the next revision of one language version (the first, for a new language). */
    @Transactional
    Appeal.Revision revise(long appealId, String language, String title, String body, String note, String author) {
        int next = db.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM appeal_revision WHERE appeal_id = :id AND language = :language")
                .param("id", appealId).param("language", language).query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO appeal_revision (appeal_id, language, number, title, body, note, created_at, created_by)
                        VALUES (:appeal, :language, :number, :title, :body, :note, :now, :author)""")
                .param("appeal", appealId).param("language", language).param("number", next)
                .param("title", title).param("body", body).param("note", note)
                .param("now", Timestamps.toDb(clock.instant())).param("author", author)
                .update(key, "id");
        changed(appealId);
        return revision(key.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    @Transactional
    void update(long appealId, Appeal.State state, Integer goal) {
        db.sql("UPDATE appeal SET state = :state, goal = :goal WHERE id = :id")
                .param("state", state.name()).param("goal", goal).param("id", appealId).update();
        changed(appealId);
    }

    Optional<Appeal> find(long id) {
        return db.sql("SELECT * FROM appeal WHERE id = :id").param("id", id).query(Appeals::appeal).optional();
    }

    Optional<Appeal> bySlug(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        return db.sql("SELECT * FROM appeal WHERE slug = :slug").param("slug", slug).query(Appeals::appeal).optional();
    }

    List<Appeal> all() {
        return db.sql("SELECT * FROM appeal ORDER BY created_at DESC, id DESC").query(Appeals::appeal).list();
    }

    List<Appeal> open() {
        return db.sql("SELECT * FROM appeal WHERE state = 'OPEN' ORDER BY created_at DESC, id DESC").query(Appeals::appeal).list();
    }

    /** The languages an appeal has a text in, the default one first. */
    List<String> languages(Appeal appeal) {
        List<String> languages = db.sql("SELECT DISTINCT language FROM appeal_revision WHERE appeal_id = :id ORDER BY language")
                .param("id", appeal.id()).query(String.class).list();
        return languages.stream()
                .sorted((a, b) -> a.equals(appeal.defaultLanguage()) ? -1 : b.equals(appeal.defaultLanguage()) ? 1 : a.compareTo(b))
                .toList();
    }

    Optional<Appeal.Revision> current(long appealId, String language) {
        return db.sql("""
                        SELECT * FROM appeal_revision WHERE appeal_id = :id AND language = :language
                        ORDER BY number DESC LIMIT 1""")
                .param("id", appealId).param("language", language).query(Appeals::revision).optional();
    }

    /** The current text in the reader's language, else in the appeal's default language. */
    Appeal.Revision currentFor(Appeal appeal, Locale locale) {
        return current(appeal.id(), locale.getLanguage())
                .or(() -> current(appeal.id(), appeal.defaultLanguage()))
                .orElseThrow(() -> new IllegalStateException("appeal " + appeal.id() + " has no text"));
    }

    /** The text the signer saw: the revision a form names if it belongs to this appeal, else the current one. */
    Appeal.Revision seen(Appeal appeal, @Nullable Long revisionId, Locale locale) {
        if (revisionId != null) {
            var seen = revision(revisionId).filter(r -> r.appealId() == appeal.id());
            if (seen.isPresent()) {
                return seen.get();
            }
        }
        return currentFor(appeal, locale);
    }

    /** The appeal that /appeal stands for: the first open one, else the first of all. */
    Optional<Appeal> current() {
        List<Appeal> open = open();
        return (open.isEmpty() ? all() : open).stream().findFirst();
    }

    /** The title in the appeal's default language, by which staff pages name it. */
    String title(Appeal appeal) {
        return currentFor(appeal, Locale.forLanguageTag(appeal.defaultLanguage())).title();
    }

    Optional<Appeal.Revision> revision(long id) {
        return db.sql("SELECT * FROM appeal_revision WHERE id = :id").param("id", id).query(Appeals::revision).optional();
    }

    /** Every revision of one language, newest first. */
    List<Appeal.Revision> revisions(long appealId, String language) {
        return db.sql("SELECT * FROM appeal_revision WHERE appeal_id = :id AND language = :language ORDER BY number DESC")
                .param("id", appealId).param("language", language).query(Appeals::revision).list();
    }

    private static Appeal appeal(ResultSet rs, int row) throws SQLException {
        int goal = rs.getInt("goal");
        return new Appeal(rs.getLong("id"), rs.getString("slug"), rs.getString("default_language"),
                Appeal.State.valueOf(rs.getString("state")), rs.wasNull() ? null : goal, Timestamps.fromDb(rs, "created_at"));
    }

    private static Appeal.Revision revision(ResultSet rs, int row) throws SQLException {
        return new Appeal.Revision(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("language"), rs.getInt("number"),
                rs.getString("title"), rs.getString("body"), rs.getString("note"), Timestamps.fromDb(rs, "created_at"),
                rs.getString("created_by"));
    }
}
