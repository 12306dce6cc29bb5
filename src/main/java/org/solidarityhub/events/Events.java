package org.solidarityhub.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.ExpiredLinkException;
import org.solidarityhub.platform.SupportedLanguages;
import org.solidarityhub.platform.Tokens;
import org.solidarityhub.submissions.EmailKey;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.SubmissionConfirmed;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What happens to an event: submitted without an account (stored whole with its confirmation mail, or not
 * at all), confirmed by its submitter from the emailed link, moderated, edited and cancelled through that
 * link. Every step is audited; nothing here logs or audits the contact email.
 */
@Service
class Events {

    /** The subject type of an event's links, and the purpose of its one link. */
    static final String SUBJECT = "event";
    static final String MANAGE = "MANAGE";
    /** The most events one "my events" mail lists. */
    static final int MOST_IN_ONE_MAIL = 200;

    /** A stored submission and the token of its management link (which exists only in the mail). */
    record Submitted(long id, String token) {
    }

    /** What an edit through the management link did. */
    enum EditOutcome { UPDATED, CHANGE_QUEUED }

    private final EventStore store;
    private final EventMails mails;
    private final AuditLog audit;
    private final EventsProperties properties;
    private final Clock clock;
    private final org.solidarityhub.organizations.Organizations organizations;
    private final EmailedLinks links;
    private final SubmissionLifecycle lifecycle;
    private final GoingStore going;

    Events(EventStore store, EventMails mails, AuditLog audit, EventsProperties properties, Clock clock, org.solidarityhub.organizations.Organizations organizations,
           EmailedLinks links, SubmissionLifecycle lifecycle, GoingStore going) {
        this.going = going;
        this.organizations = organizations;
        this.links = links;
        this.lifecycle = lifecycle;
        this.store = store;
        this.mails = mails;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores a submission with its confirmation mail. The same submission sent again within the duplicate window (a
     * double click, a form posted twice, at once or later) stores nothing and mails nothing: the answer names the
     * event of the first, without a token.
     */
    @Transactional
    Submitted submit(Campaign campaign, Draft draft, String contactEmail, Locale language) {
        return submit(campaign, draft, contactEmail, language, GoingChoice.NONE);
    }

    /** As {@link #submit(Campaign, Draft, String, Locale)}, with the organizers' choice of "I'm going". */
    @Transactional
    Submitted submit(Campaign campaign, Draft draft, String contactEmail, Locale language, GoingChoice going) {
        String key = submissionKey(campaign, draft, contactEmail, language, going);
        Optional<Long> stored = store.insertEvent(campaign.id(), EventStatus.UNCONFIRMED, contactEmail, language,
                clock.instant().plus(properties.unconfirmedValidity()), null, key);
        if (stored.isEmpty()) {
            return new Submitted(store.idBySubmissionKey(key).orElseThrow(), null);
        }
        long id = stored.get();
        // the management link never expires itself: an unconfirmed event does (expires_at), and the link with it
        String token = links.issue(SUBJECT, id, MANAGE, null);
        long revision = store.insertRevision(id, draft);
        store.setPending(id, revision);
        if (going.mode().enabled()) {
            this.going.setChoice(id, going, clock.instant());
        }
        mails.confirmation(contactEmail, language, draft.title(), token);
        audit.record("events.submitted", "event", id, "type=" + draft.type() + " country=" + draft.country());
        return new Submitted(id, token);
    }

    /**
     * What makes two submissions the same: campaign, normalized contact address, language, every field of the
     * draft, the choice of "I'm going", and the window of time they arrive in ({@code events.duplicate-window}, counted from the epoch).
     */
    private String submissionKey(Campaign campaign, Draft draft, String contactEmail, Locale language, GoingChoice going) {
        long window = clock.instant().getEpochSecond() / Math.max(1, properties.duplicateWindow().toSeconds());
        return Tokens.hash(campaign.id() + "\n" + (contactEmail == null ? "" : EmailKey.normalize(contactEmail)) + "\n"
                + language.getLanguage() + "\n" + draft + "\n" + going + "\n" + window);
    }

    /**
     * "My events": mails the contact address one message with a fresh management link for each of its events; the
     * links mailed before stop working (a lost or leaked link is replaced, never copied: only hashes are stored, so
     * an old token cannot be mailed again). Sends nothing when the address has no events. Returns how many events the
     * mail lists; the caller answers the same either way.
     */
    @Transactional
    int mailManagementLinks(String email, Locale language) {
        List<EventStore.OwnEvent> own = store.eventsOfContact(email, clock.instant(), MOST_IN_ONE_MAIL);
        if (own.isEmpty()) {
            return 0;
        }
        List<EventMails.ManagementLink> mailed = new java.util.ArrayList<>();
        for (EventStore.OwnEvent event : own) {
            links.revokeAll(SUBJECT, event.id(), MANAGE);
            mailed.add(new EventMails.ManagementLink(event.title(), event.startsLocal(), event.zone(),
                    links.issue(SUBJECT, event.id(), MANAGE, null)));
            audit.record("events.links-reissued", "event", event.id(), "my events");
        }
        mails.managementLinks(email, language, mailed);
        return own.size();
    }

    /** Stores an approved event directly (demo content). */
    @Transactional
    long publishDirectly(Campaign campaign, Draft draft, String demoKey) {
        long id = store.insertEvent(campaign.id(), EventStatus.APPROVED, null, SupportedLanguages.BASE, null, demoKey);
        long revision = store.insertRevision(id, draft);
        store.publishDemo(id, revision, clock.instant());
        audit.record("events.demo-loaded", "event", id, demoKey);
        return id;
    }

    /** The event of a management link; unknown tokens and expired unconfirmed submissions are 404s. */
    StoredEvent byToken(String token) {
        return unexpired(links.subject(token, SUBJECT, MANAGE));
    }

    /** As {@link #byToken}, for a POST that acts through the link (counted as a use of it). */
    StoredEvent actingThrough(String token) {
        return unexpired(links.use(token, SUBJECT, MANAGE));
    }

    private StoredEvent unexpired(long id) {
        StoredEvent event = store.find(id).orElseThrow(ExpiredLinkException::new);
        if (event.status() == EventStatus.UNCONFIRMED && event.expiresAt() != null && !event.expiresAt().isAfter(clock.instant())) {
            throw new ExpiredLinkException();
        }
        return event;
    }

    Optional<StoredEvent> find(long id) {
        return store.find(id);
    }

    /** The submitter confirms from the emailed link: the event enters the moderation queue. */
    @Transactional
    StoredEvent confirm(String token) {
        StoredEvent event = actingThrough(token);
        if (event.status() == EventStatus.UNCONFIRMED) {
            store.confirm(event.id(), clock.instant());
            lifecycle.confirmed(SUBJECT, event.id());
        }
        return byToken(token);
    }

    /**
     * An edit through the management link. Before approval it replaces the waiting version. After
     * approval, a change of title, time or place waits for a moderator while the published version stays
     * public; other changes are published at once.
     */
    @Transactional
    EditOutcome edit(String token, Draft draft) {
        StoredEvent event = actingThrough(token);
        if (!event.editable()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        Instant now = clock.instant();
        long revision = store.insertRevision(event.id(), draft);
        if (event.status() != EventStatus.APPROVED) {
            store.replacePending(event.id(), revision, now);
            store.deleteRevision(event.pending() == null ? null : event.pending().id());
            audit.record("events.edited", "event", event.id(), null);
            return EditOutcome.UPDATED;
        }
        if (draft.changesTitleTimeOrPlace(event.published().draft())) {
            store.replacePending(event.id(), revision, now);
            store.deleteRevision(event.pending() == null ? null : event.pending().id());
            audit.record("events.change-submitted", "event", event.id(), null);
            return EditOutcome.CHANGE_QUEUED;
        }
        store.publishAtOnce(event.id(), revision, now);
        store.deleteRevision(event.published().id());
        store.deleteRevision(event.pending() == null ? null : event.pending().id());
        audit.record("events.edited", "event", event.id(), "published at once: no change of title, time or place");
        return EditOutcome.UPDATED;
    }

    @Transactional
    void cancel(String token) {
        StoredEvent event = actingThrough(token);
        if (!event.editable()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        if (event.published() != null && event.pending() != null) {
            // a published event keeps its public version (shown as cancelled); a waiting change is dropped
            store.dropPending(event.id(), clock.instant());
            store.deleteRevision(event.pending().id());
        }
        store.cancel(event.id(), clock.instant());
        audit.record("events.cancelled", "event", event.id(), null);
    }

    /**
     * A moderator approves the version they reviewed. Returns false when the submitter changed the event
     * meanwhile (the moderator must look again).
     */
    @Transactional
    boolean approve(long id, long revisionId) {
        return approve(id, revisionId, java.util.Set.of());
    }

    /**
     * As {@link #approve(long, long)}, also verifying the given co-organizing organizations of the
     * approved version (others are ignored), so that the event page links to their pages.
     */
    @Transactional
    boolean approve(long id, long revisionId, java.util.Set<Long> organizationsToVerify) {
        StoredEvent event = store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!event.inQueue() || event.pending() == null || event.pending().id() != revisionId) {
            return false;
        }
        Instant now = clock.instant();
        boolean change = event.status() == EventStatus.APPROVED;
        store.approve(id, revisionId, now);
        lifecycle.approved(SUBJECT, id);
        if (change) {
            store.deleteRevision(event.published().id());
        }
        for (org.solidarityhub.organizations.Organization organization : event.pending().organizations()) {
            if (!organization.verified() && organizationsToVerify.contains(organization.id())) {
                organizations.verify(organization.id());
                audit.record("organizations.verified", "organization", organization.id(), "co-organizer of event " + id);
            }
        }
        Draft draft = event.pending().draft();
        if (event.contactEmail() != null) {
            mails.approved(event.contactEmail(), event.language(), draft.title(), id, change);
        }
        audit.record(change ? "events.change-approved" : "events.approved", "event", id, "revision=" + revisionId);
        return true;
    }

    /** A moderator rejects a new event, or a change to a published one, with a reason emailed to the submitter. */
    @Transactional
    boolean reject(long id, long revisionId, String reason) {
        StoredEvent event = store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!event.inQueue() || event.pending() == null || event.pending().id() != revisionId) {
            return false;
        }
        Instant now = clock.instant();
        boolean change = event.status() == EventStatus.APPROVED;
        if (change) {
            store.dropPending(id, now);
            store.deleteRevision(revisionId);
        } else {
            store.reject(id, reason, now);
        }
        if (event.contactEmail() != null) {
            mails.rejected(event.contactEmail(), event.language(), event.pending().draft().title(), reason, change);
        }
        audit.record(change ? "events.change-rejected" : "events.rejected", "event", id, "reason=" + reason);
        return true;
    }

    List<StoredEvent> queue() {
        return store.queue();
    }

    List<StoredEvent> speakerRequests() {
        return store.speakerRequests();
    }

    /** The submitter confirmed from the emailed link (told by the submissions lifecycle): audited. */
    @EventListener
    void on(SubmissionConfirmed confirmed) {
        if (SUBJECT.equals(confirmed.subjectType())) {
            audit.record("events.confirmed", "event", confirmed.subjectId(), null);
        }
    }

    /** Deletes submissions never confirmed within their validity, with their links; each is audited. */
    int deleteExpiredUnconfirmed(Instant now) {
        List<Long> expired = store.expiredUnconfirmed(now);
        for (long id : expired) {
            store.delete(id);
            links.revokeAll(SUBJECT, id);
            audit.record("events.expired", "event", id, "never confirmed");
        }
        return expired.size();
    }
}
