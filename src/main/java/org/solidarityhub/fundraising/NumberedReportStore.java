package org.solidarityhub.fundraising;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The numbered reports (V20, table fundraising_report): written once, never changed. */
@Repository
class NumberedReportStore {

    private final JdbcClient db;

    NumberedReportStore(JdbcClient db) {
        this.db = db;
    }

    long insert(NumberedReport r, @Nullable Long publishedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO fundraising_report (fundraiser_id, number, title, up_to_transaction, row_count,
                            rows_sha256, previous_sha256, report_sha256, published_at, published_by)
                        VALUES (:f, :number, :title, :upTo, :rows, :rowsSha, :previous, :reportSha, :at, :by)""")
                .param("f", r.fundraiserId()).param("number", r.number()).param("title", r.title())
                .param("upTo", r.upToTransaction()).param("rows", r.rowCount()).param("rowsSha", r.rowsSha256())
                .param("previous", r.previousSha256()).param("reportSha", r.reportSha256())
                .param("at", Timestamps.toDb(r.publishedAt())).param("by", publishedBy)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The fundraiser's reports, newest first. */
    List<NumberedReport> all(long fundraiserId) {
        return db.sql("SELECT * FROM fundraising_report WHERE fundraiser_id = :f ORDER BY number DESC")
                .param("f", fundraiserId).query(NumberedReportStore::report).list();
    }

    Optional<NumberedReport> find(long fundraiserId, int number) {
        return db.sql("SELECT * FROM fundraising_report WHERE fundraiser_id = :f AND number = :n")
                .param("f", fundraiserId).param("n", number).query(NumberedReportStore::report).optional();
    }

    Optional<NumberedReport> latest(long fundraiserId) {
        return db.sql("""
                        SELECT * FROM fundraising_report WHERE fundraiser_id = :f
                        AND number = (SELECT MAX(number) FROM fundraising_report WHERE fundraiser_id = :f)""")
                .param("f", fundraiserId).query(NumberedReportStore::report).optional();
    }

    private static NumberedReport report(ResultSet rs, int row) throws SQLException {
        return new NumberedReport(rs.getLong("id"), rs.getLong("fundraiser_id"), rs.getInt("number"),
                rs.getString("title"), rs.getLong("up_to_transaction"), rs.getLong("row_count"),
                rs.getString("rows_sha256").strip(), strip(rs.getString("previous_sha256")),
                rs.getString("report_sha256").strip(), Timestamps.fromDb(rs, "published_at"));
    }

    private static @Nullable String strip(@Nullable String text) {
        return text == null ? null : text.strip();
    }
}
