package org.solidarityhub.platform;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named versions of public content ("appeal:3"), for pages whose version no cheap query can tell otherwise:
 * every change raises the version in its own transaction ({@link #changed}), and {@link #read} is one query by
 * primary key, which {@link PublicPages} memoizes for {@code app.pages.version-memo}. Shared by every instance
 * through the database (table {@code content_version}).
 */
@Component
public class ContentVersions {

    private final JdbcClient db;
    private final Clock clock;

    ContentVersions(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Raises the version of {@code name}; call it in the transaction that changes what its pages show. */
    public void changed(String name) {
        var now = Timestamps.toDb(clock.instant());
        db.sql("INSERT INTO content_version (name, version, changed_at) VALUES (:name, 0, :now) ON CONFLICT DO NOTHING")
                .param("name", name).param("now", now).update();
        db.sql("UPDATE content_version SET version = version + 1, changed_at = :now WHERE name = :name")
                .param("name", name).param("now", now).update();
    }

    /** The current version of {@code name} (version 0 without a time while nothing has changed). */
    public PageVersion read(String name) {
        return db.sql("SELECT version, changed_at FROM content_version WHERE name = :name").param("name", name)
                .query((rs, n) -> new PageVersion(Long.toString(rs.getLong("version")), Timestamps.fromDb(rs, "changed_at")))
                .optional().orElse(new PageVersion("0", null));
    }
}
