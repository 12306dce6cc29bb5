package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the public side reads: no drafts, no purchase before its approval, no name withheld for safety, nothing
 * reversed; and how corrections of a purchase's steps are followed.
 */
class FundraisingFacadeTest extends WebTest {

    @Autowired
    Fundraising fundraising;
    @Autowired
    Fundraisers fundraisers;
    @Autowired
    Purchases purchases;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Approvals approvals;
    @Autowired
    Corrections corrections;
    @Autowired
    Ledger ledger;

    @Test
    void thePublicSeesOnlyApprovedPurchasesOfPublicFundraisersWithoutWithheldNames() {
        LocalDate day = LocalDate.now(applicationClock).minusDays(3);
        String slug = "facade-" + System.nanoTime();
        long id = draftWithNeed(slug, "Vests", "100", "600");
        long need = fundraisers.needs(id).getFirst().id();
        assertThat(fundraising.fundraiser(slug)).isEmpty();
        open(id);
        Fundraiser open = fundraising.fundraiser(slug).orElseThrow();

        long small = purchases.record(id, new Purchases.Form(String.valueOf(need), "1", "600", "EUR", "", "Secret supplier",
                "IL", true, "Open Dialogue Foundation", "PL", false, day.toString(), "", "", ""),
                FundraisingFiguresTest.FIRST).id();
        long big = purchases.record(id, new Purchases.Form(String.valueOf(need), "99", "59400", "EUR", "", "", "", false,
                "", "", false, day.toString(), "", "", ""), FundraisingFiguresTest.FIRST).id();
        assertThat(fundraising.purchases(open, 10)).extracting(Fundraising.PublicPurchase::id).containsExactly(small);
        Fundraising.PublicPurchase shown = fundraising.purchases(open, 10).getFirst();
        assertThat(shown.supplier()).isNull();
        assertThat(shown.supplierWithheld()).isTrue();
        assertThat(shown.intermediary()).isEqualTo("Open Dialogue Foundation");

        approvals.approve(id, approvals.pending(id).getFirst().id(), FundraisingFiguresTest.SECOND);
        assertThat(fundraising.purchases(open, 10)).extracting(Fundraising.PublicPurchase::id).containsExactly(big, small);
        deliveries.record(id, small, new Deliveries.Form("1", "A unit", "", true, day.toString(), ""));
        assertThat(fundraising.deliveries(open, small)).singleElement()
                .satisfies(d -> assertThat(d.recipient()).isNull())
                .satisfies(d -> assertThat(d.recipientWithheld()).isTrue());
        assertThat(fundraising.needs(open)).singleElement()
                .satisfies(n -> assertThat(n.progress().orderedItems()).isEqualTo(100))
                .satisfies(n -> assertThat(n.progress().deliveredItems()).isEqualTo(1));
        assertThat(fundraising.totals(open).ordered()).isEqualTo(new Money(6_000_000, "EUR"));
        assertThat(fundraising.ledgerSize(open)).isEqualTo(3);
        assertThat(fundraising.ledger(open, 2, 0)).extracting(Ledger.Posted::kind)
                .containsExactly(TransactionKind.DELIVERY, TransactionKind.PURCHASE_ORDERED);
    }

    @Test
    void aReversedDeliveryLeavesThePublicAndItsItemsWaitAgainAndAReversedPaymentTakesThePurchaseBackToOrdered() {
        LocalDate day = LocalDate.now(applicationClock).minusDays(5);
        String slug = "corrections-" + System.nanoTime();
        long id = draftWithNeed(slug, "Helmets", "4", "250");
        long need = fundraisers.needs(id).getFirst().id();
        open(id);
        long purchase = purchases.record(id, new Purchases.Form(String.valueOf(need), "3", "1000", "EUR", "", "", "",
                false, "", "", false, day.toString(), "", "", ""), FundraisingFiguresTest.FIRST).id();
        purchases.advance(id, purchase, "PAID", day.toString());
        long delivery = deliveries.record(id, purchase, new Deliveries.Form("3", "A unit", "", false, day.toString(), ""));
        Fundraiser open = fundraising.fundraiser(slug).orElseThrow();
        assertThat(fundraising.deliveries(open, purchase)).hasSize(1);

        assertThatThrownBy(() -> corrections.request(id, ledger.standing("purchase_id", purchase).getFirst(), "wrong",
                FundraisingFiguresTest.FIRST)).isInstanceOf(BadInputException.class)
                .hasMessage("fundraising.error.reverseLaterFirst");

        corrections.request(id, ledger.standing("delivery_id", delivery).getFirst(), "not arrived", FundraisingFiguresTest.FIRST);
        assertThat(fundraising.deliveries(open, purchase)).isEmpty();
        assertThat(fundraising.needs(open).getFirst().progress().deliveredItems()).isZero();
        assertThat(fundraising.needs(open).getFirst().progress().orderedItems()).isEqualTo(3);

        long payment = ledger.standing("purchase_id", purchase).stream()
                .filter(tx -> ledger.find(tx).orElseThrow().kind() == TransactionKind.PURCHASE_PAID).findFirst().orElseThrow();
        corrections.request(id, payment, "bank returned it", FundraisingFiguresTest.FIRST);
        Purchase back = purchases.find(purchase).orElseThrow();
        assertThat(back.status()).isEqualTo(Purchase.Status.ORDERED);
        assertThat(back.paidOn()).isNull();
        assertThat(ledger.balance(id, Account.FUNDS, "EUR")).isZero();
        purchases.advance(id, purchase, "PAID", day.plusDays(1).toString());
        assertThat(ledger.balance(id, Account.FUNDS, "EUR")).isEqualTo(-100_000);
    }

    /** A draft fundraiser in euros with one need; its id. */
    private long draftWithNeed(String slug, String item, String quantity, String unitCost) {
        long id = fundraisers.create(new Fundraisers.NewFundraiser(slug, item, "", "EUR", "", "", ""));
        fundraisers.addNeed(id, new Fundraisers.NewNeed(item, "", quantity, unitCost, "HIGH"));
        return id;
    }

    private void open(long id) {
        Fundraiser draft = fundraisers.find(id).orElseThrow();
        fundraisers.change(id, new Fundraisers.Settings(draft.title(), "", "", "", "", "OPEN"));
    }
}
