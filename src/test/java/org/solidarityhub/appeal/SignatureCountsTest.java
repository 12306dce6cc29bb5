package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.solidarityhub.platform.Timestamps;

class SignatureCountsTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    /** Inserts confirmed signatures directly, as many confirmations would leave them: marked, not yet counted. */
    private void confirmedSignatures(int n, String country, String kind) {
        long revision = appeals.current(appeal.id(), "en").orElseThrow().id();
        for (int i = 0; i < n; i++) {
            db.sql("""
                            INSERT INTO signature (appeal_id, revision_id, language, kind, status, name, email, email_key_hash,
                                country, city, display, organization_id, review, comment, comment_status, updates, flagged,
                                mails_sent, ip_hex, counted, needs_count, state_version, created_at, confirmed_at)
                            VALUES (:appeal, :revision, 'en', :kind, 'CONFIRMED', 'Someone', NULL, NULL, :country, NULL,
                                'HIDDEN', NULL, :review, NULL, 'NONE', FALSE, FALSE, 1, NULL, FALSE, TRUE, 1, :now, :now)""")
                    .param("appeal", appeal.id()).param("revision", revision).param("kind", kind).param("country", country)
                    .param("review", kind.equals("ORGANIZATION") ? "PENDING" : "NONE")
                    .param("now", Timestamps.toDb(applicationClock.instant())).update();
        }
    }

    @Test
    void countsConfirmedSignaturesPerCountryAndKind() {
        confirmedSignatures(3, "BE", "INDIVIDUAL");
        confirmedSignatures(2, "UA", "INDIVIDUAL");
        confirmedSignatures(2, "PL", "ORGANIZATION"); // not verified: not counted
        counts.countChanges();
        SignatureCounts.Counts now = counts.of(appeal.id());
        assertThat(now.total()).isEqualTo(5);
        assertThat(now.individuals()).isEqualTo(5);
        assertThat(now.organizations()).isZero();
        assertThat(now.byCountry()).containsEntry("BE", 3L).containsEntry("UA", 2L).doesNotContainKey("PL");

        db.sql("UPDATE signature SET review = 'VERIFIED', needs_count = TRUE, state_version = state_version + 1 "
                + "WHERE appeal_id = :id AND kind = 'ORGANIZATION'").param("id", appeal.id()).update();
        counts.countChanges();
        assertThat(counts.of(appeal.id()).organizations()).isEqualTo(2);
        assertThat(counts.of(appeal.id()).byCountry()).containsEntry("PL", 2L);
    }

    @Test
    void withdrawnAndInvalidatedSignaturesLeaveTheCount() {
        confirmedSignatures(4, "BE", "INDIVIDUAL");
        counts.countChanges();
        assertThat(counts.of(appeal.id()).total()).isEqualTo(4);
        List<Long> ids = db.sql("SELECT id FROM signature WHERE appeal_id = :id ORDER BY id").param("id", appeal.id()).query(Long.class).list();
        db.sql("UPDATE signature SET status = 'WITHDRAWN', needs_count = TRUE, state_version = state_version + 1 WHERE id = :id")
                .param("id", ids.get(0)).update();
        db.sql("UPDATE signature SET status = 'INVALIDATED', needs_count = TRUE, state_version = state_version + 1 WHERE id = :id")
                .param("id", ids.get(1)).update();
        counts.countChanges();
        assertThat(counts.of(appeal.id()).total()).isEqualTo(2);
    }

    @Test
    void countersRunningAtOnceNeverCountASignatureTwice() throws Exception {
        confirmedSignatures(300, "BE", "INDIVIDUAL");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                jobs.add(counts::countChanges);
            }
            int seen = 0;
            for (Future<Integer> done : pool.invokeAll(jobs)) {
                seen += done.get();
            }
            // the scheduled counter may take part of the work, so the jobs here see at most every signature once
            assertThat(seen).isLessThanOrEqualTo(300);
        } finally {
            pool.shutdown();
        }
        assertThat(counts.of(appeal.id()).total()).isEqualTo(300);
        assertThat(db.sql("SELECT SUM(total) FROM appeal_count WHERE appeal_id = :id").param("id", appeal.id()).query(Long.class).single())
                .isEqualTo(300);
    }

    @Test
    void aSignatureChangedWhileBeingCountedIsCountedAgainNextTime() {
        confirmedSignatures(1, "BE", "INDIVIDUAL");
        long id = db.sql("SELECT id FROM signature WHERE appeal_id = :id").param("id", appeal.id()).query(Long.class).single();
        counts.countChanges();
        // the signer withdraws; a counting run that read the row before the change must not clear the mark
        db.sql("UPDATE signature SET status = 'WITHDRAWN', needs_count = TRUE, state_version = state_version + 1 WHERE id = :id")
                .param("id", id).update();
        db.sql("UPDATE signature SET counted = TRUE, needs_count = CASE WHEN state_version = 1 THEN FALSE ELSE TRUE END WHERE id = :id")
                .param("id", id).update();
        assertThat(db.sql("SELECT needs_count FROM signature WHERE id = :id").param("id", id).query(Boolean.class).single()).isTrue();
        counts.countChanges();
        assertThat(counts.of(appeal.id()).total()).isZero();
    }

    @Test
    void theSignatoriesListPagesOrganizationsFirstThenIndividualsAcrossTheBoundary(@Autowired Signatories signatories) {
        confirmedSignatures(3, "BE", "INDIVIDUAL");
        confirmedSignatures(2, "PL", "ORGANIZATION");
        db.sql("UPDATE signature SET review = 'VERIFIED', needs_count = TRUE, state_version = state_version + 1, "
                + "display = 'FULL_NAME' WHERE appeal_id = :id").param("id", appeal.id()).update();
        counts.countChanges();
        List<Signatories.PublicSigner> first = signatories.page(appeal.id(), "", 3, 0);
        List<Signatories.PublicSigner> second = signatories.page(appeal.id(), "", 3, 3);
        assertThat(first).extracting(Signatories.PublicSigner::kind).containsExactly("ORGANIZATION", "ORGANIZATION", "INDIVIDUAL");
        assertThat(second).extracting(Signatories.PublicSigner::kind).containsExactly("INDIVIDUAL", "INDIVIDUAL");
        assertThat(signatories.page(appeal.id(), "PL", 3, 0)).hasSize(2);
        assertThat(signatories.total(appeal.id(), "")).isEqualTo(5);
        assertThat(signatories.latest(appeal.id())).extracting(Signatories.PublicSigner::kind).containsOnly("INDIVIDUAL").hasSize(3);
        assertThat(signatories.organizations(appeal.id(), 10)).extracting(Signatories.PublicSigner::kind).containsExactly("ORGANIZATION", "ORGANIZATION");
    }

    @Test
    void theRecountRepairsDrift() {
        confirmedSignatures(7, "UA", "INDIVIDUAL");
        counts.countChanges();
        db.sql("UPDATE appeal_count SET total = 999 WHERE appeal_id = :id").param("id", appeal.id()).update();
        db.sql("INSERT INTO appeal_count (appeal_id, country, kind, total) VALUES (:id, 'ZZ', 'INDIVIDUAL', 5)").param("id", appeal.id()).update();
        counts.recount(appeal.id());
        assertThat(counts.of(appeal.id()).total()).isEqualTo(7);
        assertThat(counts.of(appeal.id()).byCountry()).containsOnlyKeys("UA");
    }

    @Test
    void expiredDataIsErasedOnSchedule(@org.springframework.beans.factory.annotation.Autowired org.solidarityhub.submissions.Retention retention) {
        String pending = uniqueEmail("never-confirmed");
        String confirmed = uniqueEmail("confirmed");
        signAsIndividual(person(), individual("Never", pending, "HIDDEN"));
        signAndConfirm(individual("Kept", confirmed, "HIDDEN"));
        assertThat(row(confirmed).get("ip_hex")).isNotNull();
        retention.runAt(applicationClock.instant().plus(java.time.Duration.ofDays(31))); // the shared clock stays
        assertThat(rows(pending)).isZero();
        assertThat(row(confirmed)).containsEntry("ip_hex", null).containsEntry("status", "CONFIRMED");
    }
}
