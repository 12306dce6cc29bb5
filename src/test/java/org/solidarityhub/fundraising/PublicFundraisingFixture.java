package org.solidarityhub.fundraising;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Fundraisers for the public side's tests, made through the treasurers' services as their forms would. */

class PublicFundraisingFixture {

    /** A fundraiser with its needs and the purchase made for one of them. */
    record Made(Fundraiser fundraiser, long helmets, long medicine, long purchase) {
    }

    private final Fundraisers fundraisers;
    private final Donations donations;
    private final Purchases purchases;
    private final Deliveries deliveries;

    PublicFundraisingFixture(Fundraisers fundraisers, Donations donations, Purchases purchases, Deliveries deliveries) {
        this.fundraisers = fundraisers;
        this.donations = donations;
        this.purchases = purchases;
        this.deliveries = deliveries;
    }

    /**
     * An open fundraiser in EUR with a goal of 10,000: helmets (10 × 300) and medicine (20 × 50); donations of 1,000
     * (anonymous, for helmets) and 500 (under the name "Friends of Kyiv"); 5 helmets bought for 900 from a supplier
     * withheld for safety through "Helping Hands", paid, and 2 delivered to a unit that asked to stay hidden.
     */
    Made open() {
        String slug = "fr-" + UUID.randomUUID().toString().substring(0, 8);
        long id = fundraisers.create(new Fundraisers.NewFundraiser(slug, "Test fundraiser " + slug, "For tests.",
                "EUR", "10000", "", "IBAN UA00 0000 (example)"));
        Fundraiser f = fundraisers.find(id).orElseThrow();
        fundraisers.change(id, new Fundraisers.Settings(f.title(), f.summary(), "10000", "", f.howToGive(), "OPEN"));
        long helmets = fundraisers.addNeed(id, new Fundraisers.NewNeed("Helmets", "NIJ IIIA", "10", "300", "HIGH"));
        long medicine = fundraisers.addNeed(id, new Fundraisers.NewNeed("Tactical medicine", "", "20", "50", "NORMAL"));
        donate(id, "1000", Donation.Display.ANONYMOUS, null, helmets);
        donate(id, "500", Donation.Display.NAME, "Friends of Kyiv", null);
        Purchases.Outcome p = purchases.record(id, new Purchases.Form(Long.toString(helmets), "5", "900", "EUR",
                "Five helmets", "Secret supplier", "UA", true, "Helping Hands", "PL", false, "2026-03-02", "", "", ""),
                FundraisingDemoContent.FIRST);
        purchases.advance(id, p.id(), "PAID", "2026-03-03");
        deliveries.record(id, p.id(), new Deliveries.Form("2", "Unit 123", "", true, "2026-03-05", ""));
        return new Made(fundraisers.find(id).orElseThrow(), helmets, medicine, p.id());
    }

    long donate(long fundraiserId, String amount, Donation.Display display, @Nullable String name,
                @Nullable Long need) {
        return donations.record(fundraiserId, new Donations.NewDonation(Money.parse(amount, "EUR"),
                LocalDate.parse("2026-03-01"), Donation.Channel.BANK_TRANSFER, null, display, name, need, null, null,
                null));
    }
}
