package org.solidarityhub.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The threads that send: {@code app.mail.connections} of them, each with an SMTP connection of its own, kept
 * open from batch to batch while it is busy. A thread sends batch after batch while there is mail due, then
 * waits for a commit that queued mail ({@link OutboxSignal}) or, at most, {@code app.mail.poll-interval}.
 */
@Component
class OutboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorkers.class);

    /**
     * Batches start small and double while they come back full, up to {@code app.mail.batch-size}: a burst
     * of mail is shared among the connections at once (each SMTP exchange waits for the server, so four
     * connections with a quarter each deliver sooner than one with all), a long queue goes in big batches.
     */
    static final int SMALLEST_BATCH = 16;

    private final OutboxSender sender;
    private final OutboxSignal signal;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    OutboxWorkers(OutboxSender sender, OutboxSignal signal) {
        this.sender = sender;
        this.signal = signal;
    }

    @Override
    public synchronized void start() {
        running = true;
        sender.sending(true);
        for (int i = 0; i < sender.connections(); i++) {
            Thread thread = new Thread(this::work, "outbox-send-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        sender.sending(false); // a batch in flight stops after its current mail and gives the rest back
        signal.wakeAll();
        try {
            for (Thread thread : threads) {
                thread.join(10_000); // the batch in flight records what it sent and gave back
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        int smallest = Math.min(SMALLEST_BATCH, sender.batchSize());
        int size = smallest;
        try (OutboxSender.Line line = new OutboxSender.Line()) {
            while (running) {
                long mark = signal.mark();
                try {
                    OutboxSender.Result result = sender.sendBatch(line, size);
                    if (result.claimed() >= size) {
                        // more is due than this batch took: bring in another connection, take more next time
                        signal.wake();
                        size = Math.min(size * 2, sender.batchSize());
                    } else {
                        size = Math.max(size / 2, smallest);
                    }
                    if (result.claimed() > 0) {
                        continue;
                    }
                    line.closeIfIdle();
                    Duration paused = sender.paused();
                    signal.await(mark, paused.isZero() ? sender.pollInterval() : paused);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the database is away: try again at the next poll; the class only, no message (it may quote data)
                    log.warn("Outbox sending failed: {}", e.getClass().getSimpleName());
                    line.close();
                    try {
                        Thread.sleep(sender.pollInterval().toMillis());
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
