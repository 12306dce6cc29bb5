package org.solidarityhub.fundraising;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A numbered public report of a fundraiser ("Day 23"): a snapshot of its ledger up to a transaction, with the
 * SHA-256 of those rows in their canonical text ({@link CanonicalRows}), of the report before it and of its own
 * canonical text ({@link #canonicalText}). Its figures are summed from the snapshot's rows when shown.
 */
public record NumberedReport(long id, long fundraiserId, int number, String title, long upToTransaction,
                             long rowCount, String rowsSha256, @Nullable String previousSha256, String reportSha256,
                             Instant publishedAt) {

    /** The first line of every report's canonical text, naming its format. */
    static final String FORMAT = "solidarityhub-fundraising-report/1";

    /**
     * The report's canonical text, whose SHA-256 is {@code reportSha256} and the next report's {@code previousSha256}:
     * {@code name: value} lines in this order, UTF-8, each ended by LF.
     */
    static String canonicalText(String slug, int number, String title, Instant publishedAt, long upToTransaction,
                                long rowCount, String rowsSha256, @Nullable String previousSha256) {
        return FORMAT + "\n"
                + "fundraiser: " + slug + "\n"
                + "number: " + number + "\n"
                + "title: " + CanonicalRows.escape(title) + "\n"
                + "published-at: " + publishedAt + "\n"
                + "up-to-transaction: " + upToTransaction + "\n"
                + "rows: " + rowCount + "\n"
                + "rows-sha256: " + rowsSha256 + "\n"
                + "previous-report-sha256: " + (previousSha256 == null ? "none" : previousSha256) + "\n";
    }

    /** This report's canonical text as stored (the fundraiser's address is fixed once created). */
    String canonicalText(String slug) {
        return canonicalText(slug, number, title, publishedAt, upToTransaction, rowCount, rowsSha256, previousSha256);
    }
}
