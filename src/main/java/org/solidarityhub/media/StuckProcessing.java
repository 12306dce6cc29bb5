package org.solidarityhub.media;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Items whose processing was cut off (their instance stopped while they waited or ran) would otherwise show
 * "processing" for ever: after {@code app.media.processing-timeout} they are marked failed and {@link MediaFailed} is
 * published, so the feature can tell its sender. Safe on several instances: each item ends once.
 */
@Component
class StuckProcessing {

    private final MediaItems items;
    private final MediaProcessing processing;
    private final MediaProperties settings;
    private final Clock clock;

    StuckProcessing(MediaItems items, MediaProcessing processing, MediaProperties settings, Clock clock) {
        this.items = items;
        this.processing = processing;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void failStuckItems() {
        for (MediaItems.Row row : items.processingSince(clock.instant().minus(settings.processingTimeout()))) {
            processing.end(row.item().id(), row.item().owner(), MediaState.FAILED, "media.failed");
        }
    }
}
