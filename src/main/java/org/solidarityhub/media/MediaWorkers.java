package org.solidarityhub.media;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded worker pool that processes uploads off the request thread: {@code app.media.workers} threads and at
 * most {@code app.media.queue} uploads waiting. An upload first reserves a {@link Slot} on the request thread; when
 * none is free it is refused at once as busy ({@link MediaBusyException}), so ten people uploading videos together
 * neither stop the site nor pile up work without bound.
 */
final class MediaWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaWorkers.class);

    private final int capacity;
    private final Semaphore slots;
    private final ThreadPoolExecutor pool;

    MediaWorkers(int workers, int queue) {
        this.capacity = workers + queue;
        this.slots = new Semaphore(capacity);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(workers + queue), task -> {
                    Thread thread = new Thread(task, "media-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1); // pages keep answering while media is processed
                    return thread;
                });
    }

    /** Reserves room for one upload, or refuses it as busy. */
    Slot reserve() {
        if (!slots.tryAcquire()) {
            throw new MediaBusyException();
        }
        return new Slot();
    }

    /** Uploads reserved, waiting or being processed. */
    int inUse() {
        return capacity - slots.availablePermits();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Room for one upload: run its task once, or give the room back. */
    final class Slot {

        private final AtomicBoolean used = new AtomicBoolean();

        void run(Runnable task) {
            if (!used.compareAndSet(false, true)) {
                throw new IllegalStateException("a slot runs one task");
            }
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("a media task broke: {}", e.getClass().getName());
                } finally {
                    slots.release();
                }
            });
        }

        void release() {
            if (used.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
