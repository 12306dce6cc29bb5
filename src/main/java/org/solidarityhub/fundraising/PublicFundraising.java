package org.solidarityhub.fundraising;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.organizations.Organization;
import org.solidarityhub.organizations.Organizations;
import org.springframework.stereotype.Service;

/**
 * What the public sees of fundraisers (docs/fundraising.md, "Public side"): only fundraisers that are not drafts,
 * only approved purchases, suppliers, intermediaries and recipients only where not withheld for safety. Every figure
 * is summed from the ledger ({@link FundraisingFigures}).
 */
@Service
public class PublicFundraising {

    static final int LATEST_PURCHASES = 10;

    /** A fundraiser with its headline figures; {@code goalPercent} is null without a goal. */
    public record Card(Fundraiser fundraiser, FundraisingFigures.Totals totals, @Nullable Integer goalPercent) {
    }

    /** A need with its progress and the widths of its three bars, in percent (0–100). */
    public record NeedView(Need need, FundraisingFigures.Progress progress, int fundedPercent, int orderedPercent,
                           int deliveredPercent) {
    }

    /** A delivery; {@code recipient} is null when withheld for safety ({@code hidden}) or not named. */
    public record DeliveryView(Delivery delivery, @Nullable String recipient, boolean hidden) {
    }

    /** An approved purchase; supplier and intermediary are null when withheld or not named. */
    public record PurchaseView(Purchase purchase, String needItem, @Nullable String supplier, boolean supplierWithheld,
                               @Nullable String intermediary, boolean intermediaryWithheld,
                               List<DeliveryView> deliveries) {
    }

    /** Everything the fundraiser's page shows. */
    public record Page(Card card, List<NeedView> needs, List<PurchaseView> purchases, List<NumberedReport> reports) {
    }

    private final Fundraisers fundraisers;
    private final FundraisingFigures figures;
    private final Purchases purchases;
    private final Organizations organizations;
    private final NumberedReports reports;

    PublicFundraising(Fundraisers fundraisers, FundraisingFigures figures, Purchases purchases,
                      Organizations organizations, NumberedReports reports) {
        this.fundraisers = fundraisers;
        this.figures = figures;
        this.purchases = purchases;
        this.organizations = organizations;
        this.reports = reports;
    }

    /** A fundraiser the public may see (not a draft). */
    public Optional<Fundraiser> bySlug(String slug) {
        return fundraisers.bySlug(slug).filter(Fundraiser::isPublic);
    }

    public List<Card> cards() {
        return all().stream().map(this::card).toList();
    }

    /** The fundraisers the public may see, newest first. */
    public List<Fundraiser> all() {
        return fundraisers.all(true);
    }

    public Card card(Fundraiser fundraiser) {
        FundraisingFigures.Totals totals = figures.totals(fundraiser);
        Money goal = fundraiser.goal();
        return new Card(fundraiser, totals, goal == null ? null : percent(totals.raised().minor(), goal.minor()));
    }

    public Page page(Fundraiser fundraiser) {
        return new Page(card(fundraiser), needs(fundraiser, figures.progress(fundraiser)), purchases(fundraiser),
                reports.all(fundraiser.id()));
    }

    /** The needs with their progress in a ledger snapshot (a report's) or now ({@code Long.MAX_VALUE}). */
    public List<NeedView> needs(Fundraiser fundraiser, long upToTransaction) {
        return needs(fundraiser, figures.progress(fundraiser, upToTransaction));
    }

    private List<NeedView> needs(Fundraiser fundraiser, Map<Long, FundraisingFigures.Progress> progress) {
        return fundraisers.needs(fundraiser.id()).stream().map(n -> {
            FundraisingFigures.Progress p = progress.getOrDefault(n.id(),
                    FundraisingFigures.Progress.none(fundraiser.baseCurrency()));
            return new NeedView(n, p, percent(p.funded().minor(), n.estimate().minor()),
                    percent(p.orderedItems(), n.quantity()), percent(p.deliveredItems(), n.quantity()));
        }).toList();
    }

    /** The latest approved purchases, newest first, with their deliveries. */
    public List<PurchaseView> purchases(Fundraiser fundraiser) {
        Map<Long, String> items = fundraisers.needs(fundraiser.id()).stream()
                .collect(Collectors.toMap(Need::id, Need::item));
        return purchases.latest(fundraiser.id(), LATEST_PURCHASES * 5).stream()
                .filter(p -> p.approval() == Purchase.Approval.APPROVED)
                .limit(LATEST_PURCHASES)
                .map(p -> new PurchaseView(p, items.getOrDefault(p.needId(), ""),
                        p.supplierWithheld() ? null : name(p.supplierId()), p.supplierWithheld(),
                        p.intermediaryWithheld() ? null : name(p.intermediaryId()), p.intermediaryWithheld(),
                        purchases.deliveries(p.id()).stream().map(d -> new DeliveryView(d,
                                d.recipientHidden() ? null : d.recipientId() != null ? name(d.recipientId())
                                        : d.recipientText(), d.recipientHidden())).toList()))
                .toList();
    }

    /** Need id → item, for the ledger's filter and rows. */
    public Map<Long, String> needItems(Fundraiser fundraiser) {
        return fundraisers.needs(fundraiser.id()).stream().collect(Collectors.toMap(Need::id, Need::item,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private @Nullable String name(@Nullable Long organizationId) {
        return organizationId == null ? null : organizations.find(organizationId).map(Organization::name).orElse(null);
    }

    /** {@code part} of {@code whole} in whole percent, 0 to 100 (rounded down; 0 when there is no whole). */
    static int percent(long part, long whole) {
        if (whole <= 0 || part <= 0) {
            return 0;
        }
        return (int) Math.min(100, java.math.BigInteger.valueOf(part).multiply(java.math.BigInteger.valueOf(100))
                .divide(java.math.BigInteger.valueOf(whole)).longValue());
    }
}
