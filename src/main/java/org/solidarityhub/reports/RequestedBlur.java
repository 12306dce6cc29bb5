package org.solidarityhub.reports;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaProcessed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Blurs the faces in the photos (and video posters) whose sender ticked "blur faces", as soon as each is processed,
 * before any moderator looks: when processing ends (told by {@link MediaProcessed}), and once the report is stored
 * for items processed before that. Moderators may then adjust the regions. Does nothing where the detector is missing.
 */
@Component
class RequestedBlur {

    private static final Logger log = LoggerFactory.getLogger(RequestedBlur.class);

    private final ReportStore store;
    private final Media media;

    RequestedBlur(ReportStore store, Media media) {
        this.store = store;
        this.media = media;
    }

    @EventListener
    void on(MediaProcessed processed) {
        if (ReportUploads.FEATURE.equals(processed.owner().feature())) {
            apply(List.of(processed.mediaId()));
        }
    }

    /** Blurs the detected faces of those of these items that are ready, not yet blurred and asked to be. */
    void apply(List<Long> mediaIds) {
        if (!media.canDetectFaces()) {
            return;
        }
        for (long id : store.blurRequested(mediaIds)) {
            try {
                MediaItem item = media.find(id).orElse(null);
                if (item != null && item.ready() && item.regions().isEmpty() && media.canBlur(item)) {
                    media.blur(id, media.detectFaces(id));
                }
            } catch (RuntimeException e) {
                // the item went away or changed meanwhile; the moderator can still blur it
                log.warn("Requested blur of a report item skipped: {}", e.getClass().getSimpleName());
            }
        }
    }
}
