package org.solidarityhub.news;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Variant;
import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.AtomWriter;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published posts as JSON ({@code /api/v1/posts}, {@code /api/v1/posts/{slug}}, in the OpenAPI file) and as Atom
 * ({@code /api/v1/news.atom}, per tag with {@code ?tag=}); each in the language of {@code ?lang=} (else English):
 * a post's text in it, else the original. Errors are RFC 9457 problem details.
 */
@RestController
class NewsApiController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    record ApiCard(String kind, String title, String url) {
    }

    record ApiPost(String slug, String url, String language, String originalLanguage, List<String> languages, String title,
                   String summary, @Nullable String html, @Nullable String imageUrl, List<String> tags, List<ApiCard> cards,
                   Instant publishedAt) {
    }

    record ApiPage(int page, int pageSize, long total, List<ApiPost> posts) {
    }

    private final PostStore store;
    private final PostViews views;
    private final NewsProperties properties;
    private final PlatformProperties platform;
    private final MessageSource messages;

    NewsApiController(PostStore store, PostViews views, NewsProperties properties, PlatformProperties platform,
                      MessageSource messages) {
        this.store = store;
        this.views = views;
        this.properties = properties;
        this.platform = platform;
        this.messages = messages;
    }

    @GetMapping(NewsPaths.API)
    ApiPage posts(@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String language,
                  @RequestParam(required = false) @Nullable String page, Locale locale) {
        NewsFilter filter = filter(tag, language, page);
        int size = properties.apiPageSize();
        List<Post> posts = store.published(filter.tag(), filter.language(), (filter.page() - 1) * size, size);
        return new ApiPage(filter.page(), size, store.publishedCount(filter.tag(), filter.language()),
                posts.stream().map(p -> api(p, locale, false)).toList());
    }

    @GetMapping(NewsPaths.API + "/{slug}")
    ApiPost post(@PathVariable String slug, Locale locale) {
        return store.findBySlug(slug).filter(Post::published).map(p -> api(p, locale, true))
                .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "news.error.notFound"));
    }

    @GetMapping(NewsPaths.FEED)
    ResponseEntity<String> atom(@RequestParam(required = false) @Nullable String tag, Locale locale) {
        NewsFilter filter = filter(tag, null, null);
        List<Post> posts = store.published(filter.tag(), null, 0, properties.feedSize());
        String title = filter.tag() == null ? messages.getMessage("news.feed.title", null, locale)
                : messages.getMessage("news.feed.tagTitle", new Object[]{filter.tag()}, locale);
        String query = filter.tag() == null ? "" : "?tag=" + filter.tag();
        AtomWriter.Feed feed = new AtomWriter.Feed("tag:solidarityhub,2026:news" + (filter.tag() == null ? "" : ":" + filter.tag()),
                title, platform.apiLink(locale, NewsPaths.FEED + query), platform.link(locale, NewsPaths.LIST + query),
                locale.getLanguage(), posts.stream().map(Post::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH));
        List<AtomWriter.Entry> entries = posts.stream().map(p -> {
            Post.Text text = p.textFor(locale);
            return new AtomWriter.Entry("tag:solidarityhub,2026:news-post:" + p.id(), text.title(),
                    platform.link(locale, NewsPaths.post(p.slug())), p.publishedAt(), p.updatedAt().isAfter(p.publishedAt())
                    ? p.updatedAt() : p.publishedAt(), views.summary(text), absolute(views.html(p, text, false)),
                    p.tags().isEmpty() ? "news" : p.tags().getFirst(), title);
        }).toList();
        return ResponseEntity.ok().contentType(ATOM).body(AtomWriter.write(feed, entries));
    }

    /** Feed readers resolve relative addresses badly: images and links of the site become absolute. */
    private String absolute(String html) {
        String base = platform.link("/");
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return html.replace("src=\"/", "src=\"" + root + "/").replace("href=\"/", "href=\"" + root + "/");
    }

    private static NewsFilter filter(@Nullable String tag, @Nullable String language, @Nullable String page) {
        return NewsFilter.parse(tag, language, page).orElseThrow(() -> {
            String key = NewsFilter.problemKey(tag, language, page);
            String field = key.substring(key.lastIndexOf('.') + 1);
            return ApiProblem.fields(key, Map.of(field, key));
        });
    }

    private ApiPost api(Post p, Locale locale, boolean withHtml) {
        Post.Text text = p.textFor(locale);
        return new ApiPost(p.slug(), platform.link(locale, NewsPaths.post(p.slug())), text.language(), p.originalLanguage(),
                List.copyOf(p.texts().keySet()), text.title(), views.summary(text),
                withHtml ? absolute(views.html(p, text, false)) : null,
                views.lead(p, Variant.WEB).map(i -> platform.link(i.url())).orElse(null), p.tags(),
                views.cards(p, locale).stream().map(c -> new ApiCard(c.kind(), c.title(), platform.link(locale, c.path()))).toList(),
                p.publishedAt());
    }
}
