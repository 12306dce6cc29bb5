package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Corrections of a purchase's steps: reversals that the purchase, the figures and the public side follow. */
class CorrectionsTest extends WebTest {

    @Autowired
    Fundraisers fundraisers;
    @Autowired
    Purchases purchases;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Corrections corrections;
    @Autowired
    Fundraising fundraising;
    @Autowired
    Ledger ledger;

    @Test
    void aReversedDeliveryLeavesThePublicAndItsItemsWaitAgainAndAReversedPaymentTakesThePurchaseBackToOrdered() {
        LocalDate day = LocalDate.now(applicationClock).minusDays(5);
        String slug = "corrections-" + System.nanoTime();
        long id = fundraisers.create(new Fundraisers.NewFundraiser(slug, "Helmets", "", "EUR", "", "", ""));
        long need = fundraisers.addNeed(id, new Fundraisers.NewNeed("Helmets", "", "4", "250", "HIGH"));
        Fundraiser f = fundraisers.find(id).orElseThrow();
        fundraisers.change(id, new Fundraisers.Settings(f.title(), "", "", "", "", "OPEN"));
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
}
