package org.solidarityhub.appeal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A partner of the appeal: an organization that shows it on its own website in the widget
 * ({@code /appeal/embed?partner=<slug>}), so that the signatures made there are counted for it (coalition
 * attribution). {@code publicCount}: the partner agreed that the public sees how many signatures it brought.
 */
record Partner(long id, String slug, String name, @Nullable String website, boolean publicCount, Instant createdAt) {

    /** What one partner brought to one appeal, for staff: confirmed (of which counted publicly) and pending. */
    record Tally(Partner partner, long confirmed, long counted, long pending) {
    }

    /** What the public sees of a partner that agreed: its name, its website, the signatures it brought. */
    record Shown(String name, @Nullable String website, PublicCounts.Count count) {
    }
}
