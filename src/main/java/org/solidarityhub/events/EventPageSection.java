package org.solidarityhub.events;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.PageVersion;

/**
 * A section another feature adds to a published event's page (reports add the approved reports), without the
 * events feature knowing it: a bean of this type names its template, whose fragment {@code section(data)} is
 * shown under the event with what {@link #data} returns (nothing is shown when it returns null).
 */
public interface EventPageSection {

    /** The template holding the fragment {@code section(data)}, e.g. "reports/event". */
    String template();

    /** What the fragment shows for this event, or null for nothing. */
    @Nullable Object data(long eventId, Locale locale);

    /**
     * The version of what the sections of a campaign's event pages show: the event pages are kept by the page
     * cache until their campaign's events or this version change.
     */
    PageVersion version(long campaignId);

    /** One section to show: its template and data. */
    record Shown(String template, Object data) {
    }
}
