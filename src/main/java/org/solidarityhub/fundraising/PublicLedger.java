package org.solidarityhub.fundraising;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public ledger of a fundraiser: its transactions, newest first, with their entries, filtered by kind, month
 * and need. A donation shows its donor only as they chose (anonymous by default; never once it is reversed) and its
 * channel; nothing else of a donation, and neither the staff's memo nor who posted.
 */
@Component
class PublicLedger {

    /** An entry as the public sees it. */
    record Row(long id, Account account, @Nullable Long needId, Money amount, @Nullable Long quantity) {
    }

    /**
     * A transaction as the public sees it. {@code headline}: its main amount (the donation in the base currency, the
     * goods ordered or delivered, the payment), negative for a reversal.
     */
    record Line(long id, LocalDate occurredOn, TransactionKind kind, @Nullable TransactionKind reversedKind,
                @Nullable Long reversesId, @Nullable Long donationId, @Nullable Long purchaseId,
                @Nullable Long deliveryId, @Nullable String donor, @Nullable String channel, List<Row> rows) {

        /** The transaction's main amount, from the account its kind (or the reversed one's) moves. */
        public @Nullable Money headline() {
            TransactionKind what = kind == TransactionKind.REVERSAL ? reversedKind : kind;
            if (what == null) {
                return null;
            }
            Account account = switch (what) {
                case DONATION -> Account.DONATIONS;
                case PURCHASE_ORDERED -> Account.GOODS_ORDERED;
                case PURCHASE_PAID -> Account.PAYABLE;
                case DELIVERY -> Account.GOODS_DELIVERED;
                case REVERSAL -> null;
            };
            Money sum = null;
            for (Row row : rows) {
                if (row.account() == account) {
                    sum = sum == null ? row.amount() : sum.plus(row.amount());
                }
            }
            return sum == null ? null : what == TransactionKind.DONATION ? sum.negate() : sum;
        }

        /** The need the transaction is about, if any. */
        public @Nullable Long needId() {
            return rows.stream().map(Row::needId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
    }

    private final JdbcClient db;

    PublicLedger(JdbcClient db) {
        this.db = db;
    }

    long count(long fundraiserId, LedgerFilter filter) {
        return where(db.sql("SELECT COUNT(*) FROM ledger_transaction t WHERE " + conditions(filter)), fundraiserId, filter)
                .query(Long.class).single();
    }

    /** One page of transactions, newest first. */
    List<Line> page(long fundraiserId, LedgerFilter filter, int offset, int limit) {
        List<Line> lines = new ArrayList<>();
        lines(fundraiserId, filter, " LIMIT " + limit + " OFFSET " + offset, lines::add);
        return lines;
    }

    /** Every transaction the filter takes, newest first, for the exports. */
    void all(long fundraiserId, LedgerFilter filter, Consumer<Line> each) {
        lines(fundraiserId, filter, "", each);
    }

    private void lines(long fundraiserId, LedgerFilter filter, String limit, Consumer<Line> each) {
        Map<Long, Line> found = new LinkedHashMap<>();
        where(db.sql("""
                        SELECT t.id, t.occurred_on, t.kind, t.reverses_id, t.donation_id, t.purchase_id, t.delivery_id,
                               o.kind AS reversed_kind, r.id AS reversed_by, d.display, d.public_name, d.channel
                        FROM ledger_transaction t
                        LEFT JOIN ledger_transaction o ON o.id = t.reverses_id
                        LEFT JOIN ledger_transaction r ON r.reverses_id = t.id
                        LEFT JOIN donation d ON d.id = t.donation_id
                        """ + " WHERE " + conditions(filter) + " ORDER BY t.id DESC" + limit), fundraiserId, filter)
                .query((ResultSet rs) -> {
                    found.put(rs.getLong("id"), line(rs));
                });
        if (found.isEmpty()) {
            return;
        }
        Map<Long, List<Row>> rows = new LinkedHashMap<>();
        db.sql("SELECT * FROM ledger_entry WHERE transaction_id IN (:ids) ORDER BY id")
                .param("ids", List.copyOf(found.keySet()))
                .query((ResultSet rs) -> {
                    rows.computeIfAbsent(rs.getLong("transaction_id"), id -> new ArrayList<>())
                            .add(new Row(rs.getLong("id"), Account.valueOf(rs.getString("account")),
                                    Ledger.nullableLong(rs, "need_id"),
                                    new Money(rs.getLong("amount_minor"), rs.getString("currency").strip()),
                                    Ledger.nullableLong(rs, "quantity")));
                });
        found.values().forEach(line -> each.accept(new Line(line.id(), line.occurredOn(), line.kind(),
                line.reversedKind(), line.reversesId(), line.donationId(), line.purchaseId(), line.deliveryId(),
                line.donor(), line.channel(), rows.getOrDefault(line.id(), List.of()))));
    }

    private static Line line(ResultSet rs) throws SQLException {
        String reversedKind = rs.getString("reversed_kind");
        String display = rs.getString("display");
        // a reversed donation (and its reversal) no longer names its donor: it may have been reversed for the name
        boolean reversed = Ledger.nullableLong(rs, "reversed_by") != null || reversedKind != null;
        String donor = reversed || display == null || Donation.Display.ANONYMOUS.name().equals(display) ? null
                : rs.getString("public_name");
        return new Line(rs.getLong("id"), rs.getObject("occurred_on", LocalDate.class),
                TransactionKind.valueOf(rs.getString("kind")), reversedKind == null ? null : TransactionKind.valueOf(reversedKind),
                Ledger.nullableLong(rs, "reverses_id"), Ledger.nullableLong(rs, "donation_id"),
                Ledger.nullableLong(rs, "purchase_id"), Ledger.nullableLong(rs, "delivery_id"), donor,
                rs.getString("channel"), List.of());
    }

    private static String conditions(LedgerFilter filter) {
        StringBuilder sql = new StringBuilder("t.fundraiser_id = :f");
        if (filter.kind() != null) {
            sql.append(" AND t.kind = :kind");
        }
        if (filter.month() != null) {
            sql.append(" AND t.occurred_on >= :from AND t.occurred_on < :until");
        }
        if (filter.need() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ledger_entry n WHERE n.transaction_id = t.id AND n.need_id = :need)");
        }
        return sql.toString();
    }

    private static JdbcClient.StatementSpec where(JdbcClient.StatementSpec spec, long fundraiserId, LedgerFilter filter) {
        spec = spec.param("f", fundraiserId);
        if (filter.kind() != null) {
            spec = spec.param("kind", filter.kind().name());
        }
        if (filter.month() != null) {
            spec = spec.param("from", filter.from()).param("until", filter.until());
        }
        if (filter.need() != null) {
            spec = spec.param("need", filter.need());
        }
        return spec;
    }
}
