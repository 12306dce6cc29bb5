package org.solidarityhub.staff;

import java.util.List;

/**
 * What waits for staff in a feature, counted for the staff home: a feature registers a bean, and the home shows
 * each member the counts for the roles they have, each linking to its queue. Counts are cheap queries (the home
 * asks on every visit); a count of zero is left out.
 */
public interface WaitingWork {

    /**
     * One kind of thing that waits: for whom, the message key of its phrase (an ICU plural message whose count is
     * its argument {0}: {@code {0, plural, one {# event to moderate} other {# events to moderate}}}), how many, and
     * the staff page where it is handled.
     */
    record Waiting(StaffRole role, String messageKey, long count, String path) {
    }

    /** What waits now. */
    List<Waiting> waiting();
}
