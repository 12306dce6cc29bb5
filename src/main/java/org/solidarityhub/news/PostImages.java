package org.solidarityhub.news;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.media.MediaProcessed;
import org.solidarityhub.media.MediaRefusedException;
import org.solidarityhub.platform.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A post's photos through the media module (type from the content, metadata stripped, owner {@code ("news", post
 * id)}): uploaded on the post's staff page, the lead image chosen among them, inserted into the text as
 * {@code ![alt](image:<id>)}; published with the post (an image that finishes processing after that is published
 * then).
 */
@Service
class PostImages {

    static final String FEATURE = "news";

    private final PostStore store;
    private final Media media;
    private final PostPublishing publishing;
    private final NewsVersion version;
    private final AuditLog audit;
    private final java.time.Clock clock;

    PostImages(PostStore store, Media media, PostPublishing publishing, NewsVersion version, AuditLog audit,
               java.time.Clock clock) {
        this.store = store;
        this.media = media;
        this.publishing = publishing;
        this.version = version;
        this.audit = audit;
        this.clock = clock;
    }

    List<MediaItem> of(Post post) {
        return media.findAll(store.images(post.id()));
    }

    /** Accepts a photo for the post; the message key of the refusal otherwise (a video, no file, what media refused). */
    @Transactional
    Optional<String> add(Post post, @Nullable MultipartFile file, boolean lead) {
        if (file == null || file.isEmpty()) {
            return Optional.of("news.staff.error.noImage");
        }
        MediaItem item;
        try (InputStream in = file.getInputStream()) {
            item = media.acceptPicture(in, file.getSize(), new MediaOwner(FEATURE, Long.toString(post.id())));
        } catch (MediaRefusedException e) {
            return Optional.of(e.reasonKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.addImage(post.id(), item.id(), clock.instant());
        if (lead) {
            store.setLeadImage(post.id(), item.id());
        }
        audit.record("news.image-added", "news_post", post.id(), "media " + item.id() + (lead ? " (lead)" : ""));
        return Optional.empty();
    }

    @Transactional
    Optional<String> setLead(Post post, @Nullable Long mediaId) {
        if (mediaId != null && !store.images(post.id()).contains(mediaId)) {
            return Optional.of("news.staff.error.unknownImage");
        }
        store.setLeadImage(post.id(), mediaId);
        audit.record("news.lead-image-set", "news_post", post.id(), mediaId == null ? "none" : "media " + mediaId);
        changedIfPublic(post);
        return Optional.empty();
    }

    @Transactional
    Optional<String> remove(Post post, long mediaId) {
        if (!store.images(post.id()).contains(mediaId)) {
            return Optional.of("news.staff.error.unknownImage");
        }
        if (Long.valueOf(mediaId).equals(post.leadMediaId())) {
            store.setLeadImage(post.id(), null);
        }
        store.removeImage(post.id(), mediaId);
        media.discard(mediaId);
        audit.record("news.image-removed", "news_post", post.id(), "media " + mediaId);
        changedIfPublic(post);
        return Optional.empty();
    }

    /** An image of a published post that finished processing is published at once. */
    @EventListener
    void on(MediaProcessed processed) {
        if (FEATURE.equals(processed.owner().feature()) && processed.owner().reference().matches("\\d{1,18}")) {
            store.find(Long.parseLong(processed.owner().reference())).filter(Post::published).ifPresent(post -> {
                publishing.publishImages(post.id());
                version.changed();
            });
        }
    }

    private void changedIfPublic(Post post) {
        if (post.published()) {
            version.changed();
        }
    }
}
