package org.solidarityhub.platform;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads every feature's {@link DemoContent} once the application is ready, when {@code app.demo} is on. A demo that
 * fails is skipped with a warning naming only the kind of failure: the site runs without it.
 */
@Component
class DemoLoading {

    private static final Logger log = LoggerFactory.getLogger(DemoLoading.class);

    private final PlatformProperties platform;
    private final List<DemoContent> contents;

    DemoLoading(PlatformProperties platform, List<DemoContent> contents) {
        this.platform = platform;
        this.contents = contents;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!platform.demo()) {
            return;
        }
        for (DemoContent content : contents) {
            try {
                content.load();
            } catch (RuntimeException e) {
                log.warn("Demo {} not loaded: {}", content.name(), e.getClass().getSimpleName());
            }
        }
    }
}
