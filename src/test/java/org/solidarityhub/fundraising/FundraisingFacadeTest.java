package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** What the public side reads: no drafts, no purchase before its approval, no name withheld for safety. */
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

    @Test
    void thePublicSeesOnlyApprovedPurchasesOfPublicFundraisersWithoutWithheldNames() {
        LocalDate day = LocalDate.now(applicationClock).minusDays(3);
        String slug = "facade-" + System.nanoTime();
        long id = fundraisers.create(new Fundraisers.NewFundraiser(slug, "Vests", "", "EUR", "", "", ""));
        long need = fundraisers.addNeed(id, new Fundraisers.NewNeed("Vests", "", "100", "600", "HIGH"));
        assertThat(fundraising.fundraiser(slug)).isEmpty();
        Fundraiser draft = fundraisers.find(id).orElseThrow();
        fundraisers.change(id, new Fundraisers.Settings(draft.title(), "", "", "", "", "OPEN"));
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
    }
}
