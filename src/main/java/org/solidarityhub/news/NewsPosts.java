package org.solidarityhub.news;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.PageVersion;
import org.springframework.stereotype.Component;

/**
 * What other features may know of news posts (the updates to supporters send a post by mail): a post's texts in
 * every language it has, as Markdown, as the HTML of its page and as plain text, and the posts to choose from.
 */
@Component
public class NewsPosts {

    /** The text of a post in one language: its Markdown source, that text as HTML (public images) and as plain text. */
    public record Text(String language, String title, String summary, String markdown, String html, String plainText) {
    }

    /**
     * A post as an update mail needs it.
     *
     * @param path             the post's page without language prefix ({@code /news/<slug>}); link it with
     *                         {@code PlatformProperties.link(language, path)}
     * @param originalLanguage the language it was written in: the text for readers of a language it has no text in
     * @param texts            by language, the original first
     */
    public record PostForUpdate(long id, String slug, String path, String originalLanguage, boolean published,
                                @Nullable Instant publishedAt, Map<String, Text> texts) {

        /** The text in this language, else the original. */
        public Text textFor(String language) {
            Text text = texts.get(language);
            return text != null ? text : texts.get(originalLanguage) != null ? texts.get(originalLanguage)
                    : texts.values().iterator().next();
        }
    }

    /** A post in a list to choose from: id, slug, title in its original language, state, when published. */
    public record PostSummary(long id, String slug, String title, String state, @Nullable Instant publishedAt) {
    }

    /**
     * A published post as a list shows it (the front page): its title and summary in the reader's language (else the
     * original), its page without language prefix, the day it was published, its lead image's thumbnail (or null).
     */
    public record Headline(String slug, String path, String language, String title, String summary,
                           @Nullable LocalDate publishedOn, @Nullable String thumbnailUrl) {
    }

    private final PostStore store;
    private final PostRendering rendering;
    private final PostViews views;
    private final NewsVersion version;

    NewsPosts(PostStore store, PostRendering rendering, PostViews views, NewsVersion version) {
        this.store = store;
        this.rendering = rendering;
        this.views = views;
        this.version = version;
    }

    /** The newest published posts, newest first, in the reader's language where they have it. */
    public List<Headline> latest(int limit, Locale locale) {
        return views.listed(store.published(null, null, 0, limit), locale).stream()
                .map(p -> new Headline(p.slug(), NewsPaths.post(p.slug()), p.language(), p.title(), p.summary(),
                        p.publishedOn(), p.lead() == null ? null : p.lead().url()))
                .toList();
    }

    /** The version of every public news page and of what {@link #latest} shows, for a page cache. */
    public PageVersion version() {
        return version.read();
    }

    public Optional<PostForUpdate> forUpdate(long postId) {
        return store.find(postId).map(this::forUpdate);
    }

    /** The latest posts (any state), newest change first. */
    public List<PostSummary> recent(int limit) {
        return store.all(limit).stream()
                .map(p -> new PostSummary(p.id(), p.slug(), p.original().title(), p.state().name(), p.publishedAt()))
                .toList();
    }

    private PostForUpdate forUpdate(Post post) {
        List<Long> images = store.images(post.id());
        Map<String, Text> texts = new LinkedHashMap<>();
        for (Post.Text t : post.texts().values()) {
            texts.put(t.language(), new Text(t.language(), t.title(), t.summary(), t.body(),
                    rendering.html(t.body(), images, false), rendering.plainText(t.body())));
        }
        return new PostForUpdate(post.id(), post.slug(), NewsPaths.post(post.slug()), post.originalLanguage(),
                post.published(), post.publishedAt(), texts);
    }
}
