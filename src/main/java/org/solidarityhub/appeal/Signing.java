package org.solidarityhub.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.GroupCommit;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.platform.Tokens;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing, double opt-in and withdrawal. A new signature is stored pending, with its confirmation mail in
 * the outbox, in one transaction that commits before the signer is told it was received. Signing again with
 * the same address looks exactly the same to the person submitting: the owner of the address gets the
 * confirmation again (while pending) or a reminder with the withdrawal link (once confirmed), at most
 * {@code appeal.max-mails-per-signature} mails in all.
 */
@Service
class Signing {

    enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, GONE }

    /** What a confirmation or withdrawal page shows about the signature behind a link. */
    record LinkTarget(long signatureId, long appealId, String status, String kind, String country) {
    }

    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Outbox outbox;
    private final Organizations organizations;
    private final Countries countries;
    private final RateLimits rateLimits;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final AppealProperties properties;
    private final ApplicationEventPublisher events;
    private final RateLimits.Limit perAddress;
    private final Appeals appeals;
    private final NamedParameterJdbcTemplate batch;
    private final GroupCommit<NewSigner> newSigners;

    Signing(Appeals appeals, JdbcClient db, NamedParameterJdbcTemplate batch, TransactionTemplate transaction, Clock clock, Outbox outbox, Organizations organizations,
            Countries countries, RateLimits rateLimits, MessageSource messages, PlatformProperties platform,
            AppealProperties properties, ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.db = db;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock;
        this.outbox = outbox;
        this.organizations = organizations;
        this.countries = countries;
        this.rateLimits = rateLimits;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
        this.events = events;
        this.perAddress = new RateLimits.Limit("appeal-signatures",
                RateLimits.Limit.per(properties.burstPerMinute(), java.time.Duration.ofMinutes(1)),
                RateLimits.Limit.per(properties.sustainedPerFiveMinutes(), java.time.Duration.ofMinutes(5)));
        this.newSigners = new GroupCommit<>("signatures", properties.groupCommitWriters(), properties.groupCommitBatch(),
                this::storeNewSigners);
    }

    /** New signers stored by group commit so far (the others took the one-by-one path). */
    long signersStoredTogether() {
        return newSigners.storedTogether();
    }

    @PreDestroy
    void stopWriters() {
        newSigners.close();
    }

    /**
     * Stores a valid request (see {@link SignRequest#problems}). Signatures over the per-address limit are
     * stored all the same, flagged, and not counted until staff release them.
     */
    void sign(Appeal appeal, Appeal.Revision revision, SignRequest request, String ip, Locale language) {
        boolean withinLimit = rateLimits.tryAcquire(perAddress, ip == null ? "unknown" : ip);
        // the common case at a peak, a new individual signer, is committed together with others arriving now
        if (request.kind() == SignRequest.Kind.INDIVIDUAL
                && newSigners.submit(new NewSigner(appeal, revision, request, ip, language, !withinLimit), 60, TimeUnit.SECONDS)) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> store(appeal, revision, request, ip, language, !withinLimit));
        } catch (DuplicateKeyException raced) {
            // H2 may refuse a parallel insert of the same address instead of waiting for it: try once more
            transaction.executeWithoutResult(status -> store(appeal, revision, request, ip, language, !withinLimit));
        }
    }

    private void store(Appeal appeal, Appeal.Revision revision, SignRequest request, String ip, Locale language,
                       boolean flagged) {
        // twice at most: the signature that blocked the insert may be withdrawn in the instant before it is read
        for (int attempt = 0; attempt < 2; attempt++) {
            if (storeOnce(appeal, revision, request, ip, language, flagged)) {
                return;
            }
        }
        throw new IllegalStateException("a signature was withdrawn and re-added while signing");
    }

    /** Inserts a new signature or handles the existing one; false when neither was possible. */
    private boolean storeOnce(Appeal appeal, Appeal.Revision revision, SignRequest request, String ip, Locale language,
                              boolean flagged) {
        String keyHash = EmailKey.hash(request.email());
        String country = countries.normalize(request.country()).orElseThrow();
        Long organizationId = null;
        if (request.kind() == SignRequest.Kind.ORGANIZATION) {
            organizationId = organizations.findOrCreate(request.organizationName(), country,
                    SignRequest.clean(request.organizationWebsite())).id();
        }
        KeyHolder key = new GeneratedKeyHolder();
        // a new signer is stored in one statement; an address that signed before inserts nothing
        int inserted = db.sql(INSERT_SIGNATURE)
                .paramSource(signatureRow(appeal, revision, request, keyHash, country, organizationId, ip, flagged))
                .update(key, "id");
        if (inserted == 1) {
            sendConfirmation(key.getKeyAs(Number.class).longValue(), request.email().strip(), language, revision.title());
            return true;
        }
        Optional<Existing> existing = db.sql("""
                        SELECT id, status, mails_sent, email FROM signature
                        WHERE appeal_id = :appeal AND email_key_hash = :key FOR UPDATE""")
                .param("appeal", appeal.id()).param("key", keyHash)
                .query((rs, row) -> new Existing(rs.getLong("id"), rs.getString("status"), rs.getInt("mails_sent"),
                        rs.getString("email")))
                .optional();
        // mail goes to the address stored first, never to the variant typed now
        existing.ifPresent(e -> repeat(appeal, e, e.email(), language));
        return existing.isPresent();
    }

    private record Existing(long id, String status, int mailsSent, String email) {
    }

    private void repeat(Appeal appeal, Existing existing, String email, Locale language) {
        if (existing.mailsSent() >= properties.maxMailsPerSignature()) {
            return;
        }
        switch (existing.status()) {
            case "PENDING" -> sendConfirmation(existing.id(), email, language, title(appeal, language));
            case "CONFIRMED" -> sendReminder(appeal, existing.id(), email, language);
            default -> {
                return; // invalidated: nothing to say
            }
        }
        db.sql("UPDATE signature SET mails_sent = mails_sent + 1 WHERE id = :id").param("id", existing.id()).update();
    }

    private void sendConfirmation(long signatureId, String email, Locale language, String title) {
        NewLinks links = newLinks(signatureId, email, language, title);
        db.sql(INSERT_LINKS).paramSource(links.tokens()).update();
        Outbox.Message mail = links.mail();
        outbox.enqueue(mail.recipient(), mail.subject(), mail.body());
    }

    /** The confirmation and withdrawal links of a new signature (their hashes to store) and the mail with them. */
    private record NewLinks(SqlParameterSource tokens, Outbox.Message mail) {
    }

    private static final String INSERT_LINKS = """
            INSERT INTO signature_token (token_hash, signature_id, purpose, expires_at)
            VALUES (:confirm, :id, 'CONFIRM', :expires), (:withdraw, :id, 'WITHDRAW', NULL)""";

    private NewLinks newLinks(long signatureId, String email, Locale language, String title) {
        Instant expires = clock.instant().plus(properties.confirmationValidity());
        String confirm = Tokens.newToken();
        String withdraw = Tokens.newToken();
        SqlParameterSource tokens = new MapSqlParameterSource().addValue("confirm", Tokens.hash(confirm))
                .addValue("withdraw", Tokens.hash(withdraw)).addValue("id", signatureId)
                .addValue("expires", Timestamps.toDb(expires));
        return new NewLinks(tokens, new Outbox.Message(email,
                messages.getMessage("appeal.mail.confirm.subject", new Object[]{title}, language),
                messages.getMessage("appeal.mail.confirm.body", new Object[]{title,
                        platform.link("/appeal/confirm/" + confirm), properties.confirmationValidity().toDays(),
                        platform.link("/appeal/withdraw/" + withdraw)}, language)));
    }

    /** A new individual signer waiting to be stored with others. */
    private record NewSigner(Appeal appeal, Appeal.Revision revision, SignRequest request, String ip, Locale language,
                             boolean flagged) {
    }

    /**
     * Stores new individual signers in one transaction: their rows, links and confirmation mails, each kind in
     * one batch of statements. A signer whose address signed before is left out (false), for the one-by-one
     * path that answers a repeat.
     */
    private boolean[] storeNewSigners(List<NewSigner> signers) {
        return transaction.execute(status -> {
            SqlParameterSource[] rows = signers.stream()
                    .map(s -> signatureRow(s.appeal(), s.revision(), s.request(), EmailKey.hash(s.request().email()),
                            countries.normalize(s.request().country()).orElseThrow(), null, s.ip(), s.flagged()))
                    .toArray(SqlParameterSource[]::new);
            KeyHolder keys = new GeneratedKeyHolder();
            int[] counts = batch.batchUpdate(INSERT_SIGNATURE, rows, keys, new String[]{"id"});
            List<Map<String, Object>> ids = keys.getKeyList();
            boolean[] stored = new boolean[signers.size()];
            List<SqlParameterSource> tokens = new ArrayList<>();
            List<Outbox.Message> mails = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < signers.size(); i++) {
                if (counts[i] == 0) {
                    continue;
                }
                if (counts[i] != 1 || next >= ids.size()) {
                    // a driver that does not tell which rows it inserted: roll back, each goes its own way
                    throw new IllegalStateException("cannot tell which signatures of a batch were inserted");
                }
                long id = ((Number) ids.get(next++).values().iterator().next()).longValue();
                NewSigner signer = signers.get(i);
                NewLinks links = newLinks(id, signer.request().email().strip(), signer.language(), signer.revision().title());
                tokens.add(links.tokens());
                mails.add(links.mail());
                stored[i] = true;
            }
            if (next != ids.size()) {
                throw new IllegalStateException("more keys than inserted signatures in a batch");
            }
            if (!tokens.isEmpty()) {
                batch.batchUpdate(INSERT_LINKS, tokens.toArray(SqlParameterSource[]::new));
            }
            outbox.enqueueAll(mails);
            return stored;
        });
    }

    private static final String INSERT_SIGNATURE = """
            INSERT INTO signature (appeal_id, revision_id, language, kind, status, name, email, email_key_hash,
                country, city, display, organization_id, review, comment, comment_status, updates, flagged,
                mails_sent, ip_hex, counted, needs_count, state_version, created_at)
            VALUES (:appeal, :revision, :language, :kind, 'PENDING', :name, :email, :key,
                :country, :city, :display, :organization, :review, :comment, :commentStatus, :updates, :flagged,
                1, :ip, FALSE, FALSE, 0, :now)
            ON CONFLICT DO NOTHING""";

    private SqlParameterSource signatureRow(Appeal appeal, Appeal.Revision revision, SignRequest request, String keyHash,
                                            String country, Long organizationId, String ip, boolean flagged) {
        String comment = SignRequest.clean(request.comment());
        boolean individual = request.kind() == SignRequest.Kind.INDIVIDUAL;
        return new MapSqlParameterSource()
                .addValue("appeal", appeal.id())
                .addValue("revision", revision.id())
                .addValue("language", revision.language())
                .addValue("kind", request.kind().name())
                .addValue("name", request.name().strip())
                .addValue("email", request.email().strip())
                .addValue("key", keyHash)
                .addValue("country", country)
                .addValue("city", individual ? SignRequest.clean(request.city()) : null)
                .addValue("display", individual ? request.display().name() : "FULL_NAME")
                .addValue("organization", organizationId)
                .addValue("review", individual ? "NONE" : "PENDING")
                .addValue("comment", comment)
                .addValue("commentStatus", comment == null ? "NONE" : "PENDING")
                .addValue("updates", individual && request.updates())
                .addValue("flagged", flagged)
                .addValue("ip", ip == null ? null : IpAddresses.toHex(ip).orElse(null))
                .addValue("now", Timestamps.toDb(clock.instant()));
    }

    private void sendReminder(Appeal appeal, long signatureId, String email, Locale language) {
        String withdraw = token(signatureId, "WITHDRAW", null);
        String title = title(appeal, language);
        outbox.enqueue(email, messages.getMessage("appeal.mail.already.subject", new Object[]{title}, language),
                messages.getMessage("appeal.mail.already.body", new Object[]{title,
                        platform.link("/appeals/" + appeal.slug()), platform.link("/appeal/withdraw/" + withdraw)}, language));
    }

    private String title(Appeal appeal, Locale language) {
        return appeals.currentFor(appeal, language).title();
    }

    private String token(long signatureId, String purpose, Instant expires) {
        String token = Tokens.newToken();
        db.sql("INSERT INTO signature_token (token_hash, signature_id, purpose, expires_at) VALUES (:hash, :id, :purpose, :expires)")
                .param("hash", Tokens.hash(token)).param("id", signatureId).param("purpose", purpose)
                .param("expires", Timestamps.toDb(expires)).update();
        return token;
    }

    /** The signature a link leads to, if the link is valid for that purpose. */
    Optional<LinkTarget> target(String token, String purpose) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return db.sql("""
                        SELECT s.id, s.appeal_id, s.status, s.kind, s.country FROM signature_token t JOIN signature s ON s.id = t.signature_id
                        WHERE t.token_hash = :hash AND t.purpose = :purpose AND (t.expires_at IS NULL OR t.expires_at > :now)""")
                .param("hash", Tokens.hash(token)).param("purpose", purpose).param("now", Timestamps.toDb(clock.instant()))
                .query((rs, row) -> new LinkTarget(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("status"),
                        rs.getString("kind"), rs.getString("country")))
                .optional();
    }

    /** Confirms the signature behind a confirmation link (by a POST: mail scanners that open links do not confirm). */
    Confirmation confirm(LinkTarget signature) {
        // writes this one row only: the counts are brought up to date by the batch job
        int changed = db.sql("""
                        UPDATE signature SET status = 'CONFIRMED', confirmed_at = :now, needs_count = TRUE,
                            state_version = state_version + 1
                        WHERE id = :id AND status = 'PENDING'""")
                .param("now", Timestamps.toDb(clock.instant())).param("id", signature.signatureId()).update();
        if (changed == 1) {
            events.publishEvent(new SignatureConfirmed(signature.appealId(), signature.signatureId(), signature.kind(),
                    signature.country()));
            return Confirmation.CONFIRMED;
        }
        return "CONFIRMED".equals(signature.status()) ? Confirmation.ALREADY_CONFIRMED : Confirmation.GONE;
    }

    /** Withdraws the signature behind a withdrawal link: the personal data is erased and it leaves the counts. */
    boolean withdraw(LinkTarget signature) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            db.sql("SELECT email FROM signature WHERE id = :id AND status IN ('PENDING', 'CONFIRMED')").param("id", signature.signatureId()).query(String.class).list().forEach(outbox::eraseMailTo);
            int changed = db.sql("""
                            UPDATE signature SET status = 'WITHDRAWN', withdrawn_at = :now, name = NULL, email = NULL,
                                email_key_hash = NULL, city = NULL, comment = NULL, comment_status = 'NONE', updates = FALSE,
                                ip_hex = NULL, needs_count = TRUE, state_version = state_version + 1
                            WHERE id = :id AND status IN ('PENDING', 'CONFIRMED')""")
                    .param("now", Timestamps.toDb(clock.instant())).param("id", signature.signatureId()).update();
            db.sql("DELETE FROM signature_token WHERE signature_id = :id").param("id", signature.signatureId()).update();
            return changed == 1;
        }));
    }

    /**
     * Erases what is kept only for a while: IP addresses after {@code appeal.ip-retention}, signatures never
     * confirmed (with their personal data) after the confirmation validity, and expired links.
     */
    @Scheduled(cron = "0 23 * * * *")
    void eraseExpiredData() {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            db.sql("UPDATE signature SET ip_hex = NULL WHERE ip_hex IS NOT NULL AND created_at < :before")
                    .param("before", Timestamps.toDb(now.minus(properties.ipRetention()))).update();
            db.sql("DELETE FROM signature_token WHERE expires_at IS NOT NULL AND expires_at < :now")
                    .param("now", Timestamps.toDb(now)).update();
            db.sql("""
                            DELETE FROM signature_token WHERE signature_id IN
                              (SELECT id FROM signature WHERE status = 'PENDING' AND created_at < :before)""")
                    .param("before", Timestamps.toDb(now.minus(properties.confirmationValidity()))).update();
            db.sql("DELETE FROM signature WHERE status = 'PENDING' AND created_at < :before")
                    .param("before", Timestamps.toDb(now.minus(properties.confirmationValidity()))).update();
        });
    }
}
