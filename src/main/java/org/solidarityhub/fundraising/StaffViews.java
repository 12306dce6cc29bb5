package org.solidarityhub.fundraising;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.organizations.Organization;
import org.solidarityhub.organizations.Organizations;
import org.springframework.stereotype.Component;

/** What the treasurers' pages show, put together from the services and the figures. */
@Component
class StaffViews {

    /** A need with its progress. */
    record NeedRow(Need need, FundraisingFigures.Progress progress) {
    }

    /** A purchase with the names the page shows; cancelled: approved, but its order was reversed. */
    record PurchaseRow(Purchase purchase, String item, @Nullable String supplier, @Nullable String intermediary,
                       boolean cancelled) {
    }

    /** A delivery with its recipient's name; reversed: its ledger transaction was. */
    record DeliveryRow(Delivery delivery, @Nullable String recipient, boolean reversed) {
    }

    /** A donation; reversed: its ledger transaction was. */
    record DonationRow(Donation donation, boolean reversed) {
    }

    private final Fundraisers fundraisers;
    private final FundraisingFigures figures;
    private final Organizations organizations;
    private final Purchases purchases;
    private final Ledger ledger;

    StaffViews(Fundraisers fundraisers, FundraisingFigures figures, Organizations organizations, Purchases purchases,
               Ledger ledger) {
        this.fundraisers = fundraisers;
        this.purchases = purchases;
        this.ledger = ledger;
        this.figures = figures;
        this.organizations = organizations;
    }

    List<NeedRow> needs(Fundraiser fundraiser) {
        Map<Long, FundraisingFigures.Progress> progress = figures.progress(fundraiser);
        return fundraisers.needs(fundraiser.id()).stream()
                .map(n -> new NeedRow(n, progress.getOrDefault(n.id(),
                        FundraisingFigures.Progress.none(fundraiser.baseCurrency()))))
                .toList();
    }

    PurchaseRow purchase(Purchase p) {
        return new PurchaseRow(p, fundraisers.need(p.needId()).map(Need::item).orElse(""),
                organization(p.supplierId()), organization(p.intermediaryId()),
                p.approval() == Purchase.Approval.APPROVED && !purchases.orderStands(p.id()));
    }

    List<PurchaseRow> purchases(List<Purchase> purchases) {
        return purchases.stream().map(this::purchase).toList();
    }

    List<DeliveryRow> deliveries(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> new DeliveryRow(d,
                d.recipientId() == null ? d.recipientText() : organization(d.recipientId()),
                ledger.standing("delivery_id", d.id()).isEmpty())).toList();
    }

    List<DonationRow> donations(List<Donation> donations) {
        return donations.stream()
                .map(d -> new DonationRow(d, ledger.standing("donation_id", d.id()).isEmpty()))
                .toList();
    }

    private @Nullable String organization(@Nullable Long id) {
        return id == null ? null : organizations.find(id).map(Organization::name).orElse(null);
    }
}
