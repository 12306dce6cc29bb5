package org.solidarityhub.fundraising;

import java.util.Locale;
import java.util.Optional;

import org.solidarityhub.platform.ShareCard;
import org.solidarityhub.platform.ShareCardSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a fundraiser's share card shows (docs/og-images.md): its title, what was raised and of which goal, with the
 * progress bar of its page. Drafts have none; a closed fundraiser says so. At
 * {@code /uk/fundraisers/{slug}/card.png}.
 */
@Component
class FundraiserShareCards implements ShareCardSource {

    private final PublicFundraising fundraising;
    private final MessageSource messages;

    FundraiserShareCards(PublicFundraising fundraising, MessageSource messages) {
        this.fundraising = fundraising;
        this.messages = messages;
    }

    @Override
    public Pages pages() {
        return new Pages("fundraising-card", "/fundraisers/{slug}", "slug");
    }

    /** The card of the public fundraiser at this slug, or empty. */
    @Override
    public Optional<ShareCard> card(String slug, Locale locale) {
        return fundraising.bySlug(slug).map(f -> {
            PublicFundraising.Card figures = fundraising.card(f);
            Money goal = f.goal();
            ShareCard card = ShareCard.of(messages.getMessage("fundraising.card.kicker", null, locale), f.title())
                    .withFigure(figures.totals().raised().format(locale), goal == null
                            ? messages.getMessage("fundraising.public.raised", null, locale)
                            : messages.getMessage("fundraising.card.ofGoal", new Object[] {goal.format(locale)}, locale))
                    .withProgress(figures.goalPercent());
            return f.state() == Fundraiser.State.CLOSED
                    ? card.withBadge(messages.getMessage("fundraising.card.closed", null, locale)) : card;
        });
    }
}
