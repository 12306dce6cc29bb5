package org.solidarityhub.news;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.PageNumbers;

/** The filters of the news list, feed and API: a tag, a language (posts that have a text in it) and a page. */
record NewsFilter(@Nullable String tag, @Nullable String language, int page) {

    /** Blank means no filter; empty when one of them is malformed. */
    static Optional<NewsFilter> parse(@Nullable String tag, @Nullable String language, @Nullable String page) {
        String t = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        String l = language == null || language.isBlank() ? null : language.strip();
        Integer number = PageNumbers.parse(page);
        if (t != null && !PostEditing.TAG.matcher(t).matches() || l != null && !PostEditing.isLanguageCode(l) || number == null) {
            return Optional.empty();
        }
        return Optional.of(new NewsFilter(t, l, number));
    }

    /** The message key of what is malformed, for the answer. */
    static String problemKey(@Nullable String tag, @Nullable String language, @Nullable String page) {
        if (PageNumbers.parse(page) == null) {
            return "news.error.page";
        }
        if (language != null && !language.isBlank() && !PostEditing.isLanguageCode(language.strip())) {
            return "news.error.language";
        }
        return "news.error.tag";
    }
}
