package org.solidarityhub.platform;

import org.jspecify.annotations.Nullable;

/** The {@code ?page=} of a paged public list: one rule for every list (events, the reports gallery, ...). */
public final class PageNumbers {

    /** The highest page a reader may ask for: far beyond any real list, low enough to keep an offset cheap. */
    static final int MAX = 100_000;

    private PageNumbers() {
    }

    /** A page number from 1 (1 when absent or blank); null when malformed or out of range. */
    public static @Nullable Integer parse(@Nullable String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.strip());
            return number >= 1 && number <= MAX ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
