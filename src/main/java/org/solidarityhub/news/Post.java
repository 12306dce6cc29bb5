package org.solidarityhub.news;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A post with its texts (by language, the original first), tags and cards.
 *
 * @param revision the number of the last save (each save keeps the texts it wrote as that revision)
 */
record Post(long id, String slug, String originalLanguage, PostState state, @Nullable Instant publishAt,
            @Nullable Instant publishedAt, @Nullable Long leadMediaId, boolean commentsClosed, int revision,
            Instant createdAt, Instant updatedAt, Map<String, Text> texts, List<String> tags, List<Card> cards) {

    /** The text of a post in one language. */
    record Text(String language, String title, String summary, String body) {
    }

    /** A link to something of another feature, shown as a card: its kind (see {@link CardSource}) and reference. */
    record Card(String kind, String reference) {
    }

    public boolean published() {
        return state == PostState.PUBLISHED;
    }

    /** The text in the reader's language, else the original. */
    public Text textFor(Locale locale) {
        return textIn(locale.getLanguage()).orElseGet(this::original);
    }

    Optional<Text> textIn(String language) {
        return Optional.ofNullable(texts.get(language));
    }

    public Text original() {
        Text text = texts.get(originalLanguage);
        return text != null ? text : texts.values().iterator().next();
    }
}
