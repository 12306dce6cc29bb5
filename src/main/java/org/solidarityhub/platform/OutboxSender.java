package org.solidarityhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox over SMTP (Spring Boot's {@code spring.mail.*}): one call of {@link #sendBatch} claims a
 * batch (see {@link OutboxStore}), builds its messages, sends them all over one SMTP connection and records
 * the outcomes in one batched update. {@link OutboxWorkers} runs {@code app.mail.connections} such calls in
 * parallel. Transactional mail goes before bulk mail; domains with limits get batches of their own
 * ({@link OutboxDomains}).
 * <p>
 * Failures: a refused address (5xx) or one that cannot be parsed is given up at once; "try later" (4xx) is
 * retried with exponential backoff (1 min, 2 min, 4 min, … at most 6 h) until {@code app.mail.max-attempts}
 * and makes its domain wait. When the server cannot be reached, the first mail of the batch records the
 * failed attempt, the rest goes back untried, and the sender pauses (5 s doubling up to 1 min): mail waits
 * without using up its attempts and leaves at full speed once the server is back. Without an SMTP host nothing
 * is sent and the mail stays readable at /staff/outbox.
 * <p>
 * A crash (or a lost database) after the server accepted mails of a batch and before their update leaves them
 * claimed; when the claim's lease ends another sender sends them again: each such mail goes out twice, never
 * more for one crash, and both copies carry the same Message-ID, so most mail programs show one.
 * <p>
 * Longer than a class should be: sending a batch, telling a failure's kind, backing off and pausing share the
 * state of one sender (its last error, its pause), and splitting them would pass that state around.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** How long a claimed batch is left to its sender before others may take it again (a crashed sender). */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

    private volatile boolean stopping;

    /** What went wrong last, for the health contributor and the staff page (never an address or server text). */
    enum ErrorKind { CONNECTION, TEMPORARY, PERMANENT, ADDRESS }

    record LastError(ErrorKind kind, Instant at) {
    }

    private final OutboxStore store;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final PlatformProperties.Mail settings;
    private final OutboxDomains domains;
    private final OutboxMessages messages;
    private volatile LastError lastError;
    private volatile Instant pausedUntil;
    private int pauses;

    OutboxSender(OutboxStore store, Clock clock, ObjectProvider<JavaMailSender> mailSender, PlatformProperties properties) {
        this.store = store;
        this.clock = clock;
        this.mailSender = mailSender;
        this.settings = properties.mail();
        this.domains = new OutboxDomains(settings.domains());
        this.messages = new OutboxMessages(settings.from(), clock);
    }

    boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    int connections() {
        return settings.connections();
    }

    Duration pollInterval() {
        return settings.pollInterval();
    }

    LastError lastError() {
        return lastError;
    }

    OutboxDomains domains() {
        return domains;
    }

    /** How long the sender still waits for the server to come back, or zero. */
    Duration paused() {
        Instant until = pausedUntil;
        Duration left = until == null ? Duration.ZERO : Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    int batchSize() {
        return settings.batchSize();
    }

    /** Sends one batch of what is due now over a new connection; returns how many mails were sent (for tests). */
    int sendDue() {
        return sendBatch().sent();
    }

    /**
     * Whether this sender goes on sending: told {@code false} when the node stops ({@link OutboxWorkers#stop}), a batch
     * in flight sends no further mail after the one it is sending and hands the rest back at once, for another node
     * (instead of leaving it claimed until its lease ends).
     */
    void sending(boolean on) {
        stopping = !on;
    }

    /** {@link #sendBatch(Line, int)} of a full batch over a connection of its own, closed after. */
    Result sendBatch() {
        try (Line line = new Line()) {
            return sendBatch(line, settings.batchSize());
        }
    }

    /**
     * The SMTP connection of one sending thread, kept open between its batches while it is busy: a connection
     * idle for {@link #IDLE} is closed, and one the server closed meanwhile is opened again once per batch.
     */
    static final class Line implements AutoCloseable {

        static final Duration IDLE = Duration.ofSeconds(5);

        private OutboxConnection connection;
        private long lastUsed;
        private boolean reused;

        OutboxConnection open(JavaMailSender sender) throws MessagingException {
            if (connection != null && System.nanoTime() - lastUsed > IDLE.toNanos()) {
                close();
            }
            reused = connection != null;
            if (connection == null) {
                connection = OutboxConnection.open(sender);
            }
            lastUsed = System.nanoTime();
            return connection;
        }

        /** Whether the connection in use was opened for an earlier batch (and may have been closed by the server). */
        boolean reused() {
            return reused;
        }

        void used() {
            lastUsed = System.nanoTime();
        }

        void closeIfIdle() {
            if (connection != null && System.nanoTime() - lastUsed > IDLE.toNanos()) {
                close();
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    record Result(int claimed, int sent) {
        static final Result NOTHING = new Result(0, 0);
    }

    /**
     * One batch over one connection: for a limited domain that may take mail now if any has mail due, else
     * for the rest of the queue.
     */
    Result sendBatch(Line line, int batchSize) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || !paused().isZero()) {
            return Result.NOTHING;
        }
        Instant now = clock.instant();
        for (String domain : domains.limitedInTurn()) {
            OutboxDomains.Permit permit = domains.take(domain, now, batchSize);
            if (permit == null) {
                continue;
            }
            List<OutboxStore.Claimed> mails = List.of();
            try {
                mails = store.claim(now, LEASE, permit.mails(), domain, Set.of());
                if (!mails.isEmpty()) {
                    return new Result(mails.size(), send(sender, line, mails));
                }
            } finally {
                domains.done(permit, mails.size());
            }
        }
        List<OutboxStore.Claimed> mails = store.claim(now, LEASE, batchSize, null, domains.leftOut(now));
        return mails.isEmpty() ? Result.NOTHING : new Result(mails.size(), send(sender, line, mails));
    }

    private int send(JavaMailSender sender, Line line, List<OutboxStore.Claimed> mails) {
        List<OutboxStore.Outcome> outcomes = new ArrayList<>(mails.size());
        List<Long> untried = new ArrayList<>();
        List<OutboxStore.Claimed> sendable = new ArrayList<>(mails.size());
        List<MimeMessage> built = new ArrayList<>(mails.size());
        for (OutboxStore.Claimed mail : mails) {
            try {
                built.add(messages.build(sender, mail));
                sendable.add(mail);
            } catch (AddressException e) {
                outcomes.add(failed(mail, e, ErrorKind.ADDRESS)); // no retry makes a malformed address deliverable
            } catch (MessagingException e) {
                outcomes.add(failed(mail, e, ErrorKind.TEMPORARY));
            }
        }
        int sent = 0;
        OutboxConnection connection = null;
        try {
            if (!sendable.isEmpty()) {
                connection = line.open(sender);
            }
        } catch (MessagingException | RuntimeException e) {
            // the server cannot be reached: one mail records the attempt, the others wait untried
            outcomes.add(failed(sendable.getFirst(), e, ErrorKind.CONNECTION));
            sendable.subList(1, sendable.size()).forEach(rest -> untried.add(rest.id()));
            sendable = List.of();
            pause();
        }
        boolean reopened = false;
        boolean completed = false;
        try {
            for (int i = 0; i < sendable.size(); i++) {
                OutboxStore.Claimed mail = sendable.get(i);
                if (stopping) { // the node stops: what is not sent yet goes back, due at once for another sender
                    sendable.subList(i, sendable.size()).forEach(rest -> untried.add(rest.id()));
                    break;
                }
                if (domains.backingOff(mail.domain(), clock.instant())) {
                    untried.add(mail.id());
                    continue;
                }
                try {
                    connection.send(built.get(i));
                    outcomes.add(OutboxStore.Outcome.sent(mail, clock.instant()));
                    domains.accepted(mail.domain());
                    sent++;
                } catch (MessagingException | RuntimeException sendFailure) { // MailException is a RuntimeException
                    Exception e = sendFailure;
                    if (!connection.isOpen() && line.reused() && !reopened) {
                        // the server closed the connection while it idled: open a new one, send this mail again
                        reopened = true;
                        line.close();
                        try {
                            connection = line.open(sender);
                            i--;
                            continue;
                        } catch (MessagingException | RuntimeException again) {
                            e = again;
                        }
                    }
                    if (!connection.isOpen()) {
                        // the connection broke: this mail records the attempt, the rest waits for a new one
                        line.close();
                        outcomes.add(failed(mail, e, ErrorKind.CONNECTION));
                        sendable.subList(i + 1, sendable.size()).forEach(rest -> untried.add(rest.id()));
                        pause();
                        break;
                    }
                    if (OutboxConnection.replyCode(e) >= 500) {
                        outcomes.add(failed(mail, e, ErrorKind.PERMANENT));
                    } else {
                        outcomes.add(failed(mail, e, ErrorKind.TEMPORARY));
                        domains.refusedForNow(mail.domain(), clock.instant());
                    }
                }
            }
            if (sent > 0) {
                resume();
            }
            line.used();
            completed = true;
        } finally {
            if (!completed) {
                line.close();
            }
            store.record(outcomes);
            store.release(untried);
        }
        return sent;
    }

    private OutboxStore.Outcome failed(OutboxStore.Claimed mail, Exception e, ErrorKind kind) {
        int attempts = mail.attempts() + 1;
        Instant now = clock.instant();
        boolean giveUp = kind == ErrorKind.ADDRESS || kind == ErrorKind.PERMANENT || attempts >= settings.maxAttempts();
        String error = describe(e, kind);
        lastError = new LastError(kind, now);
        // the recipient is personal data: log the mail's id only
        log.warn("Mail {} not sent (attempt {}{}): {}", mail.id(), attempts, giveUp ? ", giving up" : "", error);
        return new OutboxStore.Outcome(mail.id(), null, attempts, error, now.plus(backoff(attempts)), giveUp ? now : null);
    }

    private synchronized void pause() {
        pauses++;
        Duration wait = FIRST_PAUSE.multipliedBy(1L << Math.min(pauses - 1, 10));
        pausedUntil = clock.instant().plus(wait.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait);
    }

    private synchronized void resume() {
        pauses = 0;
        pausedUntil = null;
    }

    /** The wait after the n-th failed attempt: 1 min doubling, at most 6 h. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** The kinds of the exception and its cause, and the server's reply code: never the server's text (it may quote the address). */
    private static String describe(Exception e, ErrorKind kind) {
        String text = e.getClass().getSimpleName();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause != e) {
            text += " / " + cause.getClass().getSimpleName();
        }
        int code = OutboxConnection.replyCode(e);
        text = kind + ": " + text + (code > 0 ? " (" + code + ")" : "");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /**
     * Sending itself takes no lock: claims keep senders apart, so that every instance sends at once (a
     * ShedLock would let one instance at a time send and make a mail wait for that instance's next poll). The
     * nightly erasing runs once, under its lock.
     */
    @Scheduled(cron = "0 17 3 * * *")
    @SchedulerLock(name = "outbox-erase-old-mail")
    void eraseOldMailNightly() {
        eraseOldMail();
    }

    /** Erases sent mail after {@code app.mail.keep-sent}: it holds personal data and links. */
    int eraseOldMail() {
        return store.eraseOlderThan(clock.instant().minus(settings.keepSent()));
    }
}
