package org.solidarityhub.platform;

import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The rendered bytes of the kept public pages, per URL and language, each with the ETag of the version it shows;
 * bounded by {@code app.pages.cache-size} bytes (least recently and least often used go first). Counts hits,
 * misses and 304s (Micrometer {@code app.pages.cache}, tagged by result).
 */
@Component
class PageBytes {

    private final Cache<String, RenderedPage> pages;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    PageBytes(PlatformProperties properties, ObjectProvider<MeterRegistry> registry) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.pages().cacheSize().toBytes())
                .weigher((String key, RenderedPage page) -> page.weight())
                .executor(Runnable::run) // evicts at once, so the bound holds at every moment
                .build();
        registry.ifAvailable(meters -> {
            FunctionCounter.builder("app.pages.cache", hits, AtomicLong::get).tag("result", "hit").register(meters);
            FunctionCounter.builder("app.pages.cache", misses, AtomicLong::get).tag("result", "miss").register(meters);
            FunctionCounter.builder("app.pages.cache", notModified, AtomicLong::get).tag("result", "not-modified").register(meters);
            Gauge.builder("app.pages.cache.bytes", this, PageBytes::bytes).register(meters);
        });
    }

    /** The page kept for this key if it shows the version of {@code etag}. */
    @Nullable RenderedPage get(String key, String etag) {
        RenderedPage page = pages.getIfPresent(key);
        if (page != null && page.etag().equals(etag)) {
            hits.incrementAndGet();
            return page;
        }
        return null;
    }

    void put(String key, RenderedPage page) {
        misses.incrementAndGet();
        pages.put(key, page);
    }

    void countNotModified() {
        notModified.incrementAndGet();
    }

    long bytes() {
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    void clear() {
        pages.invalidateAll();
    }
}
