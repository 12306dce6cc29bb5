package org.solidarityhub.updates;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.submissions.EmailKey;
import org.solidarityhub.platform.ExpiredLinkException;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.Tokens;
import org.solidarityhub.appeal.UpdatesAudience;
import org.solidarityhub.submissions.EmailedLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing on the news page with double opt-in, and unsubscribing. A request stores the subscription unconfirmed
 * and mails the link that confirms it, in one transaction; asking again for a confirmed address mails nothing (the
 * page says the same either way, so it tells nobody who subscribed). Unsubscribing is immediate and needs no
 * confirmation: the address is erased and only its hash kept, so that no audience mails it again. Nothing here
 * logs or audits an address.
 */
@Service
class Subscriptions {

    static final String SUBJECT = "news-subscriber";
    static final String CONFIRM = "CONFIRM";

    private final SubscriberStore store;
    private final EmailedLinks links;
    private final UpdateMails mails;
    private final Outbox outbox;
    private final UpdatesAudience signers;
    private final AuditLog audit;
    private final UpdatesProperties properties;
    private final Clock clock;

    Subscriptions(SubscriberStore store, EmailedLinks links, UpdateMails mails, Outbox outbox, UpdatesAudience signers,
                  AuditLog audit, UpdatesProperties properties, Clock clock) {
        this.store = store;
        this.links = links;
        this.mails = mails;
        this.outbox = outbox;
        this.signers = signers;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks for a subscription of a checked address in a language; mails the confirmation unless it is confirmed. */
    @Transactional
    void subscribe(String email, Locale language) {
        Instant now = clock.instant();
        String hash = EmailKey.hash(email);
        Optional<SubscriberStore.Subscriber> existing = store.byHash(hash);
        if (existing.isPresent() && existing.get().confirmedAt() != null) {
            return;
        }
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            store.renew(id, email, language.getLanguage(), now);
        } else {
            id = store.insert(email, hash, language.getLanguage(), Tokens.newToken(), now);
        }
        String token = links.issue(SUBJECT, id, CONFIRM, now.plus(properties.confirmationValidity()));
        mails.confirmation(email, language, token);
    }

    /** The subscription a confirmation link leads to (GET: changes nothing). */
    SubscriberStore.Subscriber toConfirm(String token) {
        return store.find(links.subject(token, SUBJECT, CONFIRM)).orElseThrow(ExpiredLinkException::new);
    }

    /** Confirms from the emailed link. */
    @Transactional
    void confirm(String token) {
        long id = links.use(token, SUBJECT, CONFIRM);
        if (store.confirm(id, clock.instant())) {
            audit.record("updates.subscribed", SUBJECT, id, null);
        }
    }

    /** Whether a token is a working unsubscribe link (GET: changes nothing); the one answer for any other. */
    void checkUnsubscribe(String token) {
        hashOf(token);
    }

    /**
     * Unsubscribes the address behind a token from every update, at once: the subscriber is erased with their mail in
     * the outbox, a signer's "send me updates" is cleared, and only the hash stays. Unsubscribing twice is fine.
     */
    @Transactional
    void unsubscribe(String token) {
        String hash = hashOf(token);
        store.byHash(hash).ifPresent(s -> {
            outbox.eraseMailTo(s.email());
            links.revokeAll(SUBJECT, s.id());
        });
        store.unsubscribe(hash, clock.instant());
        signers.stopUpdates(hash);
    }

    private String hashOf(String token) {
        if (token == null || token.length() < 16 || token.length() > 64) {
            throw new ExpiredLinkException();
        }
        return store.hashOfToken(token).orElseThrow(ExpiredLinkException::new);
    }
}
