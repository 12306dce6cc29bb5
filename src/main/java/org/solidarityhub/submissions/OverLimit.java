package org.solidarityhub.submissions;

/** What happens to a submission from an address that is over its feature's limit: each feature declares one. */
public enum OverLimit {
    /** Taken as any other (the limit is only counted). */
    ACCEPT,
    /** Stored, but flagged: it waits for a moderator before it counts or shows. */
    FLAG,
    /** Refused with 429 and a localized reason, before anything is checked or stored. */
    REFUSE
}
