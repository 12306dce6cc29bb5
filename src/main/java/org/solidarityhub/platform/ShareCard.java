package org.solidarityhub.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the share card of a page shows (the Open Graph / Twitter image, drawn by {@link ShareCards}; docs/og-images.md):
 * texts already in the card's language and formatted, so that two cards with equal texts are the same image. A
 * feature builds it from what the public may see of its page, and nothing else.
 *
 * @param kicker      a short label above the title ("Sign the appeal", "Demonstration", "News")
 * @param title       the page's title: wrapped, made smaller when long, cut with an ellipsis after a few lines
 * @param details     lines under the title (a date, a place), one line each, cut with an ellipsis when too long
 * @param figure      a big figure ("1,200+", "€12,000"), or null
 * @param figureLabel what the figure counts ("signatures", "raised of €20,000"), or null
 * @param percent     the progress toward a goal (0 to 100, drawn as a bar under the figure), or null for no bar
 * @param badge       a word in a box beside the kicker ("Cancelled"), or null
 * @param picture     a public picture of the page's own (an event's poster), drawn on the card's far side: the id that
 *                    the {@link ShareCardPictures} bean gives the pixels of; or null
 */
public record ShareCard(String kicker, String title, List<String> details, @Nullable String figure,
                        @Nullable String figureLabel, @Nullable Integer percent, @Nullable String badge,
                        @Nullable Long picture) {

    public ShareCard {
        details = List.copyOf(details);
        percent = percent == null ? null : Math.max(0, Math.min(100, percent));
    }

    /** A card with a kicker and a title only. */
    public static ShareCard of(String kicker, String title) {
        return new ShareCard(kicker, title, List.of(), null, null, null, null, null);
    }

    /** The same card with these lines under the title (blank ones left out). */
    public ShareCard withDetails(String... lines) {
        return new ShareCard(kicker, title, java.util.Arrays.stream(lines).filter(l -> l != null && !l.isBlank()).toList(),
                figure, figureLabel, percent, badge, picture);
    }

    /** The same card with a big figure and what it counts. */
    public ShareCard withFigure(String shown, String label) {
        return new ShareCard(kicker, title, details, shown, label, percent, badge, picture);
    }

    /** The same card with a progress bar (0 to 100). */
    public ShareCard withProgress(@Nullable Integer shownPercent) {
        return new ShareCard(kicker, title, details, figure, figureLabel, shownPercent, badge, picture);
    }

    /** The same card with a word in a box beside the kicker. */
    public ShareCard withBadge(@Nullable String word) {
        return new ShareCard(kicker, title, details, figure, figureLabel, percent, word, picture);
    }

    /** The same card with a picture of the page's own on its far side (null: none). */
    public ShareCard withPicture(@Nullable Long id) {
        return new ShareCard(kicker, title, details, figure, figureLabel, percent, badge, id);
    }

    /**
     * A count as a card shows it: exact below 100, else rounded down to two significant digits ("1,234" is shown as
     * "1,200+"), so that a card does not change with every signature of a peak (docs/og-images.md).
     */
    public static long roundedCount(long count) {
        if (count < 100) {
            return Math.max(0, count);
        }
        long step = 1;
        while (count / step >= 100) {
            step *= 10;
        }
        return count / step * step;
    }
}
