package org.solidarityhub.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * A feature's share cards (docs/og-images.md): which of its pages have one and what each shows. The platform answers
 * each at its page's address plus {@value ShareCards#SUFFIX} ({@code /uk/events/5/card.png}), declared to the page
 * cache with the card's texts as its version, and 404 where {@link #card} is empty.
 */
public interface ShareCardSource {

    /**
     * Which pages have a card.
     *
     * @param name     a name for the page cache ("events-card")
     * @param pattern  their pattern, with the variable that names one ("/events/{id:\\d{1,18}}")
     * @param variable that variable ("id")
     */
    record Pages(String name, String pattern, String variable) {
    }

    Pages pages();

    /** The card of the page named so, in a language; empty when the public may not see that page. */
    Optional<ShareCard> card(String value, Locale locale);
}
