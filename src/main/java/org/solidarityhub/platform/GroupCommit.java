package org.solidarityhub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Group commit: writes that arrive at the same time are stored together, in one transaction, by a few writer
 * threads, instead of one transaction (and one disk flush) per request. {@link #submit} returns only after
 * the transaction that holds the item has committed, so a caller that acknowledges after {@code submit}
 * acknowledges durable data. Under light load a batch holds one item and costs a thread hand-off.
 *
 * <p>The batch function gets the items in arrival order and returns, per item, whether it stored it. An item
 * it did not store, or every item of a batch that failed, comes back {@code false}: the caller then takes its
 * ordinary one-by-one path, so one bad item never loses the others.
 *
 * @param <T> what is written
 */
public final class GroupCommit<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<T>(T item, CompletableFuture<Boolean> stored) {
    }

    /** The writers did not commit in time (a stalled database): 503, try again; nothing was acknowledged. */
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public static final class Busy extends RuntimeException {
        Busy(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String name;
    private final int maxBatch;
    private final Function<List<T>, boolean[]> writeInOneTransaction;
    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong storedTogether = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param name                  names the writer threads (and log lines)
     * @param writers               threads writing batches at once (each holds one connection while it writes)
     * @param maxBatch              items one transaction takes at most
     * @param writeInOneTransaction stores a batch in one transaction of its own and tells which items it stored
     */
    public GroupCommit(String name, int writers, int maxBatch, Function<List<T>, boolean[]> writeInOneTransaction) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a group commit needs at least one writer and a batch of one");
        }
        this.name = name;
        this.maxBatch = maxBatch;
        this.writeInOneTransaction = writeInOneTransaction;
        for (int i = 0; i < writers; i++) {
            Thread writer = Thread.ofPlatform().name(name + "-writer-" + i).daemon(true).unstarted(this::run);
            this.writers.add(writer);
            writer.start();
        }
    }

    /**
     * Waits until the item is committed with others (true) or was not stored (false: take the one-by-one
     * path). Throws {@link Busy} when the writers did not answer in time; the item may then still be stored
     * later, but it was never acknowledged.
     */
    public boolean submit(T item, long timeout, TimeUnit unit) {
        if (closed || writers.stream().noneMatch(Thread::isAlive)) {
            return false;
        }
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.stored().get(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(name + ": interrupted while waiting for the commit", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Busy(name + ": no commit in time", e);
        }
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            batch.clear();
            try {
                Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
            } catch (InterruptedException e) {
                if (closed) {
                    continue; // drain what is left, then stop
                }
                Thread.currentThread().interrupt();
                return;
            }
            write(batch);
        }
    }

    private void write(List<Pending<T>> batch) {
        boolean[] stored;
        try {
            stored = writeInOneTransaction.apply(batch.stream().map(Pending::item).toList());
            if (stored == null || stored.length != batch.size()) {
                throw new IllegalStateException("the batch function answered for " + (stored == null ? "no" : stored.length)
                        + " of " + batch.size() + " items");
            }
        } catch (RuntimeException | Error e) {
            // rolled back: every item goes its own way, where a bad one fails alone (an Error too: a writer that
            // died here would leave every later caller waiting for nothing)
            // only the kind of failure: a driver's batch error may quote the statement with its values (addresses)
            log.debug("{}: a batch of {} was rolled back ({}); each item is written on its own", name, batch.size(),
                    e.getClass().getName());
            stored = new boolean[batch.size()];
        }
        batches.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
            if (stored[i]) {
                storedTogether.incrementAndGet();
            }
            batch.get(i).stored().complete(stored[i]);
        }
    }

    /** Batches written so far (committed or rolled back). */
    public long batches() {
        return batches.get();
    }

    /** Items stored by batches so far (not those handed back to their callers). */
    public long storedTogether() {
        return storedTogether.get();
    }

    /** Items waiting for a writer. */
    int waiting() {
        return queue.size();
    }

    /** Stops taking items; the writers store what is queued, then end. */
    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
