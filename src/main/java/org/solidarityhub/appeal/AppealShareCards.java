package org.solidarityhub.appeal;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

import org.solidarityhub.platform.ShareCard;
import org.solidarityhub.platform.ShareCardSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the appeal's share card shows (docs/og-images.md): its title in the reader's language, the call to sign and
 * the count of signatures with the progress toward the goal. The count is the public one, rounded to two significant
 * digits from a hundred on ({@link ShareCard#roundedCount}), so the card changes every few hundred signatures at a
 * peak, not with each count batch; a count the public sees only as "fewer than 5" is not drawn. At
 * {@code /uk/appeals/{slug}/card.png}.
 */
@Component
class AppealShareCards implements ShareCardSource {

    private final Appeals appeals;
    private final SignatureCounts counts;
    private final MessageSource messages;

    private final AppealProperties properties;

    AppealShareCards(Appeals appeals, SignatureCounts counts, MessageSource messages, AppealProperties properties) {
        this.properties = properties;
        this.appeals = appeals;
        this.counts = counts;
        this.messages = messages;
    }

    @Override
    public Pages pages() {
        return new Pages("appeal-card", "/appeals/{slug}", "slug");
    }

    /** The card of the appeal at this slug, or empty when there is none. */
    @Override
    public Optional<ShareCard> card(String slug, Locale locale) {
        return appeals.bySlug(slug).map(appeal -> card(appeal, locale));
    }

    private ShareCard card(Appeal appeal, Locale locale) {
        String title = appeals.currentFor(appeal, locale).title();
        ShareCard card = appeal.isOpen()
                ? ShareCard.of(message("appeal.card.kicker", locale), title)
                : ShareCard.of(message("appeal.card.kickerClosed", locale), title).withBadge(message("appeal.card.closed", locale));
        PublicCounts.Count total = counts.publicOf(appeal.id()).total();
        if (total.fewer() || total.value() == 0) {
            return card;
        }
        long shown = ShareCard.roundedCount(total.value());
        String figure = NumberFormat.getIntegerInstance(locale).format(shown) + (shown < total.value() ? "+" : "");
        AppealGoal goal = AppealGoal.of(shown, appeal.goal(), properties.goalSteps()); // the page's moving goal
        return card.withFigure(figure, messages.getMessage("appeal.card.signaturesOfGoal",
                        new Object[] {shown, goal.target()}, locale))
                .withProgress(goal.percent());
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
