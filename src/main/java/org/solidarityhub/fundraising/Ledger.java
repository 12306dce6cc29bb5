package org.solidarityhub.fundraising;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only double-entry ledger (docs/fundraising.md). It can post a balanced transaction and reverse one;
 * it has no way to change or delete a row. Every posting is audited in the same transaction. Its rows are the only
 * source of balances and public figures.
 */
@Service
public class Ledger {

    /** One entry to post: a signed amount (debit positive) on an account, optionally about a need. */
    public record Entry(Account account, @Nullable Long needId, Money amount, @Nullable Long quantity) {
        public static Entry of(Account account, Money amount) {
            return new Entry(account, null, amount, null);
        }
    }

    /**
     * A transaction to post. The source document is one of {@code donationId}, {@code purchaseId},
     * {@code deliveryId} (or none); {@code rate} is the rate it converted with, when it did.
     */
    public record NewTransaction(long fundraiserId, TransactionKind kind, LocalDate occurredOn, String memo,
                                 List<Entry> entries, @Nullable ExchangeRate rate, @Nullable Long donationId,
                                 @Nullable Long purchaseId, @Nullable Long deliveryId, @Nullable Long approvalId) {
        public NewTransaction {
            entries = List.copyOf(entries);
        }
    }

    /** A posted entry, as stored. */
    public record PostedEntry(long id, long transactionId, Account account, @Nullable Long needId, Money amount,
                              @Nullable Long quantity) {
    }

    /** A posted transaction with its entries. */
    public record Posted(long id, long fundraiserId, TransactionKind kind, LocalDate occurredOn, Instant postedAt,
                         @Nullable Long postedBy, String memo, @Nullable Long donationId, @Nullable Long purchaseId,
                         @Nullable Long deliveryId, @Nullable Long reversesId, @Nullable Long reversedBy,
                         @Nullable ExchangeRate rate, List<PostedEntry> entries) {
    }

    private final JdbcClient db;
    private final Clock clock;
    private final AuditLog audit;
    private final FundraisingVersions versions;

    Ledger(JdbcClient db, Clock clock, AuditLog audit, FundraisingVersions versions) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
        this.versions = versions;
    }

    /**
     * Posts a transaction whose entries sum to zero in each currency (else {@link IllegalArgumentException}: the
     * caller built it wrong). Runs in the caller's transaction, so that the document and its entries are written
     * together or not at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long post(NewTransaction transaction) {
        checkBalanced(transaction.entries());
        return insert(transaction, null);
    }

    /**
     * Posts the reversal of a transaction: the same entries with the opposite sign, pointing to it. A transaction
     * is reversed at most once, and a reversal is not reversed (post the original again instead).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long reverse(long transactionId, LocalDate occurredOn, String memo, @Nullable Long approvalId) {
        Posted original = find(transactionId).orElseThrow(() -> new BadInputException("fundraising.error.noTransaction"));
        if (original.kind() == TransactionKind.REVERSAL) {
            throw new BadInputException("fundraising.error.reverseReversal");
        }
        if (original.reversedBy() != null) {
            throw new BadInputException("fundraising.error.alreadyReversed");
        }
        List<Entry> negated = original.entries().stream()
                .map(e -> new Entry(e.account(), e.needId(), e.amount().negate(),
                        e.quantity() == null ? null : -e.quantity()))
                .toList();
        return insert(new NewTransaction(original.fundraiserId(), TransactionKind.REVERSAL, occurredOn, memo, negated,
                original.rate(), original.donationId(), original.purchaseId(), original.deliveryId(), approvalId),
                transactionId);
    }

    static void checkBalanced(List<Entry> entries) {
        if (entries.size() < 2) {
            throw new IllegalArgumentException("a transaction needs at least two entries");
        }
        Map<String, Long> sums = new TreeMap<>();
        for (Entry entry : entries) {
            if (entry.amount().minor() == 0 && (entry.quantity() == null || entry.quantity() == 0)) {
                throw new IllegalArgumentException("an entry of nothing");
            }
            sums.merge(entry.amount().currency(), entry.amount().minor(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("unbalanced in " + currency + " by " + sum);
            }
        });
    }

    private long insert(NewTransaction t, @Nullable Long reverses) {
        versions.changed(t.fundraiserId()); // first: a report being published waits for this posting (NumberedReports)
                KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO ledger_transaction (fundraiser_id, kind, occurred_on, posted_at, posted_by, memo,
                            donation_id, purchase_id, delivery_id, reverses_id, approval_id)
                        VALUES (:fundraiser, :kind, :on, :at, :by, :memo, :donation, :purchase, :delivery, :reverses,
                            :approval)""")
                .param("fundraiser", t.fundraiserId())
                .param("kind", t.kind().name())
                .param("on", t.occurredOn())
                .param("at", Timestamps.toDb(clock.instant()))
                .param("by", CurrentTreasurer.id())
                .param("memo", AuditLog.clip(t.memo(), 500))
                .param("donation", t.donationId())
                .param("purchase", t.purchaseId())
                .param("delivery", t.deliveryId())
                .param("reverses", reverses)
                .param("approval", t.approvalId())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (Entry e : t.entries()) {
            db.sql("""
                            INSERT INTO ledger_entry (transaction_id, fundraiser_id, account, need_id, amount_minor,
                                currency, quantity)
                            VALUES (:tx, :fundraiser, :account, :need, :amount, :currency, :quantity)""")
                    .param("tx", id)
                    .param("fundraiser", t.fundraiserId())
                    .param("account", e.account().name())
                    .param("need", e.needId())
                    .param("amount", e.amount().minor())
                    .param("currency", e.amount().currency())
                    .param("quantity", e.quantity())
                    .update();
        }
        ExchangeRate rate = t.rate();
        if (rate != null) {
            db.sql("""
                            INSERT INTO exchange_rate (transaction_id, from_currency, to_currency, rate, rate_on, source)
                            VALUES (:tx, :from, :to, :rate, :on, :source)""")
                    .param("tx", id)
                    .param("from", rate.from())
                    .param("to", rate.to())
                    .param("rate", rate.rate())
                    .param("on", rate.on())
                    .param("source", rate.source())
                    .update();
        }
        audit.record(reverses == null ? "fundraising.ledger.posted" : "fundraising.ledger.reversed",
                "ledger_transaction", id, describe(t, reverses));
        return id;
    }

    private static String describe(NewTransaction t, @Nullable Long reverses) {
        StringBuilder detail = new StringBuilder("fundraiser " + t.fundraiserId() + ", " + t.kind());
        if (reverses != null) {
            detail.append(" of ").append(reverses);
        }
        for (Entry e : t.entries()) {
            detail.append("; ").append(e.account()).append(' ').append(e.amount());
        }
        return detail.toString();
    }

    /** A posted transaction with its entries and rate. */
    public Optional<Posted> find(long transactionId) {
        List<PostedEntry> entries = entries(transactionId);
        Optional<ExchangeRate> rate = db.sql("SELECT * FROM exchange_rate WHERE transaction_id = :tx")
                .param("tx", transactionId)
                .query((rs, row) -> new ExchangeRate(rs.getString("from_currency"), rs.getString("to_currency"),
                        rs.getBigDecimal("rate").stripTrailingZeros(), rs.getObject("rate_on", LocalDate.class),
                        rs.getString("source")))
                .optional();
        return db.sql("""
                        SELECT t.*, r.id AS reversed_by FROM ledger_transaction t
                        LEFT JOIN ledger_transaction r ON r.reverses_id = t.id
                        WHERE t.id = :tx""")
                .param("tx", transactionId)
                .query((rs, row) -> new Posted(rs.getLong("id"), rs.getLong("fundraiser_id"),
                        TransactionKind.valueOf(rs.getString("kind")), rs.getObject("occurred_on", LocalDate.class),
                        Timestamps.fromDb(rs, "posted_at"), nullableLong(rs, "posted_by"), rs.getString("memo"),
                        nullableLong(rs, "donation_id"), nullableLong(rs, "purchase_id"),
                        nullableLong(rs, "delivery_id"), nullableLong(rs, "reverses_id"),
                        nullableLong(rs, "reversed_by"), rate.orElse(null), entries))
                .optional();
    }

    /** A fundraiser's transactions with their entries, newest first: a page of the ledger. */
    public List<Posted> transactions(long fundraiserId, int limit, int offset) {
        return db.sql("""
                        SELECT id FROM ledger_transaction WHERE fundraiser_id = :f
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("f", fundraiserId).param("limit", limit).param("offset", offset)
                .query(Long.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    /** How many transactions a fundraiser's ledger holds (for its pages). */
    public long count(long fundraiserId) {
        return db.sql("SELECT COUNT(*) FROM ledger_transaction WHERE fundraiser_id = :f").param("f", fundraiserId)
                .query(Long.class).single();
    }

    /** The entries of a transaction, in the order posted. */
    public List<PostedEntry> entries(long transactionId) {
        return db.sql("SELECT * FROM ledger_entry WHERE transaction_id = :tx ORDER BY id")
                .param("tx", transactionId)
                .query(Ledger::entry).list();
    }

    /** The ids of a document's transactions that are not reversals and not reversed, oldest first. */
    public List<Long> standing(String documentColumn, long documentId) {
        if (!List.of("donation_id", "purchase_id", "delivery_id").contains(documentColumn)) {
            throw new IllegalArgumentException(documentColumn);
        }
        return db.sql("SELECT t.id FROM ledger_transaction t WHERE t." + documentColumn + """
                         = :doc AND t.kind <> 'REVERSAL'
                          AND NOT EXISTS (SELECT 1 FROM ledger_transaction r WHERE r.reverses_id = t.id)
                        ORDER BY t.id""")
                .param("doc", documentId)
                .query(Long.class).list();
    }

    /** The balance of an account of a fundraiser in one currency: the sum of its entries. */
    public long balance(long fundraiserId, Account account, String currency) {
        return db.sql("""
                        SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entry
                        WHERE fundraiser_id = :fundraiser AND account = :account AND currency = :currency""")
                .param("fundraiser", fundraiserId)
                .param("account", account.name())
                .param("currency", currency)
                .query(Long.class).single();
    }

    /** A balance: the sum of an account's entries in one currency. */
    public record Balance(Account account, Money amount) {
    }

    /** Every non-zero balance of a fundraiser, by account and currency. */
    public List<Balance> balances(long fundraiserId) {
        List<Balance> balances = new ArrayList<>();
        db.sql("""
                        SELECT account, currency, SUM(amount_minor) AS total FROM ledger_entry
                        WHERE fundraiser_id = :fundraiser GROUP BY account, currency ORDER BY account, currency""")
                .param("fundraiser", fundraiserId)
                .query((ResultSet rs) -> {
                    long total = rs.getLong("total");
                    if (total != 0) {
                        balances.add(new Balance(Account.valueOf(rs.getString("account")),
                                new Money(total, rs.getString("currency"))));
                    }
                });
        return balances;
    }

    private static PostedEntry entry(ResultSet rs, int row) throws SQLException {
        return new PostedEntry(rs.getLong("id"), rs.getLong("transaction_id"), Account.valueOf(rs.getString("account")),
                nullableLong(rs, "need_id"), new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                nullableLong(rs, "quantity"));
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
