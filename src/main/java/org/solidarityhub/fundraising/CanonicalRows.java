package org.solidarityhub.fundraising;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A fundraiser's ledger rows in their canonical text (docs/fundraising.md, "Verifiable reports"), the text whose
 * SHA-256 a numbered report keeps: one line per ledger entry of the fundraiser's transactions with an id up to a
 * given one, in entry id order, UTF-8, each line ended by LF, sixteen fields separated by {@code |}:
 * <pre>entry|transaction|occurred_on|kind|reverses|donation|purchase|delivery|account|need|amount_minor|currency|quantity|rate|rate_on|rate_source</pre>
 * Absent values are empty; dates are ISO 8601 ({@code 2026-03-17}); amounts are signed whole minor units; the rate is
 * a plain decimal without trailing zeros. In the rate's source (the only free text), {@code \} {@code |} LF and CR are
 * written {@code \\} {@code \|} {@code \n} {@code \r}. The staff's memo and who posted are not part of it.
 */
@Component
class CanonicalRows {

    static final String FIELDS = "entry|transaction|occurred_on|kind|reverses|donation|purchase|delivery|account|need"
            + "|amount_minor|currency|quantity|rate|rate_on|rate_source";

    /** The rows' count and the SHA-256 of their text, in lower-case hex. */
    record Digest(long rows, String sha256) {
    }

    private final JdbcClient db;

    CanonicalRows(JdbcClient db) {
        this.db = db;
    }

    /** The id of the fundraiser's latest transaction, 0 when it has none. */
    long lastTransaction(long fundraiserId) {
        return db.sql("SELECT COALESCE(MAX(id), 0) FROM ledger_transaction WHERE fundraiser_id = :f")
                .param("f", fundraiserId).query(Long.class).single();
    }

    /** The canonical text of the rows up to transaction {@code upTo}. */
    String text(long fundraiserId, long upTo) {
        StringBuilder text = new StringBuilder();
        lines(fundraiserId, upTo, text::append);
        return text.toString();
    }

    /** The count and SHA-256 of the rows up to transaction {@code upTo}, as they are now. */
    Digest digest(long fundraiserId, long upTo) {
        MessageDigest sha = sha256();
        long[] count = {0};
        lines(fundraiserId, upTo, line -> {
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            count[0]++;
        });
        return new Digest(count[0], HexFormat.of().formatHex(sha.digest()));
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void lines(long fundraiserId, long upTo, Consumer<String> lines) {
        db.sql("""
                        SELECT e.id, e.transaction_id, t.occurred_on, t.kind, t.reverses_id, t.donation_id, t.purchase_id,
                               t.delivery_id, e.account, e.need_id, e.amount_minor, e.currency, e.quantity,
                               r.rate, r.rate_on, r.source
                        FROM ledger_entry e
                        JOIN ledger_transaction t ON t.id = e.transaction_id
                        LEFT JOIN exchange_rate r ON r.transaction_id = t.id
                        WHERE t.fundraiser_id = :f AND t.id <= :upTo
                        ORDER BY e.id""")
                .param("f", fundraiserId).param("upTo", upTo)
                .query((ResultSet rs) -> {
                    lines.accept(line(rs));
                });
    }

    private static String line(ResultSet rs) throws SQLException {
        BigDecimal rate = rs.getBigDecimal("rate");
        LocalDate rateOn = rs.getObject("rate_on", LocalDate.class);
        String source = rs.getString("source");
        return String.join("|",
                Long.toString(rs.getLong("id")),
                Long.toString(rs.getLong("transaction_id")),
                rs.getObject("occurred_on", LocalDate.class).toString(),
                rs.getString("kind"),
                optional(Ledger.nullableLong(rs, "reverses_id")),
                optional(Ledger.nullableLong(rs, "donation_id")),
                optional(Ledger.nullableLong(rs, "purchase_id")),
                optional(Ledger.nullableLong(rs, "delivery_id")),
                rs.getString("account"),
                optional(Ledger.nullableLong(rs, "need_id")),
                Long.toString(rs.getLong("amount_minor")),
                rs.getString("currency").strip(),
                optional(Ledger.nullableLong(rs, "quantity")),
                rate == null ? "" : rate.stripTrailingZeros().toPlainString(),
                rateOn == null ? "" : rateOn.toString(),
                source == null ? "" : escape(source)) + "\n";
    }

    private static String optional(Object value) {
        return value == null ? "" : value.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r");
    }
}
