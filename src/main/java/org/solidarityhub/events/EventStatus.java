package org.solidarityhub.events;

/** Where an event is between submission and publication. */
enum EventStatus {
    /** Submitted; waits for its submitter to confirm it from the emailed link (expires after 7 days). */
    UNCONFIRMED,
    /** Confirmed; waits in the moderation queue. */
    PENDING,
    /** Public. A change of title, time or place waits as a pending revision meanwhile. */
    APPROVED,
    /** Refused by a moderator, with a reason emailed to the submitter. */
    REJECTED,
    /** Cancelled by its submitter. */
    CANCELLED
}
