package org.solidarityhub.reports;

/** Where a report is: sent from a campaign page and not yet confirmed, waiting for a moderator, public, hidden. */
enum ReportState {
    UNCONFIRMED, PENDING, PUBLISHED, HIDDEN
}
