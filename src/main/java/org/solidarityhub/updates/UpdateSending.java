package org.solidarityhub.updates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.appeal.UpdatesAudience;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.news.NewsPosts;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.submissions.EmailKey;
import org.solidarityhub.platform.MailRecipient;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.StaffActor;
import org.solidarityhub.platform.Tokens;
import org.solidarityhub.staff.StaffDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What an editor does: sends a post to their own address first (every language it has), then to an audience. The
 * real send freezes the post's mail per language and materializes the recipients in one transaction (subscribers in
 * one {@code INSERT ... SELECT}; signers and organizers read in batches from their feature), then
 * {@link UpdateQueue} puts them into the outbox chunk by chunk, also after a restart.
 */
@Service
class UpdateSending {

    /** Why a send was refused: a message key for the editor. */
    static final class Refused extends RuntimeException {

        final String key;

        Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    private final NewsPosts posts;
    private final UpdateStore store;
    private final UpdateMails mails;
    private final UpdateQueue queue;
    private final UpdatesAudience signers;
    private final EventDirectory events;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final AuditLog audit;
    private final UpdatesProperties properties;
    private final Clock clock;

    UpdateSending(NewsPosts posts, UpdateStore store, UpdateMails mails, UpdateQueue queue, UpdatesAudience signers,
                  EventDirectory events, StaffDirectory staff, Outbox outbox, AuditLog audit, UpdatesProperties properties,
                  Clock clock) {
        this.posts = posts;
        this.store = store;
        this.mails = mails;
        this.queue = queue;
        this.signers = signers;
        this.events = events;
        this.staff = staff;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The post to send, or refused as unknown. */
    NewsPosts.PostForUpdate post(long postId) {
        return posts.forUpdate(postId).orElseThrow(() -> new Refused("updates.error.noPost"));
    }

    /** Mails the post to the editor, once per language it has (transactional: it is waited for), with working headers. */
    @Transactional
    int testSend(long postId, StaffActor editor) {
        NewsPosts.PostForUpdate post = post(postId);
        String address = staff.email(editor.id()).orElseThrow(() -> new Refused("updates.error.noAddress"));
        for (String language : post.texts().keySet()) {
            UpdateMails.Text text = mails.text(post, language);
            // a token that unsubscribes nobody: the link shows the page every unknown link gets
            String token = Tokens.newToken();
            outbox.enqueue(new Outbox.Message(address, "[TEST] " + text.subject(), text.body(token),
                    text.unsubscribeBase() + token), Outbox.Priority.TRANSACTIONAL);
        }
        store.testSent(postId, editor.id(), clock.instant());
        audit.record(editor, "updates.tested", "news-post", postId, "languages=" + post.texts().keySet());
        return post.texts().size();
    }

    /**
     * Sends a published post to an audience: refused without a recent test send by this editor, or when the post
     * went to that audience already. Returns the update's id; queuing starts after the commit.
     */
    @Transactional
    long send(long postId, Audience audience, @Nullable Long audienceId, StaffActor editor) {
        NewsPosts.PostForUpdate post = post(postId);
        if (!post.published()) {
            throw new Refused("updates.error.notPublished");
        }
        Instant now = clock.instant();
        Optional<Instant> tested = store.lastTest(postId, editor.id());
        if (tested.isEmpty() || tested.get().isBefore(now.minus(properties.testSendValidity()))) {
            throw new Refused("updates.error.testFirst");
        }
        checkAudience(audience, audienceId);
        if (store.alreadySent(postId, audience, audienceId)) {
            throw new Refused("updates.error.alreadySent");
        }
        String original = post.originalLanguage();
        long id = store.insert(postId, post.textFor(original).title(), audience, audienceId, original, editor.id(), now);
        Set<String> languages = new LinkedHashSet<>(post.texts().keySet());
        for (String language : languages) {
            store.insertText(id, mails.text(post, language));
        }
        switch (audience) {
            case SUBSCRIBERS -> store.materializeSubscribers(id, languages, original);
            case APPEAL -> signers.forEachSigner(audienceId, properties.readBatch(), batch -> materialize(id, batch, languages, original));
            case CAMPAIGN -> events.forEachOrganizer(audienceId, properties.readBatch(), batch -> materialize(id, batch, languages, original));
        }
        store.counted(id);
        audit.record(editor, "updates.sent", "news-update", id, "post " + postId + " to " + audience
                + (audienceId == null ? "" : " " + audienceId));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queue.soon(id);
            }
        });
        return id;
    }

    private void checkAudience(Audience audience, @Nullable Long audienceId) {
        boolean known = switch (audience) {
            case SUBSCRIBERS -> audienceId == null;
            case APPEAL -> audienceId != null && signers.exists(audienceId);
            case CAMPAIGN -> audienceId != null && events.campaign(audienceId, java.util.Locale.ENGLISH).isPresent();
        };
        if (!known) {
            throw new Refused("updates.error.audience");
        }
    }

    private void materialize(long updateId, List<MailRecipient> batch, Set<String> languages, String original) {
        List<UpdateStore.NewRecipient> rows = new ArrayList<>(batch.size());
        for (MailRecipient r : batch) {
            String language = r.language() != null && languages.contains(r.language()) ? r.language() : original;
            rows.add(new UpdateStore.NewRecipient(r, EmailKey.hash(r.address()), language, Tokens.newToken()));
        }
        store.materialize(updateId, rows);
    }
}
