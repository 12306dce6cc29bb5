package org.solidarityhub.news;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.platform.DemoContent;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo content: the seed texts as published posts, each in its language (classpath {@code news/demo/<slug>.<lang>.md},
 * a first line {@code # Title} and the Markdown text): the Brussels call, the call to the global week of action and
 * Operation Solidarity's Day 23, with tags and cards. Loaded when {@code app.demo} is on; loading twice changes nothing.
 */
@Component
class NewsDemoContent implements DemoContent {


    /** A demo post: its slug, language, tags, cards (the event card by the events' demo key) and age in days. */
    record Demo(String slug, String language, List<String> tags, List<Post.Card> cards, String demoEvent, int daysAgo) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("operation-solidarity-day-23", "en", List.of("operation-solidarity", "fundraising"), List.of(), "", 30),
            new Demo("week-of-action", "en", List.of("week-of-action"), List.of(new Post.Card("CAMPAIGN", "week-of-action-2027"),
                    new Post.Card("APPEAL", "global-week-of-action")), "", 20),
            new Demo("brussels-call", "en", List.of("week-of-action", "brussels"),
                    List.of(new Post.Card("APPEAL", "global-week-of-action")), "brussels-2027", 10));

    private final PostStore store;
    private final PostPublishing publishing;
    private final EventDirectory events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NewsDemoContent(PostStore store, PostPublishing publishing, EventDirectory events,
                    TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.publishing = publishing;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "news";
    }

    /** Loads the demo posts that are not there yet; returns how many it stored. */
    @Override
    public int load() {
        int stored = 0;
        for (Demo demo : DEMOS) {
            String key = "news-" + demo.slug();
            if (store.demoExists(key) || store.findBySlug(demo.slug()).isPresent()) {
                continue;
            }
            Post.Text text = text(demo.slug(), demo.language());
            transaction.executeWithoutResult(status -> {
                var at = clock.instant().minus(Duration.ofDays(demo.daysAgo()));
                long id = store.insert(demo.slug(), demo.language(), at, key);
                store.saveTexts(id, List.of(text), "demo", at);
                store.setTags(id, demo.tags());
                List<Post.Card> cards = new ArrayList<>(demo.cards());
                if (!demo.demoEvent().isEmpty()) {
                    events.demoEvent(demo.demoEvent()).ifPresent(e -> cards.add(new Post.Card("EVENT", Long.toString(e.id()))));
                }
                store.setCards(id, cards);
                publishing.publish(id, at);
            });
            stored++;
        }
        return stored;
    }

    private static Post.Text text(String slug, String language) {
        try (InputStream in = new ClassPathResource("news/demo/" + slug + "." + language + ".md").getInputStream()) {
            String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = markdown.indexOf('\n');
            String title = markdown.substring(0, end).replaceFirst("^#\\s*", "").strip();
            return new Post.Text(language, title, "", markdown.substring(end + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
