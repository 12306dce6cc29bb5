package org.solidarityhub.news;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.ContentLanguages;
import org.solidarityhub.submissions.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors do to posts: create one with its first text, save a text (every save is a revision), change the
 * settings (slug, original language, tags, cards, comments closed), schedule, publish now, take back to a draft.
 * Each form is checked here (a message key for what is wrong) and each change audited and, when the public sees it,
 * raises the news version, in its transaction.
 */
@Service
class PostEditing {

    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");
    /** Addresses under /news that are pages of their own (the updates' subscription pages), so no post may take them. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("subscribe", "unsubscribe");
    static final Pattern TAG = Pattern.compile("[\\p{Ll}\\p{Lo}0-9](?:[\\p{Ll}\\p{Lo}0-9-]{0,38}[\\p{Ll}\\p{Lo}0-9])?");
    static final int TITLE_LIMIT = 200;
    static final int SUMMARY_LIMIT = 500;
    static final int BODY_LIMIT = 50_000;
    static final int MAX_TAGS = 10;
    static final int MAX_CARDS = 6;

    private final PostStore store;
    private final PostPublishing publishing;
    private final Map<String, CardSource> cards;
    private final ContentLanguages languages;
    private final AuditLog audit;
    private final NewsVersion version;
    private final Clock clock;

    PostEditing(PostStore store, PostPublishing publishing, List<CardSource> cards, ContentLanguages languages,
                AuditLog audit, NewsVersion version, Clock clock) {
        this.store = store;
        this.publishing = publishing;
        this.cards = cards.stream().collect(Collectors.toMap(CardSource::kind, Function.identity()));
        this.languages = languages;
        this.audit = audit;
        this.version = version;
        this.clock = clock;
    }

    /** The languages an editor may write a text in, named in the editor's language: the interface's first. */
    List<ContentLanguages.Option> textLanguages(Locale reader) {
        return languages.offered(reader);
    }

    List<String> cardKinds() {
        return cards.keySet().stream().sorted().toList();
    }

    /** Posts may be in any content language, not only those of the interface. */
    static boolean isLanguageCode(@Nullable String code) {
        return code != null && ContentLanguages.isKnown(code.strip());
    }

    Optional<Problem> problem(PostForms.NewPost form) {
        String slug = strip(form.slug());
        if (!SLUG.matcher(slug).matches()) {
            return Optional.of(problem("news.staff.error.slug"));
        }
        if (store.slugTaken(slug, -1) || RESERVED.contains(slug)) {
            return Optional.of(problem("news.staff.error.slugTaken"));
        }
        return textProblem(form.language(), form.title(), form.summary(), form.body());
    }

    @Transactional
    long create(PostForms.NewPost form, String author) {
        String slug = strip(form.slug());
        long id = store.insert(slug, strip(form.language()), clock.instant(), null);
        int revision = store.saveTexts(id, List.of(text(form.language(), form.title(), form.summary(), form.body())),
                author, clock.instant());
        audit.record("news.post-created", "news_post", id, slug + " " + strip(form.language()) + " #" + revision);
        return id;
    }

    Optional<Problem> problem(PostForms.TextEdit form) {
        return textProblem(form.language(), form.title(), form.summary(), form.body());
    }

    @Transactional
    void saveText(Post post, PostForms.TextEdit form, String author) {
        Post.Text text = text(form.language(), form.title(), form.summary(), form.body());
        int revision = store.saveTexts(post.id(), List.of(text), author, clock.instant());
        audit.record("news.text-saved", "news_post", post.id(), text.language() + " #" + revision);
        changedIfPublic(post);
    }

    /** Removes the text of one language (never the original's). */
    @Transactional
    Optional<Problem> removeText(Post post, @Nullable String language) {
        if (language == null || !post.texts().containsKey(language) || language.equals(post.originalLanguage())) {
            return Optional.of(problem("news.staff.error.removeText"));
        }
        store.deleteText(post.id(), language);
        audit.record("news.text-removed", "news_post", post.id(), language);
        changedIfPublic(post);
        return Optional.empty();
    }

    /** Restores a revision's text of one language as a new save. */
    @Transactional
    Optional<Problem> restore(Post post, int revision, @Nullable String language, String author) {
        Optional<Post.Text> text = language == null ? Optional.empty() : store.revisionText(post.id(), revision, language);
        if (text.isEmpty()) {
            return Optional.of(problem("news.staff.error.revision"));
        }
        int saved = store.saveTexts(post.id(), List.of(text.get()), author, clock.instant());
        audit.record("news.text-restored", "news_post", post.id(), language + " #" + revision + " as #" + saved);
        changedIfPublic(post);
        return Optional.empty();
    }

    @Transactional
    Optional<Problem> changeSettings(Post post, PostForms.Settings form) {
        String slug = strip(form.slug());
        if (!SLUG.matcher(slug).matches()) {
            return Optional.of(problem("news.staff.error.slug"));
        }
        if (store.slugTaken(slug, post.id()) || RESERVED.contains(slug)) {
            return Optional.of(problem("news.staff.error.slugTaken"));
        }
        String original = strip(form.originalLanguage());
        if (!post.texts().containsKey(original)) {
            return Optional.of(problem("news.staff.error.originalLanguage"));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : strip(form.tags()).toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (tag.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                return Optional.of(problem("news.staff.error.tag", tag.length() > 40 ? tag.substring(0, 40) + "…" : tag));
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            return Optional.of(problem("news.staff.error.tooManyTags", MAX_TAGS));
        }
        List<Post.Card> parsed = new ArrayList<>();
        for (String line : strip(form.cards()).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            String kind = parts[0].toUpperCase(Locale.ROOT);
            if (parts.length != 2 || !cards.containsKey(kind) || parts[1].length() > 120
                    || cards.get(kind).card(parts[1], Locale.ENGLISH).isEmpty()) {
                return Optional.of(problem("news.staff.error.card", line.length() > 60 ? line.substring(0, 60) + "…" : line.strip()));
            }
            parsed.add(new Post.Card(kind, parts[1]));
        }
        if (parsed.size() > MAX_CARDS) {
            return Optional.of(problem("news.staff.error.tooManyCards", MAX_CARDS));
        }
        boolean closed = "true".equals(form.commentsClosed()) || "on".equals(form.commentsClosed());
        store.updateSettings(post.id(), slug, original, closed);
        store.setTags(post.id(), tags);
        store.setCards(post.id(), parsed);
        audit.record("news.settings-changed", "news_post", post.id(), "slug=" + slug + " original=" + original
                + " tags=" + String.join(",", tags) + " cards=" + parsed.size() + " commentsClosed=" + closed);
        changedIfPublic(post);
        return Optional.empty();
    }

    /** Schedules a draft or scheduled post; the time is read in the given zone and must lie ahead. */
    @Transactional
    Optional<Problem> schedule(Post post, PostForms.Schedule form) {
        ZoneId zone;
        try {
            zone = ZoneId.of(strip(form.zone()));
        } catch (DateTimeException e) {
            return Optional.of(problem("news.staff.error.zone"));
        }
        Instant at;
        try {
            at = LocalDateTime.parse(strip(form.at())).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.of(problem("news.staff.error.time"));
        }
        if (!at.isAfter(clock.instant())) {
            return Optional.of(problem("news.staff.error.past"));
        }
        if (post.published()) {
            return Optional.of(problem("news.staff.error.alreadyPublished"));
        }
        store.setState(post.id(), PostState.SCHEDULED, at, null);
        audit.record("news.scheduled", "news_post", post.id(), at + " (" + zone.getId() + ")");
        return Optional.empty();
    }

    @Transactional
    void publishNow(Post post) {
        if (!post.published()) {
            publishing.publish(post.id(), clock.instant());
            audit.record("news.published", "news_post", post.id(), post.slug());
        }
    }

    /** A published or scheduled post back to a draft: it leaves the public pages. */
    @Transactional
    void backToDraft(Post post) {
        if (post.state() != PostState.DRAFT) {
            publishing.withdraw(post.id());
            audit.record("news.back-to-draft", "news_post", post.id(), post.slug());
        }
    }

    private void changedIfPublic(Post post) {
        if (post.published()) {
            version.changed();
        }
    }

    private Optional<Problem> textProblem(@Nullable String language, @Nullable String title, @Nullable String summary,
                                          @Nullable String body) {
        if (!isLanguageCode(language)) {
            return Optional.of(problem("news.staff.error.language"));
        }
        if (title == null || title.isBlank() || title.strip().length() > TITLE_LIMIT) {
            return Optional.of(problem("news.staff.error.title", TITLE_LIMIT));
        }
        if (summary != null && summary.strip().length() > SUMMARY_LIMIT) {
            return Optional.of(problem("news.staff.error.summary", SUMMARY_LIMIT));
        }
        if (body == null || body.isBlank() || body.length() > BODY_LIMIT) {
            return Optional.of(problem("news.staff.error.body", BODY_LIMIT));
        }
        return Optional.empty();
    }

    private static Post.Text text(@Nullable String language, @Nullable String title, @Nullable String summary,
                                  @Nullable String body) {
        return new Post.Text(strip(language), strip(title), strip(summary), strip(body));
    }

    private static Problem problem(String key, Object... arguments) {
        return new Problem(key, List.of(arguments));
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
