package org.solidarityhub.submissions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.ExpiredLinkException;
import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.platform.Tokens;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The links a feature mails to the person behind a submission: to confirm it, withdraw it, manage it. One
 * table for all ({@code emailed_link}): a link names its subject (type and id) and its purpose; only the hash
 * of its 256-bit token is stored. A link that is forged, expired, used up or meant for something else is
 * answered the same way: {@link ExpiredLinkException} (404, "this link is unknown, was already used or has
 * expired"), so a guesser learns nothing.
 *
 * <p>Pages behind a link act only on POST: the GET page shows what will happen and a button, so mail scanners
 * that open every link change nothing.
 */
@Component
public class EmailedLinks {

    /** A link to mail: its token (never stored) and the row to store for it. */
    public record NewLink(String token, String subjectType, long subjectId, String purpose, @Nullable Instant expiresAt,
                          @Nullable Integer maxUses) {
    }

    private static final String INSERT = """
            INSERT INTO emailed_link (token_hash, subject_type, subject_id, purpose, expires_at, max_uses, uses, created_at)
            VALUES (:hash, :type, :subject, :purpose, :expires, :maxUses, 0, :now)""";

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;

    EmailedLinks(JdbcClient db, NamedParameterJdbcTemplate batch, Clock clock) {
        this.db = db;
        this.batch = batch;
        this.clock = clock;
    }

    /** A new link (not yet stored: see {@link #store}). */
    public NewLink create(String subjectType, long subjectId, String purpose, @Nullable Instant expiresAt,
                          @Nullable Integer maxUses) {
        return new NewLink(Tokens.newToken(), subjectType, subjectId, purpose, expiresAt, maxUses);
    }

    /** Stores a new link and returns its token, to be mailed. */
    public String issue(String subjectType, long subjectId, String purpose, @Nullable Instant expiresAt) {
        NewLink link = create(subjectType, subjectId, purpose, expiresAt, null);
        store(List.of(link));
        return link.token();
    }

    /** Stores links in one batched statement (the links of a whole group commit at once). */
    public void store(List<NewLink> links) {
        if (links.size() == 1) {
            db.sql(INSERT).paramSource(row(links.getFirst())).update();
        } else if (!links.isEmpty()) {
            batch.batchUpdate(INSERT, links.stream().map(this::row).toArray(SqlParameterSource[]::new));
        }
    }

    private SqlParameterSource row(NewLink link) {
        return new MapSqlParameterSource().addValue("hash", Tokens.hash(link.token()))
                .addValue("type", link.subjectType()).addValue("subject", link.subjectId())
                .addValue("purpose", link.purpose()).addValue("expires", Timestamps.toDb(link.expiresAt()))
                .addValue("maxUses", link.maxUses()).addValue("now", Timestamps.toDb(clock.instant()));
    }

    /** The subject a token leads to, if it is a valid link of that type and purpose (not expired, not used up). */
    public Optional<Long> find(@Nullable String token, String subjectType, String purpose) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return db.sql("""
                        SELECT subject_id FROM emailed_link
                        WHERE token_hash = :hash AND subject_type = :type AND purpose = :purpose
                          AND (expires_at IS NULL OR expires_at > :now) AND (max_uses IS NULL OR uses < max_uses)""")
                .param("hash", Tokens.hash(token)).param("type", subjectType).param("purpose", purpose)
                .param("now", Timestamps.toDb(clock.instant()))
                .query(Long.class).optional();
    }

    /** As {@link #find}, or the one answer for every link that does not work. */
    public long subject(@Nullable String token, String subjectType, String purpose) {
        return find(token, subjectType, purpose).orElseThrow(ExpiredLinkException::new);
    }

    /**
     * Counts a use of a link by the POST that acts on it, and returns its subject; a link used up (by this
     * or a concurrent request) or invalid otherwise gets the one answer.
     */
    public long use(@Nullable String token, String subjectType, String purpose) {
        long subject = subject(token, subjectType, purpose);
        int counted = db.sql("""
                        UPDATE emailed_link SET uses = uses + 1, used_at = COALESCE(used_at, :now)
                        WHERE token_hash = :hash AND (max_uses IS NULL OR uses < max_uses)""")
                .param("hash", Tokens.hash(token)).param("now", Timestamps.toDb(clock.instant())).update();
        if (counted != 1) {
            throw new ExpiredLinkException();
        }
        return subject;
    }

    /** Ends every link of a subject (withdrawn, deleted, erased). */
    public int revokeAll(String subjectType, long subjectId) {
        return db.sql("DELETE FROM emailed_link WHERE subject_type = :type AND subject_id = :id")
                .param("type", subjectType).param("id", subjectId).update();
    }

    /** Ends the links of a subject that serve one purpose (replaced by a new link mailed in their place). */
    public int revokeAll(String subjectType, long subjectId, String purpose) {
        return db.sql("DELETE FROM emailed_link WHERE subject_type = :type AND subject_id = :id AND purpose = :purpose")
                .param("type", subjectType).param("id", subjectId).param("purpose", purpose).update();
    }

    /** Ends every link of many subjects of one type (erased by a retention rule). */
    public int revokeAll(String subjectType, List<Long> subjectIds) {
        int revoked = 0;
        for (int from = 0; from < subjectIds.size(); from += 1_000) {
            revoked += db.sql("DELETE FROM emailed_link WHERE subject_type = :type AND subject_id IN (:ids)")
                    .param("type", subjectType).param("ids", subjectIds.subList(from, Math.min(subjectIds.size(), from + 1_000)))
                    .update();
        }
        return revoked;
    }

    /** Deletes links that expired before the given instant; returns how many. */
    int eraseExpired(Instant now) {
        return db.sql("DELETE FROM emailed_link WHERE expires_at IS NOT NULL AND expires_at < :now")
                .param("now", Timestamps.toDb(now)).update();
    }
}
