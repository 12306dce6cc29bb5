package org.solidarityhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox over SMTP (Spring Boot's {@code spring.mail.*}). Several instances may run: each mail
 * is claimed with a conditional update before it is sent. A failed attempt is retried with exponential
 * backoff (1 min, 2 min, 4 min, … at most 6 h) until {@code app.mail.max-attempts}. Without an SMTP host
 * nothing is sent and the mail stays readable at /staff/outbox.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    private final JdbcClient db;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final PlatformProperties.Mail settings;

    OutboxSender(JdbcClient db, Clock clock, ObjectProvider<JavaMailSender> mailSender, PlatformProperties properties) {
        this.db = db;
        this.clock = clock;
        this.mailSender = mailSender;
        this.settings = properties.mail();
    }

    boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${app.mail.poll-interval:10s}", initialDelayString = "${app.mail.poll-interval:10s}")
    @SchedulerLock(name = "outbox-send", lockAtMostFor = "PT5M")
    void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Outbox poll failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Sends what is due now; returns how many mails were sent. */
    int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Instant now = clock.instant();
        List<Long> due = db.sql("""
                        SELECT id FROM mail_outbox
                        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
                          AND (claimed_until IS NULL OR claimed_until < :now)
                        ORDER BY next_attempt_at, id
                        LIMIT :limit""")
                .param("now", Timestamps.toDb(now))
                .param("limit", settings.batchSize())
                .query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            if (claim(id, now) && deliver(sender, id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(long id, Instant now) {
        return db.sql("""
                        UPDATE mail_outbox SET claimed_until = :until
                        WHERE id = :id AND sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
                          AND (claimed_until IS NULL OR claimed_until < :now)""")
                .param("until", Timestamps.toDb(now.plus(CLAIM)))
                .param("id", id)
                .param("now", Timestamps.toDb(now))
                .update() == 1;
    }

    private boolean deliver(JavaMailSender sender, long id) {
        Outbox.Mail mail = db.sql("SELECT * FROM mail_outbox WHERE id = :id").param("id", id).query(Outbox::map).optional().orElse(null);
        if (mail == null) {
            return false; // erased since it was claimed (its recipient withdrew)
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(settings.from(), true));
            helper.setTo(new InternetAddress(mail.recipient(), true));
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
            db.sql("UPDATE mail_outbox SET sent_at = :now, attempts = attempts + 1, claimed_until = NULL, last_error = NULL WHERE id = :id")
                    .param("now", Timestamps.toDb(clock.instant())).param("id", id).update();
            return true;
        } catch (jakarta.mail.internet.AddressException e) {
            failed(mail, e, true); // no retry makes a malformed address deliverable
            return false;
        } catch (jakarta.mail.MessagingException | RuntimeException e) { // MailException is a RuntimeException
            failed(mail, e, false);
            return false;
        }
    }

    private void failed(Outbox.Mail mail, Exception e, boolean permanent) {
        int attempts = mail.attempts() + 1;
        Instant now = clock.instant();
        String error = describe(e);
        boolean giveUp = permanent || attempts >= settings.maxAttempts();
        db.sql("""
                        UPDATE mail_outbox SET attempts = :attempts, claimed_until = NULL, last_error = :error,
                               next_attempt_at = :next, failed_at = :failed
                        WHERE id = :id""")
                .param("attempts", attempts)
                .param("error", error)
                .param("next", Timestamps.toDb(now.plus(backoff(attempts))))
                .param("failed", giveUp ? Timestamps.toDb(now) : null)
                .param("id", mail.id())
                .update();
        // the recipient is personal data: log the mail's id only
        log.warn("Mail {} not sent (attempt {}{}): {}", mail.id(), attempts, giveUp ? ", giving up" : "", error);
    }

    /** The wait after the n-th failed attempt: 1 min doubling, at most 6 h. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause != e) {
            text += " / " + cause.getClass().getSimpleName();
        }
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    @Scheduled(cron = "0 17 3 * * *")
    @SchedulerLock(name = "outbox-erase-old-mail")
    void eraseOldMailNightly() {
        eraseOldMail();
    }

    /** Erases sent mail after {@code app.mail.keep-sent}: it holds personal data and links. */
    int eraseOldMail() {
        Instant before = clock.instant().minus(settings.keepSent());
        return db.sql("DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL AND sent_at < :before) OR (failed_at IS NOT NULL AND failed_at < :before)")
                .param("before", Timestamps.toDb(before)).update();
    }
}
