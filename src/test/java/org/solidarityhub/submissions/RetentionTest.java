package org.solidarityhub.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RetentionTest extends SubmissionsTestSupport {

    @Autowired
    Retention retention;

    @Test
    void featuresRegisterWhatIsErasedWhen() {
        assertThat(retention.rules()).extracting(RetentionRule::name).contains("appeal.ip-addresses",
                "appeal.unconfirmed-signatures", "events.unconfirmed", "events.contact-emails", "submissions.expired-links");
        assertThat(retention.rules()).filteredOn(r -> r.name().equals("appeal.ip-addresses"))
                .extracting(RetentionRule::keptFor).containsExactly(Duration.ofDays(30));
    }

    @Test
    void twoInstancesCleaningUpAtOnceEraseEverythingOnceAndFailNothing() throws Exception {
        String campaign = newCampaign();
        String appeal = newAppeal();
        List<Long> events = new ArrayList<>();
        List<Long> signatures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = uniqueEmail("never-" + i);
            assertThat(submitEvent(anotherBrowser().from(uniqueIp()), campaign, "Never confirmed " + email, email, Map.of())
                    .location()).endsWith("/en/events/submitted");
            events.add(eventId(email));
            String signer = uniqueEmail("never-signs-" + i);
            sign(anotherBrowser().from(uniqueIp()), appeal, signer, Map.of());
            signatures.add(signatureId(signer));
        }
        clock.advance(Duration.ofDays(8));

        int instances = 2;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    retention.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS); // neither failed
            }
        } finally {
            pool.shutdown();
        }

        for (long id : events) {
            assertThat(count("SELECT COUNT(*) FROM event WHERE id = :id", id)).isZero();
            assertThat(count("SELECT COUNT(*) FROM emailed_link WHERE subject_type = 'event' AND subject_id = :id", id)).isZero();
            // erased once: one audit line, never two
            assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'events.expired' AND target_id = :id", String.valueOf(id)))
                    .isEqualTo(1);
        }
        for (long id : signatures) {
            assertThat(count("SELECT COUNT(*) FROM signature WHERE id = :id", id)).isZero();
            assertThat(count("SELECT COUNT(*) FROM emailed_link WHERE subject_type = 'signature' AND subject_id = :id", id)).isZero();
        }
        // a later run finds nothing left and fails nothing
        retention.run();
    }

    private long count(String sql, Object id) {
        return db.sql(sql).param("id", id).query(Long.class).single();
    }
}
