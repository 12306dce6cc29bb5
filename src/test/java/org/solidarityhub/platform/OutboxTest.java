package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.LogCanary;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox over real SMTP (GreenMail) and the real database. The context's own sender polls every 250 ms
 * and delivers whatever is due to GreenMail; tests that need a mail to themselves (a failing server, a race,
 * no SMTP) store it due a day or more ahead of the application's clock, where that poller does not look, and
 * drive their own sender with a clock of their own.
 */
class OutboxTest extends WebTest {

    private static final Duration DELIVERY = Duration.ofSeconds(10);

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxSender backgroundSender;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformProperties properties;

    @Autowired
    ObjectProvider<JavaMailSender> smtp;

    @Autowired
    StaffFixture fixture;

    @Autowired
    OutboxStore store;

    private final List<String> recipients = new ArrayList<>();

    @AfterEach
    void eraseOwnMail() {
        if (!recipients.isEmpty()) {
            db.sql("DELETE FROM mail_outbox WHERE recipient IN (:recipients)").param("recipients", recipients).update();
        }
    }

    // ---- enqueue and deliver

    @Test
    void deliversAMailEnqueuedInATransactionOverSmtp() throws Exception {
        String to = recipient("delivered");
        String subject = "Запрошення: глобальний тиждень дій за Україну";
        String body = "Вітаємо!\n\nДякуємо, що підтримуєте Україну. Ґречність, їжак, єдність.\n\nhttp://hub.test/з/посиланням\n";

        long id = transaction.execute(status -> outbox.enqueue(to, subject, body));

        MimeMessage mail = TestMailServer.await(to, 1, DELIVERY).getFirst();
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(body);
        InternetAddress expectedFrom = new InternetAddress(properties.mail().from(), true);
        assertThat(mail.getFrom()).singleElement().satisfies(from -> {
            assertThat(((InternetAddress) from).getAddress()).isEqualTo(expectedFrom.getAddress());
            assertThat(((InternetAddress) from).getPersonal()).isEqualTo(expectedFrom.getPersonal()).isEqualTo("Solidarity Hub");
        });
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        Outbox.Mail row = awaitStatus(id, "SENT");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isNull();
        assertThat(row.sentAt()).isNotNull();
        assertThat(TestMailServer.to(to)).hasSize(1);
    }

    @Test
    void keepsTheSubjectOnOneLineSoNoHeaderCanBeSmuggledIn() throws Exception {
        String to = recipient("one-line");
        String smuggled = uniqueEmail("smuggled");

        long id = transaction.execute(status -> outbox.enqueue(to, "Hello\r\nBcc: " + smuggled + "\r\n\r\nforged body", "Body"));

        assertThat(outbox.find(id).orElseThrow().subject()).isEqualTo("Hello Bcc: " + smuggled + " forged body");
        MimeMessage mail = TestMailServer.await(to, 1, DELIVERY).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Hello Bcc: " + smuggled + " forged body");
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(to);
    }

    @Test
    void cutsAnOverlongSubjectWithoutSplittingACharacter() throws Exception {
        String to = recipient("long-subject");
        String kept = "Тиждень дій ".repeat(30).substring(0, Outbox.SUBJECT_LIMIT - 1);

        long id = transaction.execute(status -> outbox.enqueue(to, kept + "\uD83C\uDDFA\uD83C\uDDE6 and more", "Body"));

        assertThat(outbox.find(id).orElseThrow().subject()).isEqualTo(kept.strip());
        assertThat(TestMailServer.await(to, 1, DELIVERY).getFirst().getSubject()).isEqualTo(kept.strip());
    }

    @Test
    void aRolledBackTransactionLeavesNoMailAndSendsNothing() {
        String rolledBack = recipient("rolled-back");
        String failed = recipient("failed");
        String control = recipient("control");

        transaction.executeWithoutResult(status -> {
            outbox.enqueue(rolledBack, "Never sent", "Body");
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.enqueue(failed, "Never sent either", "Body");
            throw new IllegalStateException("the change that caused the mail failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outbox.to(rolledBack)).isEmpty();
        assertThat(outbox.to(failed)).isEmpty();
        // a mail committed afterwards goes out: the poller has run since, and sent nothing of the others
        transaction.executeWithoutResult(status -> outbox.enqueue(control, "Sent", "Body"));
        TestMailServer.await(control, 1, DELIVERY);
        awaitStatus(outbox.to(control).getFirst().id(), "SENT");
        assertThat(TestMailServer.to(rolledBack)).isEmpty();
        assertThat(TestMailServer.to(failed)).isEmpty();
    }

    @Test
    void refusesToEnqueueOutsideATransaction() {
        String to = recipient("no-transaction");

        assertThatThrownBy(() -> outbox.enqueue(to, "Subject", "Body")).isInstanceOf(IllegalTransactionStateException.class);

        assertThat(outbox.to(to)).isEmpty();
    }

    // ---- a failing SMTP server

    @Test
    void backsOffExponentiallyFromOneMinuteUpToSixHours() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).stream().map(OutboxSender::backoff).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 360L, 360L, 360L);
        assertThat(OutboxSender.backoff(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(100)).isEqualTo(Duration.ofHours(6));
        assertThat(OutboxSender.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void recordsEachFailedAttemptBacksOffAndGivesUpAfterMaxAttempts() throws IOException {
        int maxAttempts = properties.mail().maxAttempts();
        assertThat(maxAttempts).isGreaterThan(1);
        String to = recipient("unreachable");
        SettableClock time = new SettableClock(applicationClock.instant().plus(Duration.ofDays(1)));
        long id = enqueueDueAt(to, "Повідомлення", "Текст", time.instant());
        OutboxSender failing = new OutboxSender(store, time, provider(unreachableSmtpServer()), withBatchSize(1_000));

        assertThat(failing.sendDue()).isZero();

        Outbox.Mail first = outbox.find(id).orElseThrow();
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isNotBlank().doesNotContain(to);
        assertThat(first.nextAttemptAt()).isEqualTo(time.instant().plus(Duration.ofMinutes(1)));
        assertThat(first.sentAt()).isNull();
        assertThat(first.failedAt()).isNull();
        assertThat(claimed(id)).isFalse();

        // nothing is tried before the wait is over
        time.set(first.nextAttemptAt().minusSeconds(1));
        failing.sendDue();
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);

        Outbox.Mail row = first;
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            time.set(row.nextAttemptAt());
            failing.sendDue();
            row = outbox.find(id).orElseThrow();
            assertThat(row.attempts()).as("attempts").isEqualTo(attempt);
            if (attempt < maxAttempts) {
                assertThat(row.status()).as("after attempt " + attempt).isEqualTo("PENDING");
                assertThat(Duration.between(time.instant(), row.nextAttemptAt())).as("wait after attempt " + attempt)
                        .isEqualTo(Duration.ofMinutes(Math.min(1L << (attempt - 1), 360)));
            }
        }
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.failedAt()).isEqualTo(time.instant());
        assertThat(row.lastError()).isNotBlank();

        // given up means given up
        time.set(time.instant().plus(Duration.ofDays(30)));
        failing.sendDue();
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(maxAttempts);
        assertThat(TestMailServer.to(to)).isEmpty();
    }

    @Test
    void givesUpAtOnceOnAnAddressThatCannotBeParsed() {
        String to = "not an address@@example.org";
        recipients.add(to);
        SettableClock time = new SettableClock(applicationClock.instant().plus(Duration.ofDays(1)));
        long id = enqueueDueAt(to, "Subject", "Body", time.instant());
        OutboxSender sender = new OutboxSender(store, time, smtp, withBatchSize(1_000));
        assertThat(sender.sendDue()).isZero();
        Outbox.Mail row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("AddressException");
    }

    // ---- the log

    /** Issue 8, finding 1: a database failure while the outbox sends a mail logs nothing of its recipient. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSendThatLosesItsConnectionLogsNoRecipientData(CapturedOutput output) throws Exception {
        LogCanary canary = new LogCanary();
        // due in three days, where the application's own sender does not look yet (whole seconds: H2 rounds)
        Instant due = applicationClock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        long id = transaction.execute(status -> enqueueDueAtInTransaction(canary.email, "Please confirm, " + canary.name,
                "Dear " + canary.name + ",\nyou signed from " + canary.ip + ".\n", due));
        recipients.add(canary.email);
        OutboxSender sender = new OutboxSender(store, Clock.fixed(due, ZoneOffset.UTC), smtp, properties);
        try (AutoCloseable failing = LogCanary.failWritesOf(db, "mail_outbox"); AutoCloseable verbose = LogCanary.verbose()) {
            assertThatThrownBy(sender::sendDue).isInstanceOf(RuntimeException.class)
                    // logged whole, stack trace and driver message included, as a careless caller would
                    .satisfies(e -> LoggerFactory.getLogger(OutboxSender.class).warn("Outbox sending failed", e));
        }
        assertThat(output.getAll()).as("the failure was logged").contains("08006");
        canary.assertAbsentFrom(output.getAll());
    }

    // ---- several senders

    @Test
    void twoSendersPollingTheSameOutboxNeverSendOneMailTwice() throws Exception {
        SettableClock time = new SettableClock(applicationClock.instant().plus(Duration.ofDays(2)));
        List<String> to = recipients("race-", 30);
        List<Long> ids = enqueueDueAt(to, "Race", time);
        OutboxSender first = new OutboxSender(store, time, smtp, withBatchSize(100));
        OutboxSender second = new OutboxSender(store, time, smtp, withBatchSize(100));

        CyclicBarrier start = new CyclicBarrier(2);
        int sent;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Integer> byFirst = threads.submit(() -> pollUntilAllSent(first, start, ids));
            Future<Integer> bySecond = threads.submit(() -> pollUntilAllSent(second, start, ids));
            sent = byFirst.get() + bySecond.get();
        }

        assertThat(sent).isEqualTo(ids.size());
        for (long id : ids) {
            Outbox.Mail row = outbox.find(id).orElseThrow();
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.attempts()).as("attempts of mail " + id).isEqualTo(1);
        }
        for (String address : to) {
            assertThat(TestMailServer.to(address)).as("mails to " + address).hasSize(1);
        }
    }

    @Test
    void aSenderOfANodeThatStopsHandsBackTheMailsItClaimedAndAnotherSendsThemAtOnce() {
        SettableClock time = new SettableClock(applicationClock.instant().plus(Duration.ofDays(3)));
        List<String> to = recipients("handback-", 12);
        List<Long> ids = enqueueDueAt(to, "Hand back", time);
        OutboxSender stopping = new OutboxSender(store, time, smtp, withBatchSize(100));
        stopping.sending(false);

        OutboxSender.Result result = stopping.sendBatch();
        assertThat(result.claimed()).isEqualTo(ids.size());
        assertThat(result.sent()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE id IN (:ids) AND claimed_until IS NULL AND attempts = 0"
                + " AND sent_at IS NULL").param("ids", ids).query(Long.class).single())
                .as("given back untried, not left claimed until the lease ends").isEqualTo(ids.size());

        // another node's sender, at the same moment (not two minutes later), sends them all
        OutboxSender other = new OutboxSender(store, time, smtp, withBatchSize(100));
        assertThat(other.sendDue()).isEqualTo(ids.size());
        for (String address : to) {
            assertThat(TestMailServer.await(address, 1, DELIVERY)).hasSize(1);
        }
    }

    private List<String> recipients(String prefix, int count) {
        List<String> to = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            to.add(recipient(prefix + i));
        }
        return to;
    }

    /** One mail to each address, due at the clock's time, queued in one transaction; their ids. */
    private List<Long> enqueueDueAt(List<String> to, String subject, SettableClock time) {
        List<Long> ids = new ArrayList<>();
        transaction.executeWithoutResult(status -> to.forEach(address -> ids.add(enqueueDueAtInTransaction(address,
                subject, "Body for " + address, time.instant()))));
        return ids;
    }

    private int pollUntilAllSent(OutboxSender sender, CyclicBarrier start, List<Long> ids) throws Exception {
        start.await();
        int sent = 0;
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < deadline) {
            sent += sender.sendDue();
            if (db.sql("SELECT COUNT(*) FROM mail_outbox WHERE id IN (:ids) AND sent_at IS NULL").param("ids", ids)
                    .query(Long.class).single() == 0) {
                return sent;
            }
        }
        throw new AssertionError("the senders did not send all mails within " + DELIVERY);
    }

    // ---- without SMTP

    @Test
    void withoutSmtpMailStaysPendingAndOnlyAdminsCanReadIt() {
        String to = recipient("no-smtp");
        String subject = "Лист <b>без</b> SMTP";
        String body = "Підтвердіть адресу: http://hub.test/confirm/abc\n<script>alert(1)</script>";
        // due in a hundred years for the application, whose sender has SMTP; due now for a sender without
        SettableClock time = new SettableClock(applicationClock.instant().plus(Duration.ofDays(36_500)));
        long id = enqueueDueAt(to, subject, body, time.instant());
        OutboxSender withoutSmtp = new OutboxSender(store, time, new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                properties);

        assertThat(withoutSmtp.smtpConfigured()).isFalse();
        assertThat(withoutSmtp.sendDue()).isZero();

        Outbox.Mail row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isZero();
        assertThat(row.lastError()).isNull();
        assertThat(claimed(id)).isFalse();
        assertThat(TestMailServer.to(to)).isEmpty();

        // an admin reads it
        Browser admin = anotherBrowser();
        fixture.signIn(admin, fixture.member(uniqueEmail("outbox-admin"), StaffRole.ADMIN));
        Browser.Page list = admin.get("/staff/outbox");
        assertThat(list.status()).isEqualTo(200);
        var link = list.doc().selectFirst("a[href=/staff/outbox/" + id + "]");
        assertThat(link).as("link to mail " + id + " in\n" + list.body()).isNotNull();
        assertThat(link.text()).isEqualTo(subject);
        assertThat(link.closest("tr").select("td").eachText()).contains(to, "waiting");
        assertThat(list.body()).doesNotContain("<b>без</b>");

        Browser.Page mail = admin.get("/staff/outbox/" + id);
        assertThat(mail.status()).isEqualTo(200);
        assertThat(mail.text("main h1")).isEqualTo(subject);
        assertThat(mail.doc().selectFirst("pre.mail-body").wholeText()).isEqualTo(body);
        assertThat(mail.doc().select("dd").eachText()).contains(to, "waiting");
        assertThat(mail.body()).doesNotContain("<script>alert(1)</script>", "<b>без</b>");
        assertThat(admin.get("/staff/outbox/" + Long.MAX_VALUE).status()).isEqualTo(404);

        // a moderator may not
        Browser moderator = anotherBrowser();
        fixture.signIn(moderator, fixture.member(uniqueEmail("outbox-moderator"), StaffRole.MODERATOR));
        for (String path : List.of("/staff/outbox", "/staff/outbox/" + id)) {
            Browser.Page refused = moderator.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(to, "без");
        }

        // nor may an anonymous visitor
        Browser anonymous = anotherBrowser();
        for (String path : List.of("/staff/outbox", "/staff/outbox/" + id)) {
            Browser.Page redirected = anonymous.get(path);
            assertThat(redirected.status()).as(path).isEqualTo(302);
            assertThat(redirected.location()).as(path).endsWith("/staff/login");
            assertThat(redirected.body()).doesNotContain(to);
        }
    }

    // ---- erasing

    @Test
    void erasesSentAndGivenUpMailOlderThanKeepSent() {
        Instant now = applicationClock.instant();
        Duration keep = properties.mail().keepSent();
        Instant longAgo = now.minus(keep).minus(Duration.ofDays(3));
        Instant never = now.plus(Duration.ofDays(36_500));
        long oldSent = insert(recipient("old-sent"), longAgo, never, now.minus(keep).minus(Duration.ofHours(1)), null);
        long recentSent = insert(recipient("recent-sent"), longAgo, never, now.minus(keep).plus(Duration.ofHours(1)), null);
        long oldFailed = insert(recipient("old-failed"), longAgo, never, null, now.minus(keep).minus(Duration.ofHours(1)));
        long recentFailed = insert(recipient("recent-failed"), longAgo, never, null, now.minus(Duration.ofDays(1)));
        long oldPending = insert(recipient("old-pending"), longAgo, never, null, null);

        int erased = backgroundSender.eraseOldMail();

        assertThat(erased).isGreaterThanOrEqualTo(2);
        assertThat(outbox.find(oldSent)).isEmpty();
        assertThat(outbox.find(oldFailed)).isEmpty();
        assertThat(outbox.find(recentSent)).isPresent();
        assertThat(outbox.find(recentFailed)).isPresent();
        assertThat(outbox.find(oldPending)).isPresent();
    }

    // ---- helpers

    private String recipient(String who) {
        String address = uniqueEmail("outbox-" + who);
        recipients.add(address);
        return address;
    }

    /** Enqueues through the real API and, in the same transaction, moves the mail's first attempt to {@code due}. */
    private long enqueueDueAt(String to, String subject, String body, Instant due) {
        return transaction.execute(status -> enqueueDueAtInTransaction(to, subject, body, due));
    }

    private long enqueueDueAtInTransaction(String to, String subject, String body, Instant due) {
        long id = outbox.enqueue(to, subject, body);
        db.sql("UPDATE mail_outbox SET next_attempt_at = :due WHERE id = :id")
                .param("due", Timestamps.toDb(due)).param("id", id).update();
        return id;
    }

    private long insert(String to, Instant created, Instant nextAttempt, Instant sent, Instant failed) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO mail_outbox (recipient, subject, body, created_at, attempts, next_attempt_at, sent_at, failed_at)
                        VALUES (:to, 'Old', 'Body', :created, :attempts, :next, :sent, :failed)""")
                .param("to", to)
                .param("created", Timestamps.toDb(created))
                .param("attempts", sent != null ? 1 : failed != null ? properties.mail().maxAttempts() : 0)
                .param("next", Timestamps.toDb(nextAttempt))
                .param("sent", Timestamps.toDb(sent))
                .param("failed", Timestamps.toDb(failed))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private boolean claimed(long id) {
        return db.sql("SELECT COUNT(*) FROM mail_outbox WHERE id = :id AND claimed_until IS NOT NULL").param("id", id)
                .query(Long.class).single() > 0;
    }

    private Outbox.Mail awaitStatus(long id, String status) {
        return await(() -> outbox.find(id).orElseThrow(), mail -> mail.status().equals(status), "mail " + id + " " + status);
    }

    private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + DELIVERY + ": " + value);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            value = probe.get();
        }
        return value;
    }

    private PlatformProperties withBatchSize(int batchSize) {
        PlatformProperties.Mail mail = properties.mail();
        return new PlatformProperties(properties.baseUrl(), properties.dataDir(), properties.demo(),
                new PlatformProperties.Mail(mail.from(), mail.pollInterval(), batchSize, mail.maxAttempts(), mail.keepSent(),
                        mail.connections(), mail.stuckAfter(), mail.domains()),
                properties.trustedProxies(), properties.pages(), properties.limits(), properties.shutdownDelay());
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
    }

    /** An SMTP client for a local port on which nothing listens: every connection is refused. */
    private static JavaMailSender unreachableSmtpServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }
}
