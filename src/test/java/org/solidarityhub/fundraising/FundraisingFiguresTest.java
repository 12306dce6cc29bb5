package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.StaffActor;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every figure the pages show is recomputed here from the raw ledger rows, and each transaction balances per currency:
 * after donations in two currencies, an earmark, an in-kind gift, a purchase in another currency approved by a second
 * treasurer, its payment, two deliveries that split its value, and a reversal.
 */
class FundraisingFiguresTest extends WebTest {

    record Actor(long id, String displayName) implements StaffActor {
    }

    static final Actor FIRST = new Actor(900_001, "first");
    static final Actor SECOND = new Actor(900_002, "second");

    @Autowired
    Fundraisers fundraisers;
    @Autowired
    Donations donations;
    @Autowired
    Purchases purchases;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Approvals approvals;
    @Autowired
    Corrections corrections;
    @Autowired
    FundraisingFigures figures;
    @Autowired
    Ledger ledger;

    @Test
    void everyFigureIsTheSumOfTheLedgerRowsAndEveryTransactionBalancesPerCurrency() {
        LocalDate day = LocalDate.now(applicationClock).minusDays(10);
        long id = fundraisers.create(new Fundraisers.NewFundraiser("figures-" + System.nanoTime(), "Vests", "",
                "EUR", "60000", "", "IBAN"));
        long vests = fundraisers.addNeed(id, new Fundraisers.NewNeed("Vests", "", "100", "600", "HIGH"));
        long helmets = fundraisers.addNeed(id, new Fundraisers.NewNeed("Helmets", "", "50", "250.50", "NORMAL"));
        donations.record(id, donation("1000.10", "EUR", day, "", ""));
        donations.record(id, donation("5000", "UAH", day, String.valueOf(vests), "0.0221"));
        donations.record(id, donation("2500", "USD", day, String.valueOf(helmets), "0.9287"));
        long typo = donations.record(id, donation("99", "EUR", day, "", ""));
        donations.record(id, new Donations.Form("350", "EUR", day.toString(), "IN_KIND", "Sleeping bags", "ANONYMOUS",
                "", "", "", "", "", "", ""));

        Purchases.Outcome vestsPurchase = purchases.record(id, new Purchases.Form(String.valueOf(vests), "100", "2800000",
                "UAH", "Level IV vests", "Supplier", "IL", true, "Open Dialogue Foundation", "PL", false,
                day.plusDays(1).toString(), "0.0215", day.toString(), "NBU"), FIRST);
        assertThat(vestsPurchase.pending()).isTrue();
        assertThat(ledger.standing("purchase_id", vestsPurchase.id())).isEmpty();
        long approval = approvals.pending(id).getFirst().id();
        approvals.approve(id, approval, SECOND);
        purchases.advance(id, vestsPurchase.id(), "PAID", day.plusDays(2).toString());
        deliveries.record(id, vestsPurchase.id(), new Deliveries.Form("33", "A unit", "", true, day.plusDays(5).toString(), ""));
        deliveries.record(id, vestsPurchase.id(), new Deliveries.Form("67", "Open Dialogue Foundation", "PL", false,
                day.plusDays(6).toString(), ""));
        long typoTx = ledger.standing("donation_id", typo).getFirst();
        assertThat(corrections.request(id, typoTx, "typed twice", FIRST).pending()).isFalse();

        Fundraiser fundraiser = fundraisers.find(id).orElseThrow();
        List<Row> rows = db.sql("""
                        SELECT e.transaction_id, e.account, e.need_id, e.amount_minor, e.currency, e.quantity
                        FROM ledger_entry e WHERE e.fundraiser_id = :f ORDER BY e.id""")
                .param("f", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), Ledger.nullableLong(rs, "need_id"),
                        rs.getLong(4), rs.getString(5), Ledger.nullableLong(rs, "quantity")))
                .list();

        Map<Long, Map<String, Long>> perTransaction = new HashMap<>();
        rows.forEach(r -> perTransaction.computeIfAbsent(r.tx, t -> new TreeMap<>()).merge(r.currency, r.amount, Long::sum));
        perTransaction.forEach((tx, sums) -> assertThat(sums.values()).as("transaction " + tx).allMatch(sum -> sum == 0));

        FundraisingFigures.Totals totals = figures.totals(fundraiser);
        assertThat(totals.raised().minor()).isEqualTo(-sum(rows, "EUR", null, "DONATIONS"))
                .isEqualTo(100_010 + 11_050 + 232_175 + 35_000);
        assertThat(totals.ordered().minor()).isEqualTo(sum(rows, "EUR", null, "GOODS_ORDERED", "GOODS_DELIVERED"))
                .isEqualTo(6_020_000);
        assertThat(totals.delivered().minor()).isEqualTo(sum(rows, "EUR", null, "GOODS_DELIVERED")).isEqualTo(6_020_000);
        assertThat(totals.inKind().minor()).isEqualTo(sum(rows, "EUR", null, "IN_KIND")).isEqualTo(35_000);

        Map<Long, FundraisingFigures.Progress> progress = figures.progress(fundraiser);
        for (long need : List.of(vests, helmets)) {
            FundraisingFigures.Progress p = progress.get(need);
            assertThat(p.funded().minor()).isEqualTo(-sum(rows, "EUR", need, "DONATIONS"));
            assertThat(p.ordered().minor()).isEqualTo(sum(rows, "EUR", need, "GOODS_ORDERED", "GOODS_DELIVERED"));
            assertThat(p.delivered().minor()).isEqualTo(sum(rows, "EUR", need, "GOODS_DELIVERED"));
            assertThat(p.orderedItems()).isEqualTo(items(rows, need, "GOODS_ORDERED", "GOODS_DELIVERED"));
            assertThat(p.deliveredItems()).isEqualTo(items(rows, need, "GOODS_DELIVERED"));
        }
        assertThat(progress.get(vests).funded().minor()).isEqualTo(11_050);
        assertThat(progress.get(vests).deliveredItems()).isEqualTo(100);
        assertThat(progress.get(helmets).funded().minor()).isEqualTo(232_175);

        Map<String, Long> funds = new TreeMap<>();
        rows.stream().filter(r -> r.account.equals("FUNDS")).forEach(r -> funds.merge(r.currency, r.amount, Long::sum));
        funds.values().removeIf(v -> v == 0);
        assertThat(figures.funds(id)).containsExactlyElementsOf(funds.entrySet().stream()
                .map(e -> new Money(e.getValue(), e.getKey())).toList());
        assertThat(funds).containsEntry("EUR", 100_010L).containsEntry("UAH", 500_000L - 280_000_000L)
                .containsEntry("USD", 250_000L);
        assertThat(ledger.balance(id, Account.PAYABLE, "UAH")).isZero();
        assertThat(ledger.balance(id, Account.GOODS_ORDERED, "EUR")).isZero();
    }

    private record Row(long tx, String account, Long need, long amount, String currency, Long quantity) {
    }

    private static long sum(List<Row> rows, String currency, Long need, String... accounts) {
        List<String> wanted = List.of(accounts);
        return rows.stream().filter(r -> r.currency.equals(currency) && wanted.contains(r.account)
                        && (need == null || need.equals(r.need)))
                .mapToLong(Row::amount).sum();
    }

    private static long items(List<Row> rows, long need, String... accounts) {
        List<String> wanted = List.of(accounts);
        return rows.stream().filter(r -> wanted.contains(r.account) && Long.valueOf(need).equals(r.need) && r.quantity != null)
                .mapToLong(Row::quantity).sum();
    }

    static Donations.Form donation(String amount, String currency, LocalDate day, String need, String rate) {
        return new Donations.Form(amount, currency, day.toString(), "BANK_TRANSFER", "", "ANONYMOUS", "", need, "", "",
                rate, rate.isEmpty() ? "" : day.toString(), rate.isEmpty() ? "" : "NBU");
    }
}
