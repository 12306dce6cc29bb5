package org.solidarityhub.news;

import org.jspecify.annotations.Nullable;

/** The forms of the editor's pages (command records; checked by {@link PostEditing}). */
final class PostForms {

    private PostForms() {
    }

    /** A new post: its slug and its first text, in the language it is written in. */
    record NewPost(@Nullable String slug, @Nullable String language, @Nullable String title, @Nullable String summary,
                   @Nullable String body) {

        static NewPost empty(String language) {
            return new NewPost("", language, "", "", "");
        }
    }

    /** The text in one language (a new language adds it). */
    record TextEdit(@Nullable String language, @Nullable String title, @Nullable String summary, @Nullable String body) {
    }

    /**
     * Slug, original language, tags (separated by commas or spaces), cards (one per line: a kind and a reference,
     * {@code APPEAL stop-the-war}, {@code EVENT 12}) and whether comments are closed.
     */
    record Settings(@Nullable String slug, @Nullable String originalLanguage, @Nullable String tags, @Nullable String cards,
                    @Nullable String commentsClosed) {
    }

    /** Publishing at a time, as the editor's clock shows it ({@code 2026-12-01T09:00}) in the chosen time zone. */
    record Schedule(@Nullable String at, @Nullable String zone) {
    }
}
