package org.solidarityhub.reports;

/** A moderator's decision on one photo or video of a report. */
enum ItemModeration {
    PENDING, APPROVED, HIDDEN
}
