package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void itemsArrivingWhileABatchIsWrittenGoTogetherIntoTheNext() throws Exception {
        List<List<Integer>> written = new CopyOnWriteArrayList<>();
        List<GroupCommit<Integer>> holder = new CopyOnWriteArrayList<>();
        CountDownLatch firstTaken = new CountDownLatch(1);
        try (GroupCommit<Integer> commit = new GroupCommit<>("test", 1, 64, batch -> {
            if (written.isEmpty()) {
                firstTaken.countDown();
                awaitWaiting(holder.getFirst(), 19); // the first batch is slow: the other 19 queue up meanwhile
            }
            written.add(batch);
            boolean[] stored = new boolean[batch.size()];
            java.util.Arrays.fill(stored, true);
            return stored;
        })) {
            holder.add(commit);
            ExecutorService callers = Executors.newFixedThreadPool(20);
            try {
                List<Future<Boolean>> answers = new ArrayList<>();
                answers.add(callers.submit(() -> commit.submit(0, 10, TimeUnit.SECONDS)));
                assertThat(firstTaken.await(10, TimeUnit.SECONDS)).isTrue();
                for (int i = 1; i < 20; i++) {
                    int item = i;
                    answers.add(callers.submit(() -> commit.submit(item, 10, TimeUnit.SECONDS)));
                }
                for (Future<Boolean> answer : answers) {
                    assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                callers.shutdown();
            }
            assertThat(written).hasSize(2);
            assertThat(written.get(1)).hasSize(19);
            assertThat(commit.batches()).isEqualTo(2);
            assertThat(commit.storedTogether()).isEqualTo(20);
        }
    }

    private static void awaitWaiting(GroupCommit<?> commit, int items) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commit.waiting() < items && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void itemsTheBatchLeftOutGoBackToTheirCallers() {
        try (GroupCommit<String> commit = new GroupCommit<>("test", 2, 8,
                batch -> new boolean[]{!batch.getFirst().equals("known")})) {
            assertThat(commit.submit("new", 5, TimeUnit.SECONDS)).isTrue();
            assertThat(commit.submit("known", 5, TimeUnit.SECONDS)).isFalse();
            assertThat(commit.storedTogether()).isEqualTo(1);
        }
    }

    @Test
    void aFailedBatchHandsEveryItemBackToItsCaller() {
        try (GroupCommit<String> commit = new GroupCommit<>("test", 1, 8, batch -> {
            throw new IllegalStateException("the database refused the batch");
        })) {
            assertThat(commit.submit("a", 5, TimeUnit.SECONDS)).isFalse();
            assertThat(commit.storedTogether()).isZero();
        }
    }

    @Test
    void aBatchFunctionThatAnswersForTooFewItemsCountsAsFailed() {
        try (GroupCommit<String> commit = new GroupCommit<>("test", 1, 8, batch -> new boolean[0])) {
            assertThat(commit.submit("a", 5, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void afterClosingNothingIsTakenAndCallersUseTheirOwnPath() {
        GroupCommit<String> commit = new GroupCommit<>("test", 1, 8, batch -> new boolean[]{true});
        commit.close();
        assertThat(commit.submit("late", 1, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void refusesToStartWithoutWriters() {
        assertThatThrownBy(() -> new GroupCommit<String>("test", 0, 8, batch -> new boolean[]{true}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchThatThrowsAnErrorLeavesTheWriterAlive() {
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (GroupCommit<String> commit = new GroupCommit<>("test", 1, 8, batch -> {
            if (first.getAndSet(false)) {
                throw new StackOverflowError("deep");
            }
            return new boolean[]{true};
        })) {
            assertThat(commit.submit("a", 5, TimeUnit.SECONDS)).isFalse();
            assertThat(commit.submit("b", 5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aCallerWhoseBatchDoesNotCommitInTimeIsToldTheSiteIsBusy() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        try (GroupCommit<String> commit = new GroupCommit<>("test", 1, 8, batch -> {
            try {
                stalled.await(10, TimeUnit.SECONDS); // a database that does not answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new boolean[]{true};
        })) {
            assertThatThrownBy(() -> commit.submit("a", 100, TimeUnit.MILLISECONDS)).isInstanceOf(GroupCommit.Busy.class);
            stalled.countDown();
        }
    }
}
