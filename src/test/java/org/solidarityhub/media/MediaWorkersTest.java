package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The worker pool is bounded: past its workers and queue, uploads are refused as busy, never queued without end. */
class MediaWorkersTest {

    @Test
    void uploadsBeyondWorkersAndQueueAreRefusedAsBusyUntilOneFinishes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try (MediaWorkers workers = new MediaWorkers(2, 3)) {
            List<MediaWorkers.Slot> slots = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                slots.add(workers.reserve());
            }
            assertThatThrownBy(workers::reserve).isInstanceOf(MediaBusyException.class)
                    .extracting(e -> ((MediaBusyException) e).reasonKey()).isEqualTo("media.refused.busy");

            CountDownLatch done = new CountDownLatch(5);
            for (MediaWorkers.Slot slot : slots) {
                slot.run(() -> {
                    try {
                        release.await();
                        ran.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(workers.inUse()).isEqualTo(5);
            assertThatThrownBy(workers::reserve).isInstanceOf(MediaBusyException.class);

            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
            assertThat(ran).hasValue(5);
            assertThat(workers.inUse()).isZero();
            workers.reserve().release();
        }
    }

    @Test
    void aSlotGivenBackWithoutRunningFreesItsRoom() {
        try (MediaWorkers workers = new MediaWorkers(1, 0)) {
            MediaWorkers.Slot slot = workers.reserve();
            assertThatThrownBy(workers::reserve).isInstanceOf(MediaBusyException.class);
            slot.release();
            slot.release(); // twice is harmless
            workers.reserve().release();
            assertThat(workers.inUse()).isZero();
        }
    }
}
