package org.solidarityhub.news;

import java.util.Locale;
import java.util.Optional;

import org.solidarityhub.platform.DateTimes;
import org.solidarityhub.platform.ShareCard;
import org.solidarityhub.platform.ShareCardSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a post's share card shows (docs/og-images.md): its title in the reader's language (else the original, as its
 * page) and the day it was published, written as its page writes it. Only published posts have one. At
 * {@code /uk/news/{slug}/card.png}.
 */
@Component
class PostShareCards implements ShareCardSource {

    private final PostStore store;
    private final MessageSource messages;
    private final NewsProperties properties;

    PostShareCards(PostStore store, MessageSource messages, NewsProperties properties) {
        this.store = store;
        this.messages = messages;
        this.properties = properties;
    }

    @Override
    public Pages pages() {
        return new Pages("news-card", "/news/{slug:[a-z0-9-]{1,80}}", "slug");
    }

    /** The card of the published post at this slug, or empty. */
    @Override
    public Optional<ShareCard> card(String slug, Locale locale) {
        return store.findBySlug(slug).filter(Post::published).map(post -> {
            ShareCard card = ShareCard.of(messages.getMessage("news.card.kicker", null, locale), post.textFor(locale).title());
            return post.publishedAt() == null ? card : card.withDetails(DateTimes.of(locale)
                    .date(post.publishedAt().atZone(properties.defaultTimeZone())));
        });
    }
}
