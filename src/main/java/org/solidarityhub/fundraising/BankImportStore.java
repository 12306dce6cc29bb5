package org.solidarityhub.fundraising;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Bank imports, their preview lines and report, and the keys of every line imported (V18). */
@Repository
class BankImportStore {

    private static final String SEPARATOR = "\u001F";
    private static final int CHUNK = 500;

    private final JdbcClient db;

    BankImportStore(JdbcClient db) {
        this.db = db;
    }

    long create(long fundraiserId, BankImport.Format format, String sha256, byte[] bytes, @Nullable Long by, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO bank_import (fundraiser_id, format, file_sha256, file_size, file_bytes, state, uploaded_by, uploaded_at)
                        VALUES (:fundraiser, :format, :sha, :size, :bytes, 'UPLOADED', :by, :at)""")
                .param("fundraiser", fundraiserId).param("format", format.name()).param("sha", sha256)
                .param("size", bytes.length).param("bytes", bytes).param("by", by).param("at", Timestamps.toDb(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<BankImport> find(long id) {
        return db.sql("SELECT * FROM bank_import WHERE id = :id").param("id", id).query(BankImportStore::bankImport).optional();
    }

    /** The newest imports of every fundraiser. */
    List<BankImport> recent(int limit) {
        return db.sql("SELECT * FROM bank_import ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(BankImportStore::bankImport).list();
    }

    /** The CSV mapping of a fundraiser's newest import that has one. */
    Optional<String> lastMapping(long fundraiserId) {
        return db.sql("""
                        SELECT mapping FROM bank_import WHERE fundraiser_id = :f AND format = 'CSV' AND mapping IS NOT NULL
                        ORDER BY id DESC LIMIT 1""")
                .param("f", fundraiserId).query(String.class).optional();
    }

    Optional<byte[]> file(long id) {
        return db.sql("SELECT file_bytes FROM bank_import WHERE id = :id AND file_bytes IS NOT NULL").param("id", id)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }

    /** An earlier import of the same file (by its SHA-256) that was confirmed. */
    Optional<Long> importedFile(String sha256, long exceptId) {
        return db.sql("SELECT MIN(id) FROM bank_import WHERE file_sha256 = :sha AND state = 'IMPORTED' AND id <> :id")
                .param("sha", sha256).param("id", exceptId).query(Long.class).optional();
    }

    /** Which of these keys an earlier import has. */
    Set<String> importedKeys(List<String> keys) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            found.addAll(db.sql("SELECT dup_key FROM bank_import_key WHERE dup_key IN (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + CHUNK)))
                    .query(String.class).list());
        }
        return found;
    }

    /** Replaces the preview of an import (a CSV mapped again gets a new one). */
    void savePreview(long id, String encoding, @Nullable String mapping, ParsedStatement statement,
                     List<@Nullable String> duplicateOf) {
        db.sql("DELETE FROM bank_import_line WHERE import_id = :id").param("id", id).update();
        db.sql("DELETE FROM bank_import_problem WHERE import_id = :id").param("id", id).update();
        List<StatementLine> lines = statement.lines();
        for (int i = 0; i < lines.size(); i++) {
            StatementLine l = lines.get(i);
            db.sql("""
                            INSERT INTO bank_import_line (import_id, line, booked_on, amount_minor, currency, reference,
                                counterparty, bank_id, dup_key, duplicate_of)
                            VALUES (:id, :line, :on, :minor, :currency, :reference, :counterparty, :bank, :key, :dup)""")
                    .param("id", id).param("line", l.line()).param("on", l.date()).param("minor", l.minor())
                    .param("currency", l.currency()).param("reference", l.reference())
                    .param("counterparty", l.counterparty()).param("bank", l.bankId()).param("key", l.duplicateKey())
                    .param("dup", duplicateOf.get(i))
                    .update();
        }
        insertProblems(id, "BROKEN", statement.broken());
        insertProblems(id, "REMARK", statement.remarks());
        long duplicates = duplicateOf.stream().filter(d -> d != null).count();
        db.sql("""
                        UPDATE bank_import SET state = 'PREVIEWED', encoding = :encoding, mapping = :mapping, lines_read = :read,
                            duplicates = :duplicates, broken = :broken, outgoing = :outgoing
                        WHERE id = :id AND state <> 'IMPORTED'""")
                .param("encoding", encoding).param("mapping", mapping).param("read", lines.size())
                .param("duplicates", duplicates).param("broken", statement.broken().size())
                .param("outgoing", statement.outgoingSkipped()).param("id", id)
                .update();
    }

    private void insertProblems(long id, String kind, List<ImportProblem> problems) {
        for (ImportProblem p : problems) {
            db.sql("INSERT INTO bank_import_problem (import_id, kind, line, message_key, args) VALUES (:id, :kind, :line, :key, :args)")
                    .param("id", id).param("kind", kind).param("line", p.line()).param("key", p.messageKey())
                    .param("args", String.join(SEPARATOR, p.args()))
                    .update();
        }
    }

    List<BankImport.Line> lines(long id) {
        return db.sql("SELECT * FROM bank_import_line WHERE import_id = :id ORDER BY line, id").param("id", id)
                .query(BankImportStore::line).list();
    }

    /** The broken rows ({@code BROKEN}) or remarks ({@code REMARK}) of an import, by line. */
    List<ImportProblem> problems(long id, String kind) {
        return db.sql("SELECT * FROM bank_import_problem WHERE import_id = :id AND kind = :kind ORDER BY line, id")
                .param("id", id).param("kind", kind)
                .query((rs, row) -> new ImportProblem(rs.getInt("line"), rs.getString("message_key"),
                        rs.getString("args").isEmpty() ? List.of() : List.of(rs.getString("args").split(SEPARATOR, -1))))
                .list();
    }

    /** Marks a previewed import as being imported; false when it is not (any more) a preview. */
    boolean startImport(long id, @Nullable Long by, Instant now) {
        return db.sql("UPDATE bank_import SET state = 'IMPORTED', imported_by = :by, imported_at = :at WHERE id = :id AND state = 'PREVIEWED'")
                .param("by", by).param("at", Timestamps.toDb(now)).param("id", id).update() == 1;
    }

    /** Records that a line became a donation; the key's primary key refuses a line imported before. */
    void lineImported(long importId, BankImport.Line line, long donationId) {
        db.sql("INSERT INTO bank_import_key (dup_key, import_id, donation_id) VALUES (:key, :import, :donation)")
                .param("key", line.dupKey()).param("import", importId).param("donation", donationId).update();
        db.sql("UPDATE bank_import_line SET donation_id = :donation WHERE id = :id")
                .param("donation", donationId).param("id", line.id()).update();
    }

    /**
     * The end of an import: its count; the file and the payers' names are no longer kept (the donations are anonymous
     * unless a donor chose otherwise, so nothing needs them).
     */
    void finishImport(long id, int imported) {
        db.sql("UPDATE bank_import SET lines_imported = :n, file_bytes = NULL WHERE id = :id")
                .param("n", imported).param("id", id).update();
        db.sql("UPDATE bank_import_line SET counterparty = '' WHERE import_id = :id").param("id", id).update();
    }

    /** Erases uploads and previews never imported, from before a moment; returns how many. */
    int deleteAbandoned(Instant before) {
        List<Long> ids = db.sql("SELECT id FROM bank_import WHERE state <> 'IMPORTED' AND uploaded_at < :before")
                .param("before", Timestamps.toDb(before)).query(Long.class).list();
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            db.sql("DELETE FROM bank_import_line WHERE import_id IN (:ids)").param("ids", chunk).update();
            db.sql("DELETE FROM bank_import_problem WHERE import_id IN (:ids)").param("ids", chunk).update();
            deleted += db.sql("DELETE FROM bank_import WHERE id IN (:ids) AND state <> 'IMPORTED'").param("ids", chunk).update();
        }
        return deleted;
    }

    private static BankImport bankImport(ResultSet rs, int row) throws SQLException {
        return new BankImport(rs.getLong("id"), rs.getLong("fundraiser_id"), BankImport.Format.valueOf(rs.getString("format")),
                rs.getString("file_sha256"), rs.getLong("file_size"), rs.getString("encoding"), rs.getString("mapping"),
                BankImport.State.valueOf(rs.getString("state")), Timestamps.fromDb(rs, "uploaded_at"),
                rs.getObject("imported_at") == null ? null : Timestamps.fromDb(rs, "imported_at"),
                rs.getInt("lines_read"), rs.getInt("duplicates"), rs.getInt("broken"), rs.getInt("outgoing"),
                rs.getInt("lines_imported"));
    }

    private static BankImport.Line line(ResultSet rs, int row) throws SQLException {
        long donation = rs.getLong("donation_id");
        Long donationId = rs.wasNull() ? null : donation;
        return new BankImport.Line(rs.getLong("id"), rs.getInt("line"), rs.getObject("booked_on", java.time.LocalDate.class),
                new Money(rs.getLong("amount_minor"), rs.getString("currency").strip()), rs.getString("reference"),
                rs.getString("counterparty"), rs.getString("bank_id"), rs.getString("dup_key").strip(),
                rs.getString("duplicate_of"), donationId);
    }
}
