package org.solidarityhub.fundraising;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.organizations.Organization;
import org.solidarityhub.organizations.Organizations;
import org.springframework.stereotype.Service;

/**
 * What the public may see of fundraisers, for the public pages, the API and the widget: only fundraisers out of
 * draft, only purchases a second treasurer approved (when needed) and whose order stands, names withheld for safety
 * left out. Every figure is summed from the ledger ({@link FundraisingFigures}).
 */
@Service
public class Fundraising {

    /** A need with its progress. */
    public record NeedProgress(Need need, FundraisingFigures.Progress progress) {
    }

    /** A purchase as the public sees it: a name is null when unknown or withheld (then {@code ...Withheld} is true). */
    public record PublicPurchase(long id, long needId, String item, long quantity, Money total, Money base,
                                 Purchase.Status status, LocalDate orderedOn, @Nullable LocalDate paidOn,
                                 @Nullable LocalDate shippedOn, @Nullable LocalDate deliveredOn,
                                 @Nullable String supplier, boolean supplierWithheld, @Nullable String intermediary,
                                 boolean intermediaryWithheld) {
    }

    /** A delivery as the public sees it: the recipient is null when withheld. */
    public record PublicDelivery(long id, long purchaseId, long quantity, @Nullable String recipient,
                                 boolean recipientWithheld, LocalDate deliveredOn, @Nullable Long mediaId) {
    }

    private final Fundraisers fundraisers;
    private final Purchases purchases;
    private final FundraisingFigures figures;
    private final Ledger ledger;
    private final Organizations organizations;

    Fundraising(Fundraisers fundraisers, Purchases purchases, FundraisingFigures figures, Ledger ledger,
                Organizations organizations) {
        this.fundraisers = fundraisers;
        this.purchases = purchases;
        this.figures = figures;
        this.ledger = ledger;
        this.organizations = organizations;
    }

    /** Fundraisers out of draft, newest first. */
    public List<Fundraiser> fundraisers() {
        return fundraisers.all(true);
    }

    /** The fundraiser of this address, unless it is a draft. */
    public Optional<Fundraiser> fundraiser(String slug) {
        return fundraisers.bySlug(slug).filter(Fundraiser::isPublic);
    }

    public FundraisingFigures.Totals totals(Fundraiser fundraiser) {
        return figures.totals(fundraiser);
    }

    /** The needs, open ones first by priority, each with funded, ordered and delivered. */
    public List<NeedProgress> needs(Fundraiser fundraiser) {
        Map<Long, FundraisingFigures.Progress> progress = figures.progress(fundraiser);
        return fundraisers.needs(fundraiser.id()).stream()
                .map(n -> new NeedProgress(n, progress.getOrDefault(n.id(),
                        FundraisingFigures.Progress.none(fundraiser.baseCurrency()))))
                .toList();
    }

    /** The latest purchases in the ledger (approved, order not reversed), newest first. */
    public List<PublicPurchase> purchases(Fundraiser fundraiser, int limit) {
        return purchases.latest(fundraiser.id(), Math.max(limit * 2, limit + 10)).stream()
                .filter(p -> p.approval() == Purchase.Approval.APPROVED && purchases.orderStands(p.id()))
                .limit(limit)
                .map(this::publicPurchase)
                .toList();
    }

    /** The deliveries of a purchase that is public, oldest first, without reversed ones. */
    public List<PublicDelivery> deliveries(Fundraiser fundraiser, long purchaseId) {
        return purchases.find(purchaseId)
                .filter(p -> p.fundraiserId() == fundraiser.id() && p.approval() == Purchase.Approval.APPROVED)
                .map(p -> purchases.deliveries(p.id()).stream()
                        .filter(d -> !ledger.standing("delivery_id", d.id()).isEmpty())
                        .map(d -> new PublicDelivery(d.id(), d.purchaseId(), d.quantity(), d.recipientHidden() ? null
                                : d.recipientId() == null ? d.recipientText() : name(d.recipientId()),
                                d.recipientHidden(), d.deliveredOn(), d.mediaId()))
                        .toList())
                .orElse(List.of());
    }

    /** How many transactions the fundraiser's ledger holds. */
    public long ledgerSize(Fundraiser fundraiser) {
        return ledger.count(fundraiser.id());
    }

    /** A page of the ledger, newest transaction first, with entries and rates. */
    public List<Ledger.Posted> ledger(Fundraiser fundraiser, int limit, int offset) {
        return ledger.transactions(fundraiser.id(), limit, offset);
    }

    private PublicPurchase publicPurchase(Purchase p) {
        String item = fundraisers.need(p.needId()).map(Need::item).orElse("");
        return new PublicPurchase(p.id(), p.needId(), item, p.quantity(), p.total(), p.base(), p.status(),
                p.orderedOn(), p.paidOn(), p.shippedOn(), p.deliveredOn(),
                p.supplierWithheld() ? null : name(p.supplierId()), p.supplierWithheld(),
                p.intermediaryWithheld() ? null : name(p.intermediaryId()), p.intermediaryWithheld());
    }

    private @Nullable String name(@Nullable Long organizationId) {
        return organizationId == null ? null : organizations.find(organizationId).map(Organization::name).orElse(null);
    }
}
