package org.solidarityhub.fundraising;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.DemoContent;
import org.solidarityhub.platform.StaffActor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo content (only with {@code app.demo}): seed 003, "Operation Solidarity – Day 23". A fundraiser in EUR with the
 * vests bought through the Open Dialogue Foundation (100 bulletproof vests of class 4 for 60,000 EUR, the supplier
 * withheld for safety, approved by a second treasurer, paid) and the needs the seed still asks for (helmets,
 * unloading vests, tactical medicine, thermal imagers, clothing), donations (most anonymous, one in PLN at a typed
 * NBP rate), report "Day 23" from that ledger, and afterwards the shipment and the delivery to a unit that is not
 * named. Everything goes through the same services as a treasurer's forms; loading twice changes nothing.
 */
@Component
class FundraisingDemoContent implements DemoContent {

    static final String SLUG = "operation-solidarity";


    /** The two demo treasurers (no staff accounts): one records the purchase, the other approves it. */
    record DemoTreasurer(long id, String displayName) implements StaffActor {
    }

    static final StaffActor FIRST = new DemoTreasurer(-1, "demo treasurer 1");
    static final StaffActor SECOND = new DemoTreasurer(-2, "demo treasurer 2");

    private record DemoNeed(String item, String description, String quantity, String unitCost, String priority) {
    }

    private static final List<DemoNeed> NEEDS = List.of(
            new DemoNeed("Helmets", "Ballistic helmets, NIJ IIIA.", "100", "350", "HIGH"),
            new DemoNeed("Unloading vests", "Plate carriers and load-bearing vests.", "100", "120", "NORMAL"),
            new DemoNeed("Tactical medicine", "Individual first aid kits with tourniquets and haemostatic gauze.",
                    "200", "90", "HIGH"),
            new DemoNeed("Thermal imagers", "Handheld thermal imaging monoculars.", "10", "2500", "NORMAL"),
            new DemoNeed("Clothing", "Warm layers, boots and gloves.", "150", "80", "LOW"));

    private final Fundraisers fundraisers;
    private final Donations donations;
    private final Purchases purchases;
    private final ApprovalStore approvals;
    private final Approvals approving;
    private final Deliveries deliveries;
    private final NumberedReports reports;

    FundraisingDemoContent(Fundraisers fundraisers, Donations donations,
                           Purchases purchases, ApprovalStore approvals, Approvals approving, Deliveries deliveries,
                           NumberedReports reports) {
        this.fundraisers = fundraisers;
        this.donations = donations;
        this.purchases = purchases;
        this.approvals = approvals;
        this.approving = approving;
        this.deliveries = deliveries;
        this.reports = reports;
    }

    @Override
    public String name() {
        return "fundraiser";
    }

    /** Loads the demo fundraiser unless it is there; returns 1 when it did, else 0. */
    @Override
    @Transactional
    public int load() {
        if (fundraisers.bySlug(SLUG).isPresent()) {
            return 0;
        }
        long id = fundraisers.create(new Fundraisers.NewFundraiser(SLUG, "Operation Solidarity",
                "Anti-authoritarian volunteers in the Territorial Defense of Ukraine, and the solidarity of many "
                        + "countries around the world behind them: protective gear and medicine for the front.",
                "EUR", "150000", "", """
                Bank transfer (EUR, SEPA): Operation Solidarity, IBAN UA00 0000 0000 0000 0000 0000 000 (example), \
                reference "Solidarity".
                Crypto: we publish our addresses only on our own channels; ask us before you send.
                Please tell us if you want to appear under your name: every donor is anonymous unless they ask."""));
        fundraisers.change(id, new Fundraisers.Settings("Operation Solidarity", fundraisers.find(id).orElseThrow().summary(),
                "150000", "", fundraisers.find(id).orElseThrow().howToGive(), Fundraiser.State.OPEN.name()));
        long vests = fundraisers.addNeed(id, new Fundraisers.NewNeed("Bulletproof vests, class 4",
                "Israeli bulletproof vests of the 4th class of protection.", "100", "600", "HIGH"));
        for (DemoNeed n : NEEDS) {
            fundraisers.addNeed(id, new Fundraisers.NewNeed(n.item(), n.description(), n.quantity(), n.unitCost(),
                    n.priority()));
        }
        donate(id, "25000", "EUR", "2022-02-27", Donation.Display.ANONYMOUS, null, vests, null);
        donate(id, "12000", "EUR", "2022-03-01", Donation.Display.ORGANIZATION, "Black Mosquito", null, null);
        donate(id, "8500", "EUR", "2022-03-04", Donation.Display.ANONYMOUS, null, null, null);
        donate(id, "50000", "PLN", "2022-03-07", Donation.Display.ANONYMOUS, null, vests,
                new ExchangeRate("PLN", "EUR", new BigDecimal("0.2096"), LocalDate.parse("2022-03-07"), "NBP"));
        donate(id, "15000", "EUR", "2022-03-10", Donation.Display.NAME, "Friends in Berlin", null, null);
        donate(id, "6400", "EUR", "2022-03-14", Donation.Display.ANONYMOUS, null, null, null);
        Purchases.Outcome purchase = purchases.record(id, new Purchases.Form(Long.toString(vests), "100", "60000",
                "EUR", "100 Israeli bulletproof vests of the 4th class of protection.", "", "", true,
                "Open Dialogue Foundation", "PL", false, "2022-03-16", "", "", ""), FIRST);
        approvals.pending(id).stream().filter(a -> Long.valueOf(purchase.id()).equals(a.purchaseId())).findFirst()
                .ifPresent(a -> approving.approve(id, a.id(), SECOND));
        purchases.advance(id, purchase.id(), Purchase.Status.PAID.name(), "2022-03-17");
        reports.publish(fundraisers.find(id).orElseThrow(), "Day 23", null);
        purchases.advance(id, purchase.id(), Purchase.Status.SHIPPED.name(), "2022-03-22");
        deliveries.record(id, purchase.id(), new Deliveries.Form("100", "A unit of the Territorial Defense", "", true,
                "2022-03-25", ""));
        purchases.advance(id, purchase.id(), Purchase.Status.DELIVERED.name(), "2022-03-25");
        fundraisers.needState(id, vests, Need.State.MET);
        return 1;
    }

    private void donate(long fundraiserId, String amount, String currency, String on, Donation.Display display,
                        @Nullable String name, @Nullable Long need, @Nullable ExchangeRate rate) {
        donations.record(fundraiserId, new Donations.NewDonation(Money.parse(amount, currency), LocalDate.parse(on),
                Donation.Channel.BANK_TRANSFER, null, display, name, need, null, null, rate));
    }
}
