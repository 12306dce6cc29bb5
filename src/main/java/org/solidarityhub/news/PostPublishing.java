package org.solidarityhub.news;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing a post (now, or by the job when its scheduled time has come) and taking it back: its state, its images
 * in the media module, the news version. The job runs every 20 seconds on one instance at a time (ShedLock lock
 * {@code news-publisher}), each post in a transaction of its own.
 */
@Service
class PostPublishing {

    private static final Logger log = LoggerFactory.getLogger(PostPublishing.class);

    private final PostStore store;
    private final Media media;
    private final NewsVersion version;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PostPublishing(PostStore store, Media media, NewsVersion version, AuditLog audit, TransactionTemplate transaction,
                   Clock clock) {
        this.store = store;
        this.media = media;
        this.version = version;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Publishes in the caller's transaction: the post, its ready images; the pages change. */
    void publish(long postId, Instant at) {
        store.setState(postId, PostState.PUBLISHED, null, at);
        publishImages(postId);
        version.changed();
    }

    /** Back to a draft: off the public pages, its images no longer served. */
    void withdraw(long postId) {
        store.setState(postId, PostState.DRAFT, null, null);
        for (MediaItem item : media.findAll(store.images(postId))) {
            if (item.published()) {
                media.unpublish(item.id());
            }
        }
        version.changed();
    }

    void publishImages(long postId) {
        media.publishReady(store.images(postId));
    }

    /** Publishes every scheduled post whose time has come (a skipped run, when another instance holds the lock, does nothing). */
    @Scheduled(fixedDelayString = "${news.publisher-delay:20s}", initialDelayString = "${news.publisher-delay:20s}")
    @SchedulerLock(name = "news-publisher")
    public void publishDue() {
        Instant now = clock.instant();
        List<Long> published = new ArrayList<>();
        for (long id : store.due(now)) {
            try {
                transaction.executeWithoutResult(status -> store.find(id)
                        .filter(p -> p.state() == PostState.SCHEDULED && p.publishAt() != null && !p.publishAt().isAfter(now))
                        .ifPresent(p -> {
                            publish(p.id(), p.publishAt());
                            audit.record("news.published", "news_post", p.id(), p.slug() + " (scheduled)");
                            published.add(id);
                        }));
            } catch (RuntimeException e) {
                log.warn("Publishing scheduled post {} failed; the next run retries: {}", id, e.getClass().getSimpleName());
            }
        }
        if (!published.isEmpty()) {
            log.info("Published {} scheduled post(s)", published.size());
        }
    }
}
