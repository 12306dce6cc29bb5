package org.solidarityhub.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.media.MediaProcessed;
import org.solidarityhub.media.MediaRefusedException;
import org.solidarityhub.media.Variant;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.submissions.RetentionRule;
import org.solidarityhub.submissions.SubmissionApproved;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * An event's pictures and posters, through the media module (type from the content, metadata stripped, web size and
 * thumbnail; owner {@code ("events", event id)}): added on the submission form and on the management page, at most
 * {@link EventsProperties#maxImages()} per event. They are served once the event is published (approved by a
 * moderator, who sees them first); an image added to a published event is served as soon as it is processed, like
 * the other changes that are not of its title, time or place. The first served image is the event's picture on the
 * cards; the event page shows them all.
 */
@Service
class EventImages {

    static final String FEATURE = "events";

    /** An image refused: the message key, for the field {@code images}. Thrown to roll a submission back whole. */
    static final class Refused extends RuntimeException {
        private final String key;

        Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    /** What a page shows of an event's image: its web-size and thumbnail addresses and size. */
    record Shown(String web, String thumbnail, int width, int height) {
    }

    /** What the management page shows of an image: its id, the message key of its state, and its thumbnail once served. */
    record Owned(long id, String stateKey, @Nullable String thumbnail) {
    }

    private final EventImageStore images;
    private final EventStore events;
    private final Events lifecycle;
    private final Media media;
    private final EventsProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    EventImages(EventImageStore images, EventStore events, Events lifecycle, Media media, EventsProperties properties,
                AuditLog audit, Clock clock) {
        this.images = images;
        this.events = events;
        this.lifecycle = lifecycle;
        this.media = media;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Submits an event with its images, all or nothing: a refused image rolls the submission back ({@link Refused}). */
    @Transactional
    Events.Submitted submit(Campaign campaign, Draft draft, String contactEmail, Locale language, GoingChoice going,
                            List<MultipartFile> files) {
        List<MultipartFile> chosen = chosen(files);
        if (chosen.size() > properties.maxImages()) {
            throw new Refused("events.images.tooMany");
        }
        Events.Submitted submitted = lifecycle.submit(campaign, draft, contactEmail, language, going);
        add(submitted.id(), chosen).ifPresent(key -> {
            throw new Refused(key);
        });
        return submitted;
    }

    /** Adds images to an event through its management link; the message key of the refusal otherwise (nothing added). */
    @Transactional
    Optional<String> addThroughLink(StoredEvent event, List<MultipartFile> files) {
        List<MultipartFile> chosen = chosen(files);
        if (chosen.isEmpty()) {
            return Optional.of("events.images.none");
        }
        Optional<String> refused = add(event.id(), chosen);
        refused.ifPresent(key -> {
            throw new Refused(key); // rolls back the images accepted before the refused one
        });
        return Optional.empty();
    }

    private Optional<String> add(long eventId, List<MultipartFile> files) {
        if (images.of(eventId).size() + files.size() > properties.maxImages()) {
            return Optional.of("events.images.tooMany");
        }
        boolean published = events.find(eventId).map(e -> e.published() != null).orElse(false);
        for (MultipartFile file : files) {
            MediaItem item;
            try (InputStream in = file.getInputStream()) {
                item = media.acceptPicture(in, file.getSize(), new MediaOwner(FEATURE, Long.toString(eventId)));
            } catch (MediaRefusedException e) {
                return Optional.of(e.reasonKey());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            images.add(eventId, item.id(), clock.instant());
            audit.record("events.image-added", "event", eventId, "media " + item.id() + (published ? " (published event)" : ""));
        }
        return Optional.empty();
    }

    /** Removes one of the event's images through its management link (its files are deleted). */
    @Transactional
    Optional<String> remove(StoredEvent event, long mediaId) {
        if (!images.of(event.id()).contains(mediaId)) {
            return Optional.of("events.images.unknown");
        }
        images.remove(event.id(), mediaId);
        media.discard(mediaId);
        images.touch(event.id(), clock.instant());
        audit.record("events.image-removed", "event", event.id(), "media " + mediaId);
        return Optional.empty();
    }

    /** Every image of an event, in any state (for its organizer and the moderators). */
    List<MediaItem> of(long eventId) {
        return media.findAll(images.of(eventId));
    }

    /** Every image of an event as its organizer sees it on the management page. */
    List<Owned> owned(long eventId) {
        return of(eventId).stream().map(i -> new Owned(i.id(), "events.images.state." + (i.published() ? "shown"
                : i.ready() ? "waiting" : i.state() == org.solidarityhub.media.MediaState.PROCESSING ? "processing" : "failed"),
                i.published() ? i.url(Variant.THUMBNAIL).orElse(null) : null)).toList();
    }

    /** The images the public sees of an event (published ones), in the order they were added. */
    List<Shown> shown(long eventId) {
        return of(eventId).stream().filter(MediaItem::published).map(EventImages::shown).toList();
    }

    /** The first image the public sees of an event (drawn on its share card), if it has one. */
    Optional<Long> firstShownId(long eventId) {
        return of(eventId).stream().filter(MediaItem::published).map(MediaItem::id).findFirst();
    }

    /** The first image the public sees of each of these events (for cards); events without one are absent. */
    Map<Long, Shown> firstShown(List<Long> eventIds) {
        Map<Long, Shown> result = new java.util.HashMap<>();
        Map<Long, List<Long>> byEvent = images.of(eventIds);
        List<Long> all = byEvent.values().stream().flatMap(List::stream).toList();
        Map<Long, MediaItem> items = new java.util.HashMap<>();
        media.findAll(all).forEach(i -> items.put(i.id(), i));
        byEvent.forEach((event, ids) -> ids.stream().map(items::get)
                .filter(i -> i != null && i.published()).findFirst()
                .ifPresent(i -> result.put(event, shown(i))));
        return result;
    }

    private static Shown shown(MediaItem item) {
        return new Shown(item.url(Variant.WEB).orElseThrow(), item.url(Variant.THUMBNAIL).orElseThrow(),
                item.width(), item.height());
    }

    /** The moderator approved the event (or a change to it): its processed images are served. */
    @EventListener
    void on(SubmissionApproved approved) {
        if (Events.SUBJECT.equals(approved.subjectType())) {
            publishReady(approved.subjectId());
        }
    }

    /** An image of a published event that finished processing is served at once. */
    @EventListener
    void on(MediaProcessed processed) {
        if (FEATURE.equals(processed.owner().feature()) && processed.owner().reference().matches("\\d{1,18}")) {
            long eventId = Long.parseLong(processed.owner().reference());
            if (events.find(eventId).map(e -> e.published() != null).orElse(false)) {
                publishReady(eventId);
            }
        }
    }

    private void publishReady(long eventId) {
        if (media.publishReady(images.of(eventId)) > 0) {
            images.touch(eventId, clock.instant());
        }
    }

    /** Discards the images of events that were deleted (never confirmed); returns how many. */
    int eraseOrphans(java.time.Instant ignored) {
        List<long[]> orphans = images.orphans();
        for (long[] pair : orphans) {
            images.remove(pair[0], pair[1]);
            try {
                media.discard(pair[1]);
            } catch (java.util.NoSuchElementException gone) {
                // already discarded
            }
        }
        return orphans.size();
    }

    private static List<MultipartFile> chosen(@Nullable List<MultipartFile> files) {
        List<MultipartFile> chosen = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty()))) {
                    chosen.add(f); // an empty part with a file name is an empty file: media refuses it
                }
            }
        }
        return chosen;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Retention {
        @Bean
        RetentionRule eventsImages(EventImages images) {
            return new RetentionRule("events.images", "pictures of events deleted before they were confirmed",
                    Duration.ZERO, images::eraseOrphans);
        }
    }
}
