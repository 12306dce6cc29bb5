package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox at a peak: connections reused, parallel claims, priorities, limits per domain, refusals, wake-up
 * on commit, health, a crash after the server accepted and a server that comes back. Senders driven by a test
 * run on a clock days ahead of the application's, where its own sender does not look, and send to
 * {@link FakeSmtpServer}, which counts connections and answers "try later" or "no" where a test wants it.
 */
class OutboxThroughputTest extends WebTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxStore store;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformProperties properties;

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    OutboxHealth appHealth;

    @Autowired
    StaffFixture fixture;

    private final List<String> recipients = new ArrayList<>();
    private final List<FakeSmtpServer> servers = new ArrayList<>();

    @AfterEach
    void eraseOwnMailAndServers() throws Exception {
        if (!recipients.isEmpty()) {
            db.sql("DELETE FROM mail_outbox WHERE recipient IN (:recipients)").param("recipients", recipients).update();
        }
        for (FakeSmtpServer server : servers) {
            server.close();
        }
    }

    @Test
    void sendsAWholeBatchOverOneConnection() throws Exception {
        FakeSmtpServer server = server(Map.of());
        SettableClock time = aheadOfTheApplication(3);
        List<String> to = queue(25, "reuse", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());
        OutboxSender sender = sender(store, time, server.sender(), settings(100, Map.of()));

        assertThat(sender.sendDue()).isGreaterThanOrEqualTo(25);

        List<Integer> connections = to.stream().map(address -> server.to(address)).peek(copies -> assertThat(copies).hasSize(1))
                .map(copies -> copies.getFirst().connection()).distinct().toList();
        assertThat(connections).as("connections that carried the batch").hasSize(1);
        to.forEach(address -> assertThat(outbox.to(address).getFirst().status()).isEqualTo("SENT"));
    }

    @Test
    void writesEachMessageOnceEncodedAndItArrivesIntact() throws Exception {
        String to = recipient("encoded", "example.org");
        String subject = "Підтвердіть підпис 🇺🇦 під зверненням «Глобальний тиждень дій за Україну» — дякуємо! ".repeat(2).strip();
        String ascii = "Hello,\n\nplease confirm: http://hub.test/appeal/confirm/abc\n.\n..a line that starts with a dot\nBye";

        transaction.executeWithoutResult(status -> {
            outbox.enqueue(to, subject, ascii);
            outbox.enqueue(to, "Plain", "Вітаємо,\r\nрядок\n" + "довгий ".repeat(300));
        });

        List<jakarta.mail.internet.MimeMessage> mails = TestMailServer.await(to, 2, Duration.ofSeconds(10));
        jakarta.mail.internet.MimeMessage first = mails.stream().filter(m -> !TestMailServer.subject(m).equals("Plain")).findFirst().orElseThrow();
        assertThat(first.getSubject()).isEqualTo(subject);
        assertThat(first.getHeader("Subject")[0]).doesNotContain("Підтвердіть").contains("=?UTF-8?B?");
        assertThat(first.getHeader("Content-Transfer-Encoding")).containsExactly("7bit");
        assertThat(((String) first.getContent()).replace("\r\n", "\n")).isEqualTo(ascii);
        jakarta.mail.internet.MimeMessage second = mails.stream().filter(m -> TestMailServer.subject(m).equals("Plain")).findFirst().orElseThrow();
        assertThat(second.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(second.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) second.getContent()).replace("\r\n", "\n")).isEqualTo("Вітаємо,\nрядок\n" + "довгий ".repeat(300));
        assertThat(second.getMessageID()).startsWith("<outbox.").endsWith("@localhost>");
    }

    @Test
    void keepsItsConnectionOpenFromBatchToBatchAndReopensOneTheServerClosed() throws Exception {
        FakeSmtpServer server = server(Map.of());
        SettableClock time = aheadOfTheApplication(11);
        List<String> first = queue(10, "line", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());
        OutboxSender sender = sender(store, time, server.sender(), settings(5, Map.of()));
        try (OutboxSender.Line line = new OutboxSender.Line()) {
            assertThat(sender.sendBatch(line, 5).sent()).isEqualTo(5);
            assertThat(sender.sendBatch(line, 5).sent()).isEqualTo(5);
            assertThat(server.connections()).isEqualTo(1);
            first.forEach(address -> assertThat(server.to(address)).as(address).hasSize(1));

            server.dropConnections();
            List<String> later = queue(3, "line-later", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());
            assertThat(sender.sendBatch(line, 5).sent()).isEqualTo(3);

            assertThat(server.connections()).isEqualTo(2);
            assertThat(sender.paused()).isZero();
            for (String address : later) {
                assertThat(server.to(address)).as(address).hasSize(1);
                Outbox.Mail row = outbox.to(address).getFirst();
                assertThat(row.status()).isEqualTo("SENT");
                assertThat(row.attempts()).isEqualTo(1);
            }
        }
    }

    @Test
    void parallelConnectionsOfTwoInstancesNeverSendOneMailTwice() throws Exception {
        FakeSmtpServer server = server(Map.of());
        SettableClock time = aheadOfTheApplication(4);
        List<String> to = queue(200, "parallel", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());
        // two instances: each its own store (no lock shared in the JVM) and sender, each with four connections
        List<OutboxSender> senders = List.of(
                sender(new OutboxStore(db, namedJdbc, dataSource), time, server.sender(), settings(7, Map.of())),
                sender(new OutboxStore(db, namedJdbc, dataSource), time, server.sender(), settings(7, Map.of())));
        CyclicBarrier start = new CyclicBarrier(8);
        int sent = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                OutboxSender sender = senders.get(i % 2);
                results.add(threads.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (int empty = 0; empty < 3; ) {
                        int n = sender.sendBatch().sent();
                        mine += n;
                        empty = n == 0 ? empty + 1 : 0;
                    }
                    return mine;
                }));
            }
            for (Future<Integer> result : results) {
                sent += result.get();
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(to.size());
        assertThat(server.connections()).isGreaterThan(1);
        for (String address : to) {
            assertThat(server.to(address)).as("copies to " + address).hasSize(1);
            Outbox.Mail row = outbox.to(address).getFirst();
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.attempts()).isEqualTo(1);
        }
    }

    @Test
    void transactionalMailLeavesBeforeOlderBulkMail() throws Exception {
        FakeSmtpServer server = server(Map.of());
        SettableClock time = aheadOfTheApplication(5);
        List<String> newsletter = queue(5, "bulk", "example.org", Outbox.Priority.BULK, time.instant().minusSeconds(60));
        List<String> confirmations = queue(2, "confirmation", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());
        OutboxSender sender = sender(store, time, server.sender(), settings(2, Map.of()));

        sender.sendDue();

        confirmations.forEach(address -> assertThat(server.to(address)).as(address).hasSize(1));
        newsletter.forEach(address -> assertThat(server.to(address)).as(address).isEmpty());
        while (sender.sendDue() > 0) {
            // the newsletter follows
        }
        newsletter.forEach(address -> assertThat(server.to(address)).as(address).hasSize(1));
    }

    @Test
    void aLimitedDomainGetsItsShareAMinuteWhileTheRestFlows() throws Exception {
        FakeSmtpServer server = server(Map.of());
        SettableClock time = aheadOfTheApplication(6);
        List<String> limited = queue(7, "limited", "slow-provider.test", Outbox.Priority.TRANSACTIONAL, time.instant().minusSeconds(30));
        List<String> others = queue(6, "free", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());
        OutboxSender sender = sender(store, time, server.sender(),
                settings(100, Map.of("Slow-Provider.test", new PlatformProperties.Mail.DomainLimit(1, 3))));

        for (int i = 0; i < 4; i++) {
            sender.sendDue();
        }

        others.forEach(address -> assertThat(server.to(address)).as(address).hasSize(1));
        assertThat(limited.stream().filter(address -> !server.to(address).isEmpty())).hasSize(3);
        time.set(time.instant().plusSeconds(61));
        for (int i = 0; i < 4; i++) {
            sender.sendDue();
        }
        assertThat(limited.stream().filter(address -> !server.to(address).isEmpty())).hasSize(6);
        limited.forEach(address -> assertThat(server.to(address)).as(address).hasSizeLessThanOrEqualTo(1));
    }

    @Test
    void tryLaterBacksOffItsDomainAndNoGivesTheMailUp() throws Exception {
        FakeSmtpServer server = server(Map.of("greylisting.test", "450 4.7.1 try again later",
                "no-such-user.test", "550 5.1.1 no such user"));
        SettableClock time = aheadOfTheApplication(7);
        Instant now = time.instant();
        String softFirst = queue(1, "soft-1", "greylisting.test", Outbox.Priority.TRANSACTIONAL, now.minusSeconds(3)).getFirst();
        String hard = queue(1, "hard", "no-such-user.test", Outbox.Priority.TRANSACTIONAL, now.minusSeconds(2)).getFirst();
        String softSecond = queue(1, "soft-2", "greylisting.test", Outbox.Priority.TRANSACTIONAL, now.minusSeconds(1)).getFirst();
        List<String> fine = queue(3, "fine", "example.org", Outbox.Priority.TRANSACTIONAL, now);
        OutboxSender sender = sender(store, time, server.sender(), settings(100, Map.of()));

        sender.sendDue();

        fine.forEach(address -> assertThat(outbox.to(address).getFirst().status()).isEqualTo("SENT"));
        Outbox.Mail refused = outbox.to(hard).getFirst();
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.lastError()).startsWith("PERMANENT").contains("550").doesNotContain(hard, "no such user");
        Outbox.Mail later = outbox.to(softFirst).getFirst();
        assertThat(later.status()).isEqualTo("PENDING");
        assertThat(later.attempts()).isEqualTo(1);
        assertThat(later.lastError()).startsWith("TEMPORARY").contains("450");
        assertThat(later.nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        // the second mail to that domain was not even tried: the domain waits
        Outbox.Mail waiting = outbox.to(softSecond).getFirst();
        assertThat(waiting.attempts()).isZero();
        assertThat(sender.domains().backingOffUntil("greylisting.test")).isEqualTo(now.plusSeconds(30));
        assertThat(sender.lastError().kind()).isIn(OutboxSender.ErrorKind.TEMPORARY, OutboxSender.ErrorKind.PERMANENT);

        sender.sendDue();
        assertThat(outbox.to(softSecond).getFirst().attempts()).as("tried while its domain waits").isZero();
        time.set(now.plusSeconds(31));
        sender.sendDue();
        assertThat(outbox.to(softSecond).getFirst().attempts()).as("tried once its domain's wait is over").isEqualTo(1);
        assertThat(sender.domains().backingOffUntil("greylisting.test")).as("a second refusal waits longer")
                .isEqualTo(now.plusSeconds(31 + 60));
        assertThat(server.to(softFirst)).isEmpty();
        assertThat(server.to(hard)).isEmpty();
    }

    @Test
    void aMailLeavesWithinASecondOfItsCommitThoughThePollIsSlower() {
        assertThat(properties.mail().pollInterval()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String to = recipient("wake-" + i, "example.org");
            transaction.executeWithoutResult(status -> outbox.enqueue(to, "Confirm", "Body"));
            long committed = System.nanoTime();
            TestMailServer.await(to, 1, Duration.ofSeconds(10));
            delays.add((System.nanoTime() - committed) / 1_000_000);
        }
        delays.sort(null);
        assertThat(delays.get(1)).as("median of " + delays + " ms").isLessThan(1_000);
        assertThat(delays.get(2)).as("slowest of " + delays + " ms").isLessThan(2_500);
    }

    @Test
    void healthTurnsDownWhenMailThatCouldGoWaitsTooLongAndStaffSeeIt() throws Exception {
        SettableClock time = aheadOfTheApplication(8);
        OutboxSender down = sender(store, time, unreachable(), settings(100, Map.of()));
        OutboxHealth health = new OutboxHealth(store, down, time, properties);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        List<String> waiting = queue(3, "stuck", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());
        down.sendDue();
        assertThat(down.lastError().kind()).isEqualTo(OutboxSender.ErrorKind.CONNECTION);
        assertThat(health.health().getStatus()).as("not yet stuck").isEqualTo(Status.UP);

        time.set(time.instant().plus(properties.mail().stuckAfter()).plusSeconds(1));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("lastError", "CONNECTION");
        assertThat(waiting.stream().map(address -> outbox.to(address).getFirst().status())).containsOnly("PENDING");

        // the staff page shows the application's sender's health
        Browser admin = anotherBrowser();
        fixture.signIn(admin, fixture.member(uniqueEmail("outbox-health-admin"), StaffRole.ADMIN));
        Browser.Page page = admin.get("/staff/outbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("section.outbox-health dt").eachText()).contains("Waiting to be sent", "Last error");
        assertThat(page.doc().select("section.outbox-health dd").eachText())
                .contains(String.valueOf(appHealth.state().waiting()));
    }

    @Test
    void aCrashAfterTheServerAcceptedSendsThoseMailsOnceMoreAndNoMore() throws Exception {
        FakeSmtpServer server = server(Map.of());
        SettableClock time = aheadOfTheApplication(9);
        List<String> to = queue(3, "crash", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());
        OutboxStore crashing = new OutboxStore(db, namedJdbc, dataSource) {
            @Override
            void record(List<Outcome> outcomes) {
                throw new IllegalStateException("the instance died before recording");
            }
        };
        OutboxSender first = sender(crashing, time, server.sender(), settings(100, Map.of()));
        OutboxSender second = sender(store, time, server.sender(), settings(100, Map.of()));

        try {
            first.sendDue();
        } catch (IllegalStateException expected) {
            // the crash
        }
        to.forEach(address -> assertThat(server.to(address)).hasSize(1));
        second.sendDue();
        to.forEach(address -> assertThat(server.to(address)).as("while the lease lasts").hasSize(1));

        time.set(time.instant().plus(OutboxSender.LEASE).plusSeconds(1));
        second.sendDue();
        second.sendDue();
        for (String address : to) {
            List<FakeSmtpServer.Received> copies = server.to(address);
            assertThat(copies).as("copies to " + address).hasSize(2);
            assertThat(copies.get(0).messageId()).isNotBlank().isEqualTo(copies.get(1).messageId());
            assertThat(outbox.to(address).getFirst().status()).isEqualTo("SENT");
        }
    }

    @Test
    void whileTheServerIsDownMailWaitsUntriedAndLeavesWhenItIsBack() throws Exception {
        SettableClock time = aheadOfTheApplication(10);
        JavaMailSenderImpl smtp = unreachable();
        OutboxSender sender = sender(store, time, smtp, settings(100, Map.of()));
        List<String> to = queue(20, "outage", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant());

        assertThat(sender.sendDue()).isZero();
        assertThat(sender.paused()).isEqualTo(Duration.ofSeconds(5));
        long tried = to.stream().filter(address -> outbox.to(address).getFirst().attempts() > 0).count();
        assertThat(tried).as("mails that used up an attempt").isEqualTo(1);
        // more mail is queued meanwhile (signing goes on); nothing is tried while the sender pauses
        to.addAll(queue(5, "outage-more", "example.org", Outbox.Priority.TRANSACTIONAL, time.instant()));
        assertThat(sender.sendDue()).isZero();

        FakeSmtpServer server = server(Map.of());
        smtp.setPort(server.port());
        time.set(time.instant().plusSeconds(6));
        assertThat(sender.sendDue()).isEqualTo(24);
        assertThat(server.connections()).isEqualTo(1);
        time.set(time.instant().plus(Duration.ofMinutes(1)));
        assertThat(sender.sendDue()).isGreaterThanOrEqualTo(1);
        to.forEach(address -> assertThat(server.to(address)).as(address).hasSize(1));
    }

    // ---- helpers

    private FakeSmtpServer server(Map<String, String> replies) throws Exception {
        FakeSmtpServer server = new FakeSmtpServer(replies);
        servers.add(server);
        return server;
    }

    private SettableClock aheadOfTheApplication(int days) {
        return new SettableClock(applicationClock.instant().plus(Duration.ofDays(days)));
    }

    private String recipient(String who, String domain) {
        String address = uniqueEmail("outbox-" + who).replace("@example.org", "@" + domain);
        recipients.add(address);
        return address;
    }

    /** Queues mails through the real API, made and due at {@code due} (where only the test's senders look). */
    private List<String> queue(int count, String who, String domain, Outbox.Priority priority, Instant due) {
        List<String> to = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            to.add(recipient(who + "-" + i, domain));
        }
        transaction.executeWithoutResult(status -> {
            outbox.enqueueAll(to.stream().map(address -> new Outbox.Message(address, "Subject", "Body for " + address)).toList(), priority);
            db.sql("UPDATE mail_outbox SET next_attempt_at = :due, created_at = :due WHERE recipient IN (:to)")
                    .param("due", Timestamps.toDb(due)).param("to", to).update();
        });
        return to;
    }

    private static OutboxSender sender(OutboxStore store, SettableClock time, JavaMailSender smtp, PlatformProperties settings) {
        ObjectProvider<JavaMailSender> provider = new StaticListableBeanFactory(Map.of("mailSender", smtp)).getBeanProvider(JavaMailSender.class);
        return new OutboxSender(store, time, provider, settings);
    }

    private PlatformProperties settings(int batchSize, Map<String, PlatformProperties.Mail.DomainLimit> domains) {
        PlatformProperties.Mail mail = properties.mail();
        return new PlatformProperties(properties.baseUrl(), properties.dataDir(), properties.demo(),
                new PlatformProperties.Mail(mail.from(), mail.pollInterval(), batchSize, mail.maxAttempts(), mail.keepSent(),
                        mail.connections(), mail.stuckAfter(), domains),
                properties.trustedProxies(), properties.pages(), properties.limits(), properties.shutdownDelay());
    }

    private static JavaMailSenderImpl unreachable() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }
}
