package org.solidarityhub.updates;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidarityhub.platform.Outbox;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts an update's recipients into the outbox as bulk mail, a chunk per transaction: one {@code INSERT ... SELECT}
 * of {@code updates.chunk-size} recipients into the outbox and one update of their state, under a lock on the update's
 * row (one instance queues an update at a time). A crash between chunks leaves the rest PENDING: the next pass (right
 * after the send's commit, then every {@code updates.queue-interval}, also after a restart) goes on where it stopped,
 * and the outbox leaves out a recipient it holds already, so nobody is queued twice. Memory stays the same for any
 * number of recipients: no address passes through the application.
 */
@Component
class UpdateQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UpdateQueue.class);

    private final UpdateStore store;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final UpdatesProperties properties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("news-updates-queue").factory());

    UpdateQueue(UpdateStore store, Outbox outbox, TransactionTemplate transactions, UpdatesProperties properties, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts queuing an update in the background (after the commit of its send). */
    void soon(long updateId) {
        worker.execute(() -> queueAll(updateId));
    }

    /** Goes on with every update still being queued (after a restart, or a pass that failed). */
    @Scheduled(fixedDelayString = "${updates.queue-interval:10s}", initialDelayString = "${updates.queue-interval:10s}")
    void pass() {
        for (long id : store.queueing()) {
            queueAll(id);
        }
    }

    /** Queues every chunk of an update; returns how many recipients were queued now. */
    long queueAll(long updateId) {
        long queued = 0;
        try {
            while (true) {
                Integer chunk = transactions.execute(status -> queueChunk(updateId));
                if (chunk == null || chunk < 0) {
                    return queued;
                }
                queued += chunk;
            }
        } catch (RuntimeException e) {
            // the next pass goes on where this one stopped; nothing personal is in the message of our own SQL
            log.warn("Queuing update {} stopped after {} recipients; the next pass goes on: {}", updateId, queued,
                    e.getClass().getSimpleName());
            return queued;
        }
    }

    /** One chunk in one transaction: how many were queued, or -1 when nothing waits (the update is then QUEUED). */
    private int queueChunk(long updateId) {
        Optional<String> state = store.lockState(updateId);
        if (state.isEmpty() || !state.get().equals("QUEUEING")) {
            return -1;
        }
        Optional<Long> upto = store.nextChunkEnd(updateId, properties.chunkSize());
        if (upto.isEmpty()) {
            store.allQueued(updateId, clock.instant());
            return -1;
        }
        outbox.enqueueSelected(UpdateStore.CHUNK, UpdateStore.chunk(updateId, upto.get()), Outbox.Priority.BULK);
        return store.queued(updateId, upto.get());
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
