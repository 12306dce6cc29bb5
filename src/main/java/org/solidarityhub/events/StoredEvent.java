package org.solidarityhub.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.solidarityhub.organizations.Organization;

/**
 * An event as its submitter and the moderators see it: every field, both the published and the pending
 * version. Never shown publicly (it holds the contact email).
 */
record StoredEvent(long id, long campaignId, EventStatus status, String contactEmail, Locale language,
                   Revision published, Revision pending, Instant createdAt, Instant expiresAt, Instant confirmedAt,
                   Instant publishedAt, String rejectReason) {

    /** One version of the content, with the co-organizing organizations as records. */
    record Revision(long id, Draft draft, List<Organization> organizations, Instant createdAt) {
    }

    /** The newest version: the pending one if any, else the published one. */
    public Revision latest() {
        return pending != null ? pending : published;
    }

    public boolean inQueue() {
        return status == EventStatus.PENDING || (status == EventStatus.APPROVED && pending != null);
    }

    public boolean editable() {
        return status == EventStatus.UNCONFIRMED || status == EventStatus.PENDING || status == EventStatus.APPROVED;
    }
}
