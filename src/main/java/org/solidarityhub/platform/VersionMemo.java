package org.solidarityhub.platform;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Page versions remembered for {@code app.pages.version-memo} (a second by default): at a peak the version query
 * of a page runs about once a second per instance, and a change made through any instance is seen by every other
 * one within that time. While one request reads a version anew, the others keep the one they had (a few
 * milliseconds older), so a query never piles up.
 */
@Component
class VersionMemo {

    private static final class Entry {
        volatile Optional<PageVersion> value = Optional.empty();
        volatile long readAt;
        volatile boolean read;
        final AtomicBoolean reading = new AtomicBoolean();
    }

    private final long memoNanos;
    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(20_000).build();

    VersionMemo(PlatformProperties properties) {
        this.memoNanos = properties.pages().versionMemo().toNanos();
    }

    Optional<PageVersion> get(String key, Supplier<Optional<PageVersion>> read) {
        Entry entry = entries.get(key, k -> new Entry());
        if (entry.read && System.nanoTime() - entry.readAt < memoNanos) {
            return entry.value;
        }
        if (entry.read && !entry.reading.compareAndSet(false, true)) {
            return entry.value; // another request is reading it right now
        }
        if (!entry.read) {
            synchronized (entry) {
                if (entry.read) {
                    return entry.value;
                }
                load(entry, read);
                return entry.value;
            }
        }
        try {
            load(entry, read);
        } finally {
            entry.reading.set(false);
        }
        return entry.value;
    }

    private void load(Entry entry, Supplier<Optional<PageVersion>> read) {
        long started = System.nanoTime();
        entry.value = read.get();
        entry.readAt = started;
        entry.read = true;
    }

    /** Forgets every version (tests that change data behind the application's back). */
    void clear() {
        entries.invalidateAll();
    }
}
