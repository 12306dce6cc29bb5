package org.solidarityhub.platform;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the senders when mail was queued, so that it leaves within a second of the commit instead of at the
 * next poll: in this instance through a hook run after the queuing transaction commits, in other instances
 * through PostgreSQL's {@code NOTIFY}, which the database delivers on commit to every instance that
 * {@code LISTEN}s (one connection each). Polling every {@code app.mail.poll-interval} stays as the fallback
 * (H2, a lost notification, a mail waiting out its back-off).
 */
@Component
class OutboxSignal implements SmartLifecycle {

    static final String CHANNEL = "mail_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxSignal.class);

    private final OutboxStore store;
    private final DataSource dataSource;
    private final Object lock = new Object();
    private long generation;
    private volatile Thread listener;

    OutboxSignal(OutboxStore store, DataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
    }

    /** Called by the outbox inside the transaction that queued mail: wakes every sender once it commits. */
    void queued() {
        store.notifyOtherInstances();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /**
     * Wakes one waiting sender: at a trickle one connection is enough, and a sender that finds a full batch
     * wakes the next ({@link OutboxWorkers}), so parallel connections join as the queue grows.
     */
    void wake() {
        synchronized (lock) {
            generation++;
            lock.notify();
        }
    }

    /** Wakes every waiting sender (when they stop). */
    void wakeAll() {
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    /** A mark to pass to {@link #await}: take it before looking for work, so that no wake-up is missed. */
    long mark() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Waits until woken after {@code mark} was taken, or at most {@code timeout}. */
    void await(long mark, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (generation == mark) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    // ---- PostgreSQL: LISTEN for the other instances' commits

    @Override
    public void start() {
        if (store.postgres()) {
            Thread thread = new Thread(this::listen, "outbox-listen");
            thread.setDaemon(true);
            listener = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private void listen() {
        while (listener == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // the driver's own API, reached without compiling against the driver (a runtime dependency)
                Object pg = connection.unwrap(Class.forName("org.postgresql.PGConnection"));
                Method notifications = pg.getClass().getMethod("getNotifications", int.class);
                notifications.setAccessible(true);
                while (listener == Thread.currentThread()) {
                    Object[] received = (Object[]) notifications.invoke(pg, 500);
                    if (received != null && received.length > 0) {
                        wake();
                    }
                }
            } catch (Exception e) {
                if (listener != Thread.currentThread()) {
                    return;
                }
                log.warn("Outbox listener lost its connection ({}); polling until it is back", e.getClass().getSimpleName());
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
