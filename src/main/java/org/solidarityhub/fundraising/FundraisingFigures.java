package org.solidarityhub.fundraising;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every figure of a fundraiser, summed by SQL from the ledger's rows at the moment it is asked for: nothing is kept
 * as a total that could drift from the rows (docs/fundraising.md says which sum each figure is).
 */
@Component
public class FundraisingFigures {

    /** A need's progress in the base currency and in items. Ordered includes what was delivered since. */
    public record Progress(Money funded, Money ordered, long orderedItems, Money delivered, long deliveredItems) {
        static Progress none(String currency) {
            return new Progress(Money.zero(currency), Money.zero(currency), 0, Money.zero(currency), 0);
        }
    }

    /** The goods of a purchase still on one account: their value in the base currency and their number. */
    public record Goods(long minor, long items) {
    }

    /** The headline figures of a fundraiser, in its base currency. */
    public record Totals(Money raised, Money ordered, Money delivered, Money inKind) {
    }

    private final JdbcClient db;

    FundraisingFigures(JdbcClient db) {
        this.db = db;
    }

    /**
     * Raised: minus the DONATIONS balance; ordered: what went on GOODS_ORDERED and stayed there or was delivered
     * (GOODS_ORDERED + GOODS_DELIVERED); delivered: GOODS_DELIVERED; in kind: IN_KIND. All in the base currency.
     */
    public Totals totals(Fundraiser fundraiser) {
        return totals(fundraiser, Long.MAX_VALUE);
    }

    /** The same, summed from the transactions with an id up to {@code upToTransaction} (a report's snapshot). */
    public Totals totals(Fundraiser fundraiser, long upToTransaction) {
        String base = fundraiser.baseCurrency();
        return db.sql("""
                        SELECT COALESCE(SUM(CASE WHEN account = 'DONATIONS' THEN -amount_minor END), 0) AS raised,
                               COALESCE(SUM(CASE WHEN account IN ('GOODS_ORDERED', 'GOODS_DELIVERED') THEN amount_minor END), 0) AS ordered,
                               COALESCE(SUM(CASE WHEN account = 'GOODS_DELIVERED' THEN amount_minor END), 0) AS delivered,
                               COALESCE(SUM(CASE WHEN account = 'IN_KIND' THEN amount_minor END), 0) AS in_kind
                        FROM ledger_entry WHERE fundraiser_id = :f AND currency = :base AND transaction_id <= :upTo""")
                .param("f", fundraiser.id()).param("base", base).param("upTo", upToTransaction)
                .query((rs, row) -> new Totals(new Money(rs.getLong("raised"), base), new Money(rs.getLong("ordered"), base),
                        new Money(rs.getLong("delivered"), base), new Money(rs.getLong("in_kind"), base)))
                .single();
    }

    /** Need id → progress: funded (earmarked donations), ordered and delivered, in value and items. */
    public Map<Long, Progress> progress(Fundraiser fundraiser) {
        return progress(fundraiser, Long.MAX_VALUE);
    }

    /** The same, summed from the transactions with an id up to {@code upToTransaction} (a report's snapshot). */
    public Map<Long, Progress> progress(Fundraiser fundraiser, long upToTransaction) {
        String base = fundraiser.baseCurrency();
        Map<Long, Progress> progress = new HashMap<>();
        db.sql("""
                        SELECT need_id,
                               SUM(CASE WHEN account = 'DONATIONS' THEN -amount_minor ELSE 0 END) AS funded,
                               SUM(CASE WHEN account IN ('GOODS_ORDERED', 'GOODS_DELIVERED') THEN amount_minor ELSE 0 END) AS ordered,
                               SUM(CASE WHEN account IN ('GOODS_ORDERED', 'GOODS_DELIVERED') THEN COALESCE(quantity, 0) ELSE 0 END) AS ordered_items,
                               SUM(CASE WHEN account = 'GOODS_DELIVERED' THEN amount_minor ELSE 0 END) AS delivered,
                               SUM(CASE WHEN account = 'GOODS_DELIVERED' THEN COALESCE(quantity, 0) ELSE 0 END) AS delivered_items
                        FROM ledger_entry WHERE fundraiser_id = :f AND currency = :base AND need_id IS NOT NULL
                            AND transaction_id <= :upTo
                        GROUP BY need_id""")
                .param("f", fundraiser.id()).param("base", base).param("upTo", upToTransaction)
                .query((ResultSet rs) -> {
                    progress.put(rs.getLong("need_id"), new Progress(new Money(rs.getLong("funded"), base),
                            new Money(rs.getLong("ordered"), base), rs.getLong("ordered_items"),
                            new Money(rs.getLong("delivered"), base), rs.getLong("delivered_items")));
                });
        return progress;
    }

    /** The goods of a purchase on an account (GOODS_ORDERED: ordered and not yet delivered). */
    public Goods goods(long purchaseId, Account account) {
        return db.sql("""
                        SELECT COALESCE(SUM(e.amount_minor), 0) AS minor, COALESCE(SUM(e.quantity), 0) AS items
                        FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
                        WHERE t.purchase_id = :p AND e.account = :account AND e.quantity IS NOT NULL""")
                .param("p", purchaseId).param("account", account.name())
                .query((rs, row) -> new Goods(rs.getLong("minor"), rs.getLong("items"))).single();
    }

    /** The money held, per currency (the FUNDS account), without currencies at zero. */
    public List<Money> funds(long fundraiserId) {
        return db.sql("""
                        SELECT currency, SUM(amount_minor) AS total FROM ledger_entry
                        WHERE fundraiser_id = :f AND account = 'FUNDS' GROUP BY currency ORDER BY currency""")
                .param("f", fundraiserId)
                .query((rs, row) -> new Money(rs.getLong("total"), rs.getString("currency"))).list()
                .stream().filter(m -> m.minor() != 0).toList();
    }
}
