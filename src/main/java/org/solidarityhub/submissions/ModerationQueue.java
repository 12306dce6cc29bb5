package org.solidarityhub.submissions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a feature registers (as a bean) to appear on the staff's one queue page, {@code /staff/queue}: what
 * waits for a moderator, how much, and where the feature's own staff page for it is.
 */
public interface ModerationQueue {

    /** One thing that waits: a label to show (never personal data), the staff page to handle it, since when. */
    record Waiting(String label, String path, @Nullable Instant since) {

        private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        /** When it began to wait, in UTC, for the page; empty when unknown. */
        public String sinceUtc() {
            return since == null ? "" : UTC.format(since);
        }
    }

    /** The message key of the feature's name on the queue page (e.g. "events.staff.queue.title"). */
    String titleKey();

    /** Where the feature's staff page for its queue is (e.g. "/staff/events"). */
    String staffPage();

    /** How many things wait in all. */
    long waiting();

    /** The oldest things that wait, at most {@code limit}. */
    List<Waiting> oldest(int limit);
}
