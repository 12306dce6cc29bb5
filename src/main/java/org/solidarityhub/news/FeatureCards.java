package org.solidarityhub.news;

import java.util.Locale;
import java.util.Optional;

import org.solidarityhub.appeal.AppealDirectory;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.fundraising.Fundraising;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cards of campaigns (by slug), appeals (by slug), published events (by id) and public fundraisers (by slug),
 * through the features' facades.
 */
@Configuration(proxyBeanMethods = false)
class FeatureCards {

    @Bean
    CardSource campaignCards(EventDirectory events) {
        return source("CAMPAIGN", (reference, locale) -> events.campaign(reference, locale)
                .map(c -> new CardSource.CardView("CAMPAIGN", c.name(), "/events?campaign=" + c.slug(), c.slug())));
    }

    @Bean
    CardSource appealCards(AppealDirectory appeals) {
        return source("APPEAL", (reference, locale) -> appeals.bySlug(reference, locale)
                .map(a -> new CardSource.CardView("APPEAL", a.title(), a.path(), a.slug())));
    }

    @Bean
    CardSource eventCards(EventDirectory events) {
        return source("EVENT", (reference, locale) -> parseId(reference).flatMap(events::published)
                .map(e -> new CardSource.CardView("EVENT", e.title(), "/events/" + e.id(),
                        e.country() == null ? "" : e.country())));
    }

    /** A public fundraiser (by slug); its figures are not on the card, which is kept with the post's page. */
    @Bean
    CardSource fundraiserCards(Fundraising fundraising) {
        return source("FUNDRAISER", (reference, locale) -> fundraising.fundraiser(reference)
                .map(f -> new CardSource.CardView("FUNDRAISER", f.title(), "/fundraisers/" + f.slug(), f.slug())));
    }

    private interface Lookup {
        Optional<CardSource.CardView> card(String reference, Locale locale);
    }

    private static CardSource source(String kind, Lookup lookup) {
        return new CardSource() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Optional<CardView> card(String reference, Locale locale) {
                return lookup.card(reference, locale);
            }
        };
    }

    private static Optional<Long> parseId(String reference) {
        return reference.matches("\\d{1,18}") ? Optional.of(Long.parseLong(reference)) : Optional.empty();
    }
}
