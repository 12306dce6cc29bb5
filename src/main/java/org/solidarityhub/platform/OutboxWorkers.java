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
        signal.wakeAll();
        try {
            for (Thread thread : threads) {
                thread.join(10_000); // a batch in flight is finished and recorded
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
        try (OutboxSender.Line line = new OutboxSender.Line()) {
            while (running) {
                long mark = signal.mark();
                try {
                    OutboxSender.Result result = sender.sendBatch(line);
                    if (result.claimed() >= sender.batchSize()) {
                        signal.wake(); // more is due than one connection takes: bring in another
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
