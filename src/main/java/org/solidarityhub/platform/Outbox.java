package org.solidarityhub.platform;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail to be sent. A feature calls {@link #enqueue} inside the transaction of the change that causes the
 * mail, so either both are stored or neither is; {@code OutboxSender} delivers it, with retries, starting
 * within a second of the commit. Mail is {@link Priority#TRANSACTIONAL} unless queued as
 * {@link Priority#BULK}: transactional mail always leaves first. Recipients never appear in logs.
 */
@Service
public class Outbox {

    /** One mail in the outbox, as admins see it. */
    public record Mail(long id, String recipient, String subject, String body, Instant createdAt, int attempts,
                       Instant nextAttemptAt, Instant sentAt, Instant failedAt, String lastError) {

        public String status() {
            return sentAt != null ? "SENT" : failedAt != null ? "FAILED" : "PENDING";
        }
    }

    /**
     * Which mail goes first. Transactional mail answers someone's action and is waited for (confirmation
     * links, staff sign-in, invitations): it always goes before bulk mail (newsletters to supporters), so a
     * newsletter of a hundred thousand never delays a confirmation.
     */
    public enum Priority {
        TRANSACTIONAL, BULK
    }

    static final int SUBJECT_LIMIT = 300;

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final OutboxSignal signal;

    Outbox(JdbcClient db, NamedParameterJdbcTemplate batch, Clock clock, OutboxSignal signal) {
        this.db = db;
        this.batch = batch;
        this.clock = clock;
        this.signal = signal;
    }

    /** A mail to queue; {@code listUnsubscribe}, when set, is the one-click unsubscribe address of a list's mail. */
    public record Message(String recipient, String subject, String body, @org.jspecify.annotations.Nullable String listUnsubscribe) {

        public Message(String recipient, String subject, String body) {
            this(recipient, subject, body, null);
        }
    }

    /** How far the mails of one bulk group have got: queued in all, sent, given up (the rest wait or are retried). */
    public record BulkProgress(long queued, long sent, long failed) {
    }

    /** Queues a plain-text transactional mail. Must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(String recipient, String subject, String body) {
        return enqueue(recipient, subject, body, Priority.TRANSACTIONAL);
    }

    /** Queues a plain-text mail of the given priority. Must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(String recipient, String subject, String body, Priority priority) {
        return enqueue(new Message(recipient, subject, body), priority);
    }

    /**
     * Queues one mail of the given priority; with {@code listUnsubscribe} set it carries the one-click unsubscribe
     * headers (RFC 8058). Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(Message mail, Priority priority) {
        Message message = checked(mail);
        KeyHolder key = new GeneratedKeyHolder();
        db.sql(INSERT)
                .paramSource(row(message, priority, Timestamps.toDb(clock.instant())))
                .update(key, "id");
        signal.queued();
        return key.getKeyAs(Number.class).longValue();
    }

    /** Queues several transactional mails in one batch of statements. Must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(List<Message> messages) {
        enqueueAll(messages, Priority.TRANSACTIONAL);
    }

    /**
     * Queues several mails of the given priority in one batch of statements (a newsletter: {@link Priority#BULK}).
     * Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(List<Message> messages, Priority priority) {
        Object now = Timestamps.toDb(clock.instant());
        SqlParameterSource[] rows = messages.stream().map(Outbox::checked).map(m -> row(m, priority, now))
                .toArray(SqlParameterSource[]::new);
        if (rows.length > 0) {
            batch.batchUpdate(INSERT, rows);
            signal.queued();
        }
    }

    private static final String INSERT = """
            INSERT INTO mail_outbox (recipient, subject, body, created_at, attempts, next_attempt_at, priority, domain,
                                     list_unsubscribe)
            VALUES (:recipient, :subject, :body, :now, 0, :now, :priority, :domain, :listUnsubscribe)""";

    private static SqlParameterSource row(Message message, Priority priority, Object now) {
        return new MapSqlParameterSource().addValue("recipient", message.recipient()).addValue("subject", message.subject())
                .addValue("body", message.body()).addValue("now", now).addValue("priority", priority.ordinal())
                .addValue("domain", domain(message.recipient())).addValue("listUnsubscribe", message.listUnsubscribe());
    }

    /**
     * Queues the mails a feature's query selects, in one {@code INSERT ... SELECT}: a list of any size is queued
     * without passing through the application's memory. The query (over the feature's own tables) names the
     * columns {@code recipient} (a checked address), {@code subject} (one line, at most {@link #SUBJECT_LIMIT}
     * characters), {@code body}, {@code list_unsubscribe} (or NULL), {@code bulk_group} (at most 60 characters: the
     * list, e.g. {@code "news-update:42"}) and {@code bulk_item} (the recipient within it). A mail whose group and
     * item are queued already is left out, so queuing the same rows again (after a crash, by a second instance)
     * never mails anyone twice. Must run inside the caller's transaction.
     *
     * @return how many mails were queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueSelected(String select, java.util.Map<String, ?> parameters, Priority priority) {
        MapSqlParameterSource params = new MapSqlParameterSource(parameters)
                .addValue("outboxNow", Timestamps.toDb(clock.instant())).addValue("outboxPriority", priority.ordinal());
        int queued = batch.update("""
                INSERT INTO mail_outbox (recipient, subject, body, created_at, attempts, next_attempt_at, priority, domain,
                                         list_unsubscribe, bulk_group, bulk_item)
                SELECT s.recipient, s.subject, s.body, :outboxNow, 0, :outboxNow, :outboxPriority,
                       LOWER(SUBSTRING(s.recipient FROM POSITION('@' IN s.recipient) + 1)), s.list_unsubscribe,
                       s.bulk_group, s.bulk_item
                FROM (""" + select + """
                ) s
                WHERE NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.bulk_group = s.bulk_group AND m.bulk_item = s.bulk_item)""",
                params);
        if (queued > 0) {
            signal.queued();
        }
        return queued;
    }

    /** How far the mails queued in a bulk group have got (one indexed query). */
    public BulkProgress bulkProgress(String group) {
        return db.sql("""
                        SELECT COUNT(*) AS queued, COUNT(sent_at) AS sent, COUNT(failed_at) AS failed
                        FROM mail_outbox WHERE bulk_group = :group""")
                .param("group", group)
                .query((rs, row) -> new BulkProgress(rs.getLong("queued"), rs.getLong("sent"), rs.getLong("failed")))
                .single();
    }

    /** The recipient's domain in lower case, for the limits per domain ('' without one). */
    static String domain(String recipient) {
        int at = recipient.lastIndexOf('@');
        return at < 0 ? "" : recipient.substring(at + 1).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The recipient trimmed and the subject on one line, cut to the column's size; refuses a mail without recipient. */
    private static Message checked(Message message) {
        String recipient = message.recipient();
        if (recipient == null || recipient.isBlank() || recipient.length() > 254) {
            throw new IllegalArgumentException("a mail needs a recipient of at most 254 characters");
        }
        String oneLineSubject = message.subject().replaceAll("[\\r\\n]+", " ").strip();
        if (oneLineSubject.length() > SUBJECT_LIMIT) {
            // never between the two halves of a surrogate pair (an emoji, a flag): half of one is no text
            int end = Character.isHighSurrogate(oneLineSubject.charAt(SUBJECT_LIMIT - 1)) ? SUBJECT_LIMIT - 1 : SUBJECT_LIMIT;
            oneLineSubject = oneLineSubject.substring(0, end).strip();
        }
        return new Message(recipient.strip(), oneLineSubject, message.body(), message.listUnsubscribe());
    }

    /**
     * Erases every mail to an address, sent or not: a person who withdraws must not
     * stay in the outbox, readable by admins and still sent. Runs in the caller's transaction if there is one,
     * so the mails go with the change that erases the person. Nothing happens for {@code null}.
     *
     * @return how many mails were erased
     */
    @Transactional
    public int eraseMailTo(String address) {
        if (address == null || address.isBlank()) {
            return 0;
        }
        return db.sql("DELETE FROM mail_outbox WHERE recipient = :recipient")
                .param("recipient", address.strip()).update();
    }

    /** The newest mails first, for the admins' outbox page. */
    public List<Mail> recent(int limit, int offset) {
        return db.sql("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset)
                .query(Outbox::map).list();
    }

    public Optional<Mail> find(long id) {
        return db.sql("SELECT * FROM mail_outbox WHERE id = :id").param("id", id).query(Outbox::map).optional();
    }

    /** Mails to one address, newest first (for staff and tests that follow an email flow). */
    public List<Mail> to(String recipient) {
        return db.sql("SELECT * FROM mail_outbox WHERE recipient = :recipient ORDER BY id DESC")
                .param("recipient", recipient).query(Outbox::map).list();
    }

    static Mail map(ResultSet rs, int row) throws SQLException {
        return new Mail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                Timestamps.fromDb(rs, "created_at"), rs.getInt("attempts"), Timestamps.fromDb(rs, "next_attempt_at"),
                Timestamps.fromDb(rs, "sent_at"), Timestamps.fromDb(rs, "failed_at"), rs.getString("last_error"));
    }
}
