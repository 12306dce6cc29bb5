package org.solidarityhub.fundraising;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbered public reports (docs/fundraising.md, "Verifiable reports"): a treasurer publishes report N from the
 * ledger as it is (every row up to the latest transaction); anyone can later recompute both hashes from the
 * ledger as it is then ({@link #verify}).
 */
@Service
public class NumberedReports {

    static final int TITLE = 100;

    /**
     * What recomputing a report from the ledger as it is now found: the rows' digest, whether it is the one the
     * report keeps, whether the report's own text still hashes to its hash, and whether the previous report's hash is
     * the one this report names (and that report still hashes to it).
     */
    public record Verification(NumberedReport report, CanonicalRows.Digest current, boolean rowsMatch,
                               String reportSha256Now, boolean reportMatches, boolean chainIntact) {
        public boolean verified() {
            return rowsMatch && reportMatches && chainIntact;
        }
    }

    private final NumberedReportStore store;
    private final CanonicalRows rows;
    private final FundraisingVersions versions;
    private final AuditLog audit;
    private final Clock clock;

    NumberedReports(NumberedReportStore store, CanonicalRows rows, FundraisingVersions versions, AuditLog audit,
                    Clock clock) {
        this.store = store;
        this.rows = rows;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    public List<NumberedReport> all(long fundraiserId) {
        return store.all(fundraiserId);
    }

    public Optional<NumberedReport> find(long fundraiserId, int number) {
        return store.find(fundraiserId, number);
    }

    /**
     * Publishes the fundraiser's next report from every ledger row up to its latest transaction. The version raised
     * first locks the fundraiser's version row, which every posting raises before it writes (see {@link Ledger}):
     * a posting still running is waited for, and one that starts later gets a later id, so the snapshot is exactly the
     * committed rows up to that id.
     */
    @Transactional
    public NumberedReport publish(Fundraiser fundraiser, @Nullable String title, @Nullable Long staffId) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty()) {
            throw new BadInputException("fundraising.report.titleRequired");
        }
        if (clean.length() > TITLE) {
            throw new BadInputException("fundraising.report.titleTooLong");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException("fundraising.report.titleFormat");
        }
        versions.changed(fundraiser.id());
        Optional<NumberedReport> previous = store.latest(fundraiser.id());
        long upTo = rows.lastTransaction(fundraiser.id());
        CanonicalRows.Digest digest = rows.digest(fundraiser.id(), upTo);
        int number = previous.map(p -> p.number() + 1).orElse(1);
        String previousSha = previous.map(NumberedReport::reportSha256).orElse(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String sha = CanonicalRows.sha256(NumberedReport.canonicalText(fundraiser.slug(), number, clean, now, upTo,
                digest.rows(), digest.sha256(), previousSha));
        NumberedReport report = new NumberedReport(0, fundraiser.id(), number, clean, upTo, digest.rows(),
                digest.sha256(), previousSha, sha, now);
        long id;
        try {
            id = store.insert(report, staffId);
        } catch (DuplicateKeyException e) {
            throw new BadInputException("fundraising.report.concurrent");
        }
        audit.record("fundraising.report.published", "fundraising_report", id,
                "fundraiser " + fundraiser.id() + ", number " + number + ", up to transaction " + upTo + ", " + sha);
        return store.find(fundraiser.id(), number).orElseThrow();
    }

    /** Recomputes a report's hashes from the ledger and the reports as they are now. */
    public Verification verify(Fundraiser fundraiser, NumberedReport report) {
        CanonicalRows.Digest now = rows.digest(fundraiser.id(), report.upToTransaction());
        String reportNow = CanonicalRows.sha256(report.canonicalText(fundraiser.slug()));
        boolean chain;
        if (report.number() == 1) {
            chain = report.previousSha256() == null;
        } else {
            chain = store.find(fundraiser.id(), report.number() - 1)
                    .filter(p -> p.reportSha256().equals(report.previousSha256()))
                    .filter(p -> CanonicalRows.sha256(p.canonicalText(fundraiser.slug())).equals(p.reportSha256()))
                    .isPresent();
        }
        return new Verification(report, now, now.sha256().equals(report.rowsSha256()) && now.rows() == report.rowCount(),
                reportNow, reportNow.equals(report.reportSha256()), chain);
    }

    /** The canonical text of a report's rows, as the ledger has them now. */
    public String rowsText(Fundraiser fundraiser, NumberedReport report) {
        return rows.text(fundraiser.id(), report.upToTransaction());
    }
}
