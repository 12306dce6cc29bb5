package org.solidarityhub.appeal;

import org.solidarityhub.submissions.EmailKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.GroupCommit;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.Guard;
import org.solidarityhub.submissions.OverLimit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing. A new signature is stored pending, with its links and its confirmation mail in the outbox, in one
 * transaction that commits before the signer is told it was received. Signing again with the same address
 * looks exactly the same to the person submitting: the owner of the address gets the confirmation again
 * (while pending) or a reminder with the withdrawal link (once confirmed), at most
 * {@code appeal.max-mails-per-signature} mails in all. Signatures over the per-address limit are stored all
 * the same, flagged ({@link OverLimit#FLAG}), and not counted until staff release them.
 */
@Service
class Signing {

    private final AppealStore store;
    private final EmailedLinks links;
    private final SigningMails mails;
    private final Guard guard;
    private final Guard.Policy perAddress;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Outbox outbox;
    private final Organizations organizations;
    private final Countries countries;
    private final AppealProperties properties;
    private final Appeals appeals;
    private final GroupCommit<NewSigner> newSigners;

    Signing(Appeals appeals, AppealStore store, EmailedLinks links, SigningMails mails, Guard guard,
            TransactionTemplate transaction, Clock clock, Outbox outbox, Organizations organizations, Countries countries,
            AppealProperties properties) {
        this.appeals = appeals;
        this.store = store;
        this.links = links;
        this.mails = mails;
        this.guard = guard;
        this.transaction = transaction;
        this.clock = clock;
        this.outbox = outbox;
        this.organizations = organizations;
        this.countries = countries;
        this.properties = properties;
        this.perAddress = Guard.Policy.flag(new RateLimits.Limit("appeal-signatures",
                RateLimits.Limit.per(properties.burstPerMinute(), Duration.ofMinutes(1)),
                RateLimits.Limit.per(properties.sustainedPerFiveMinutes(), Duration.ofMinutes(5))));
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

    /** Stores a valid request (see {@link SignRequest#problems}), flagged when its address is over the limit. */
    void sign(Appeal appeal, Appeal.Revision revision, SignRequest request, @Nullable String ip, Locale language) {
        sign(appeal, revision, request, ip, language, null);
    }

    /**
     * As {@link #sign(Appeal, Appeal.Revision, SignRequest, String, Locale)}, made in the widget of a partner
     * ({@link Partners}): a new signature names it. An address that signed before keeps what it had.
     */
    void sign(Appeal appeal, Appeal.Revision revision, SignRequest request, @Nullable String ip, Locale language,
              @Nullable Long partnerId) {
        guard.check(perAddress, ip);
        boolean flagged = guard.count(perAddress, ip);
        // the common case at a peak, a new individual signer, is committed together with others arriving now
        if (request.kind() == SignRequest.Kind.INDIVIDUAL && newSigners.submit(
                new NewSigner(appeal, revision, request, ip, language, flagged, partnerId), 60, TimeUnit.SECONDS)) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> store(appeal, revision, request, ip, language, flagged, partnerId));
        } catch (DuplicateKeyException raced) {
            // H2 may refuse a parallel insert of the same address instead of waiting for it: try once more
            transaction.executeWithoutResult(status -> store(appeal, revision, request, ip, language, flagged, partnerId));
        }
    }

    private void store(Appeal appeal, Appeal.Revision revision, SignRequest request, @Nullable String ip, Locale language,
                       boolean flagged, @Nullable Long partnerId) {
        // twice at most: the signature that blocked the insert may be withdrawn in the instant before it is read
        for (int attempt = 0; attempt < 2; attempt++) {
            if (storeOnce(appeal, revision, request, ip, language, flagged, partnerId)) {
                return;
            }
        }
        throw new IllegalStateException("a signature was withdrawn and re-added while signing");
    }

    /** Inserts a new signature or handles the existing one; false when neither was possible. */
    private boolean storeOnce(Appeal appeal, Appeal.Revision revision, SignRequest request, @Nullable String ip,
                              Locale language, boolean flagged, @Nullable Long partnerId) {
        String keyHash = EmailKey.hash(request.email());
        String country = countries.normalize(request.country()).orElseThrow();
        Long organizationId = null;
        if (request.kind() == SignRequest.Kind.ORGANIZATION) {
            organizationId = organizations.findOrCreate(request.organizationName(), country,
                    SignRequest.clean(request.organizationWebsite())).id();
        }
        // a new signer is stored in one statement; an address that signed before inserts nothing
        Optional<Long> inserted = store.insert(store.signatureRow(appeal, revision, request, keyHash, country,
                organizationId, ip, flagged, partnerId));
        if (inserted.isPresent()) {
            NewLinks created = newLinks(inserted.get(), request.email().strip(), language, revision.title());
            links.store(created.links());
            outbox.enqueue(created.mail().recipient(), created.mail().subject(), created.mail().body());
            return true;
        }
        Optional<AppealStore.Existing> existing = store.existingForUpdate(appeal.id(), keyHash);
        // mail goes to the address stored first, never to the variant typed now
        existing.ifPresent(e -> repeat(appeal, e, language));
        return existing.isPresent();
    }

    private void repeat(Appeal appeal, AppealStore.Existing existing, Locale language) {
        if (existing.mailsSent() >= properties.maxMailsPerSignature()) {
            return;
        }
        String title = appeals.currentFor(appeal, language).title();
        Outbox.Message mail;
        switch (existing.status()) {
            case "PENDING" -> {
                NewLinks created = newLinks(existing.id(), existing.email(), language, title);
                links.store(created.links());
                mail = created.mail();
            }
            case "CONFIRMED" -> mail = mails.reminder(existing.email(), language, title, appeal.slug(),
                    links.issue(SignatureLinks.SUBJECT, existing.id(), SignatureLinks.WITHDRAW, null));
            default -> {
                return; // invalidated: nothing to say
            }
        }
        outbox.enqueue(mail.recipient(), mail.subject(), mail.body());
        store.countMail(existing.id());
    }

    /** The confirmation and withdrawal links of a signature (to store) and the mail that carries them. */
    private record NewLinks(List<EmailedLinks.NewLink> links, Outbox.Message mail) {
    }

    private NewLinks newLinks(long signatureId, String email, Locale language, String title) {
        Instant expires = clock.instant().plus(properties.confirmationValidity());
        EmailedLinks.NewLink confirm = links.create(SignatureLinks.SUBJECT, signatureId, SignatureLinks.CONFIRM, expires, null);
        EmailedLinks.NewLink withdraw = links.create(SignatureLinks.SUBJECT, signatureId, SignatureLinks.WITHDRAW, null, null);
        return new NewLinks(List.of(confirm, withdraw),
                mails.confirmation(email, language, title, confirm.token(), withdraw.token()));
    }

    /** A new individual signer waiting to be stored with others. */
    private record NewSigner(Appeal appeal, Appeal.Revision revision, SignRequest request, @Nullable String ip,
                             Locale language, boolean flagged, @Nullable Long partnerId) {
    }

    /**
     * Stores new individual signers in one transaction: their rows, links and confirmation mails, each kind in
     * one batched statement. A signer whose address signed before is left out (false), for the one-by-one
     * path that answers a repeat.
     */
    private boolean[] storeNewSigners(List<NewSigner> signers) {
        return transaction.execute(status -> {
            SqlParameterSource[] rows = signers.stream()
                    .map(s -> store.signatureRow(s.appeal(), s.revision(), s.request(), EmailKey.hash(s.request().email()),
                            countries.normalize(s.request().country()).orElseThrow(), null, s.ip(), s.flagged(), s.partnerId()))
                    .toArray(SqlParameterSource[]::new);
            AppealStore.Inserted inserted = store.insertAll(rows);
            int[] counts = inserted.counts();
            List<Map<String, Object>> ids = inserted.keys();
            boolean[] stored = new boolean[signers.size()];
            List<EmailedLinks.NewLink> newLinks = new ArrayList<>();
            List<Outbox.Message> confirmations = new ArrayList<>();
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
                NewLinks created = newLinks(id, signer.request().email().strip(), signer.language(), signer.revision().title());
                newLinks.addAll(created.links());
                confirmations.add(created.mail());
                stored[i] = true;
            }
            if (next != ids.size()) {
                throw new IllegalStateException("more keys than inserted signatures in a batch");
            }
            links.store(newLinks);
            outbox.enqueueAll(confirmations);
            return stored;
        });
    }
}
