package org.solidarityhub.news;

import java.util.Locale;
import java.util.Optional;

/**
 * One kind of card a post may link to (a campaign, an appeal, an event, a fundraiser): a
 * bean per kind, so a new kind is one class, with its message key {@code news.card.<kind>}. The reference is what the
 * editor types (a slug or an id), checked when the post is saved and looked up again when the page renders; a card
 * whose target is gone or unpublished is not shown.
 */
interface CardSource {

    /** A card as shown: its kind, title, the page it links to (without language prefix) and a line under the title. */
    record CardView(String kind, String title, String path, String detail) {
    }

    /** Upper case, at most 20 characters: CAMPAIGN, APPEAL, EVENT, FUNDRAISER. */
    String kind();

    Optional<CardView> card(String reference, Locale locale);
}
