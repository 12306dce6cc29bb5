package org.solidarityhub.news;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.Variant;
import org.solidarityhub.platform.ContentLanguages;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.ShareCards;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the public pages, the preview, the feed and the API show of posts, built from the store and media. */
@Component
class PostViews {

    /** A post in a list: its text in the reader's language (else the original) and its lead image's thumbnail. */
    record Listed(long id, String slug, String language, String title, String summary, @Nullable Instant publishedAt,
                  @Nullable LocalDate publishedOn, @Nullable Image lead, List<String> tags) {
    }

    /** An image: its address, size and the alternative text (the post's title). */
    record Image(String url, int width, int height) {
    }

    /** A comment with its replies (one level deep); the text as safe HTML. */
    record CommentView(long id, String name, String language, String html, Instant createdAt, LocalDate createdOn,
                       List<CommentView> replies) {
    }

    /** A feed the page announces with {@code <link rel="alternate" type="application/atom+xml">}. */
    record Feed(String title, String href) {
    }

    /** The Open Graph tags of a page (layout.html). */
    record OpenGraph(String title, String description, String url) {
    }

    private final PostStore store;
    private final CommentStore comments;
    private final PostRendering rendering;
    private final Media media;
    private final Map<String, CardSource> cards;
    private final PlatformProperties platform;
    private final MessageSource messages;
    private final NewsProperties properties;
    private final ShareCards shareCards;
    private final ContentLanguages languages;

    PostViews(PostStore store, CommentStore comments, PostRendering rendering, Media media, List<CardSource> cards,
              PlatformProperties platform, MessageSource messages, NewsProperties properties, ShareCards shareCards,
              ContentLanguages languages) {
        this.shareCards = shareCards;
        this.languages = languages;
        this.properties = properties;
        this.store = store;
        this.comments = comments;
        this.rendering = rendering;
        this.media = media;
        this.cards = cards.stream().collect(Collectors.toMap(CardSource::kind, Function.identity()));
        this.platform = platform;
        this.messages = messages;
    }

    /** The languages that published posts have a text in, named for the reader: the news list's language filter. */
    List<ContentLanguages.Option> publishedLanguages(Locale reader) {
        List<String> codes = store.publishedLanguages();
        return languages.offered(reader).stream().filter(o -> codes.contains(o.code())).toList();
    }

    List<Listed> listed(List<Post> posts, Locale locale) {
        Map<Long, MediaItem> leads = media.findAll(posts.stream().map(Post::leadMediaId).filter(id -> id != null).toList())
                .stream().collect(Collectors.toMap(MediaItem::id, Function.identity()));
        return posts.stream().map(p -> {
            Post.Text text = p.textFor(locale);
            MediaItem lead = p.leadMediaId() == null ? null : leads.get(p.leadMediaId());
            return new Listed(p.id(), p.slug(), text.language(), text.title(), summary(text), p.publishedAt(),
                    day(p.publishedAt()), image(lead, Variant.THUMBNAIL, false), p.tags());
        }).toList();
    }

    /** The summary written, else the start of the text. */
    String summary(Post.Text text) {
        if (!text.summary().isBlank()) {
            return text.summary();
        }
        String plain = rendering.plainText(text.body()).replaceAll("\\s+", " ");
        return plain.length() > 280 ? plain.substring(0, 279) + "…" : plain;
    }

    String html(Post post, Post.Text text, boolean preview) {
        return rendering.html(text.body(), store.images(post.id()), preview);
    }

    Optional<Image> lead(Post post, Variant variant) {
        return post.leadMediaId() == null ? Optional.empty()
                : media.find(post.leadMediaId()).map(item -> image(item, variant, false));
    }

    List<CardSource.CardView> cards(Post post, Locale locale) {
        List<CardSource.CardView> shown = new ArrayList<>();
        for (Post.Card card : post.cards()) {
            CardSource source = cards.get(card.kind());
            if (source != null) {
                source.card(card.reference(), locale).ifPresent(shown::add);
            }
        }
        return shown;
    }

    /** The post's page (public, or the staff preview with images not yet published). */
    void addPostPage(Post post, Locale locale, boolean preview, Model model) {
        Post.Text text = post.textFor(locale);
        model.addAttribute("post", post);
        model.addAttribute("text", text);
        model.addAttribute("preview", preview);
        model.addAttribute("publishedOn", day(post.publishedAt()));
        model.addAttribute("inOriginal", !text.language().equals(locale.getLanguage()));
        model.addAttribute("bodyHtml", html(post, text, preview));
        MediaItem leadItem = post.leadMediaId() == null ? null : media.find(post.leadMediaId()).orElse(null);
        Image lead = image(leadItem, Variant.WEB, preview);
        model.addAttribute("lead", lead);
        model.addAttribute("cards", cards(post, locale));
        model.addAttribute("comments", comments(post));
        model.addAttribute("og", new OpenGraph(text.title(), summary(text), platform.link(locale, NewsPaths.post(post.slug()))));
        model.addAttribute("ogType", "article");
        if (!preview) {
            shareCards.addTags(model, locale, NewsPaths.post(post.slug()), text.title());
        }
        model.addAttribute("feeds", feeds(post.tags(), locale));
        if (!model.containsAttribute("commentForm")) {
            model.addAttribute("commentForm", CommentForm.empty());
        }
    }

    /** The feed of all news in the reader's language, and one per tag given. */
    List<Feed> feeds(List<String> tags, Locale locale) {
        List<Feed> feeds = new ArrayList<>();
        feeds.add(new Feed(messages.getMessage("news.feed.title", null, locale), NewsPaths.FEED));
        for (String tag : tags) {
            feeds.add(new Feed(messages.getMessage("news.feed.tagTitle", new Object[]{tag}, locale), NewsPaths.FEED + "?tag=" + tag));
        }
        return feeds;
    }

    List<CommentView> comments(Post post) {
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        List<Comment> approved = comments.approved(post.id());
        for (Comment c : approved) {
            if (c.parentId() != null) {
                replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(view(c, List.of()));
            }
        }
        return approved.stream().filter(c -> c.parentId() == null)
                .map(c -> view(c, replies.getOrDefault(c.id(), List.of()))).toList();
    }

    private CommentView view(Comment c, List<CommentView> replies) {
        return new CommentView(c.id(), c.name(), c.language(), CommentText.html(c.body()), c.createdAt(),
                Objects.requireNonNull(day(c.createdAt())), replies);
    }

    /** The day of an instant in the site's time zone, for dates on pages. */
    @Nullable LocalDate day(@Nullable Instant instant) {
        return instant == null ? null : instant.atZone(properties.defaultTimeZone()).toLocalDate();
    }

    private static @Nullable Image image(@Nullable MediaItem item, Variant variant, boolean preview) {
        if (item == null) {
            return null;
        }
        if (preview) {
            return item.ready() || item.published() ? new Image(item.previewUrl(variant), item.width(), item.height()) : null;
        }
        if (!item.published()) {
            return null;
        }
        return item.url(variant).map(url -> new Image(url, item.width(), item.height())).orElse(null);
    }
}
