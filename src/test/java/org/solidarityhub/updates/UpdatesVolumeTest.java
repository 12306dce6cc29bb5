package org.solidarityhub.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Value;

/**
 * An update to 100,000 subscribers on PostgreSQL (10,000 on H2: the same code) is queued in bounded memory and time:
 * the recipients are materialized by one INSERT ... SELECT and go into the outbox in chunks of INSERT ... SELECT, so
 * no address passes through the application. The figures (printed) are in the README, "Updates to 100,000 subscribers".
 * The subscribers' domain is limited to a mail a minute (application-test.properties), so the test SMTP server is
 * not flooded; everything the test made is erased after it.
 */
class UpdatesVolumeTest extends UpdatesTestSupport {

    @Value("${spring.datasource.url}")
    String url;

    private String run;

    boolean postgres() {
        return url.startsWith("jdbc:postgresql");
    }

    /** Inserts {@code count} confirmed subscribers (half in Ukrainian) at a domain of the run, in one statement. */
    static void subscribers(org.springframework.jdbc.core.simple.JdbcClient db, boolean postgres, String run, String domain,
                            int count, Object now) {
        String range = postgres ? "generate_series(1, :count) AS g(x)" : "SYSTEM_RANGE(1, :count) AS g(x)";
        db.sql("""
                        INSERT INTO news_subscriber (email, email_hash, language, unsubscribe_token, created_at, confirmed_at)
                        SELECT CONCAT('s', CAST(x AS VARCHAR(12)), '-', :run, '@', :domain), CONCAT('hash-', :run, '-', CAST(x AS VARCHAR(12))),
                               CASE WHEN MOD(x, 2) = 0 THEN 'uk' ELSE 'en' END,
                               CONCAT('token-', :run, '-', CAST(x AS VARCHAR(12))), :now, :now
                        FROM\s""" + range)
                .param("run", run).param("domain", domain).param("count", count).param("now", now).update();
    }

    static void eraseRun(org.springframework.jdbc.core.simple.JdbcClient db, String run) {
        db.sql("DELETE FROM mail_outbox WHERE recipient LIKE :like").param("like", "%-" + run + "@%").update();
        db.sql("DELETE FROM news_subscriber WHERE email_hash LIKE :like").param("like", "hash-" + run + "-%").update();
        db.sql("DELETE FROM news_update_recipient WHERE email_hash LIKE :like").param("like", "hash-" + run + "-%").update();
    }

    @AfterEach
    void erase() {
        if (run != null) {
            eraseRun(db, run);
        }
    }

    @Test
    void anUpdateToOneHundredThousandSubscribersIsQueuedInBoundedMemoryAndTime() throws Exception {
        int count = postgres() ? 100_000 : 10_000;
        run = UUID.randomUUID().toString().substring(0, 8);
        subscribers(db, postgres(), run, "held.example.org", count, org.solidarityhub.platform.Timestamps.toDb(clock.instant()));
        Map<String, String[]> texts = new LinkedHashMap<>();
        texts.put("en", new String[]{"To everyone " + run, "A **long** update.\n\n" + "Solidarity. ".repeat(100)});
        texts.put("uk", new String[]{"Усім " + run, "Довга новина.\n\n" + "Солідарність. ".repeat(100)});
        long post = publishedPost(texts);
        Browser editor = signedIn(member(StaffRole.EDITOR));
        assertThat(postUpdate(editor, "/test", String.valueOf(post), "SUBSCRIBERS").isRedirect()).isTrue();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        Browser.Page sent = postUpdate(editor, "", String.valueOf(post), "SUBSCRIBERS");
        long materialized = System.nanoTime();
        assertThat(sent.isRedirect()).as(sent.body()).isTrue();
        long id = Long.parseLong(sent.location().substring(sent.location().lastIndexOf('/') + 1));
        await("every recipient queued", Duration.ofMinutes(5), () -> db.sql("SELECT state FROM news_update WHERE id = :id")
                .param("id", id).query(String.class).single().equals("QUEUED"));
        long queued = System.nanoTime();
        sampler.interrupt();
        sampler.join();
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();

        long inOutbox = db.sql("SELECT COUNT(*) FROM mail_outbox WHERE bulk_group = :g AND recipient LIKE :like")
                .param("g", UpdateStore.bulkGroup(id)).param("like", "%-" + run + "@held.example.org").query(Long.class).single();
        assertThat(inOutbox).isEqualTo(count);
        assertThat(db.sql("SELECT COUNT(*) FROM news_update_recipient WHERE update_id = :id AND email IS NOT NULL")
                .param("id", id).query(Long.class).single()).as("addresses erased once queued").isZero();
        String uk = db.sql("SELECT subject FROM mail_outbox WHERE recipient = :r").param("r", "s2-" + run + "@held.example.org")
                .query(String.class).single();
        assertThat(uk).isEqualTo("Усім " + run);

        double seconds = (queued - start) / 1e9;
        long growth = heapAfter - heapBefore;
        long peakGrowth = peak.get() - heapBefore;
        System.out.printf("UPDATES VOLUME (%s): %,d subscribers: recipients materialized in %.1f s, all queued in the outbox "
                        + "after %.1f s (%,.0f a second); heap after GC %+.1f MB, peak sampled %+.1f MB%n",
                postgres() ? "PostgreSQL" : "H2", count, (materialized - start) / 1e9, seconds, count / seconds,
                growth / 1e6, peakGrowth / 1e6);
        assertThat(seconds).as("queued in time").isLessThan(postgres() ? 180 : 120);
        assertThat(growth).as("no list kept in memory").isLessThan(64L * 1024 * 1024);
    }
}
