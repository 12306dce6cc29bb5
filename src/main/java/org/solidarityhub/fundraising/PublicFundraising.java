package org.solidarityhub.fundraising;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The public pages' views of fundraisers (docs/fundraising.md, "Public side"), from the {@link Fundraising} facade
 * (only fundraisers out of draft, only purchases whose order stands, names withheld for safety left out) with the
 * widths of the progress bars and the numbered reports. Every figure is summed from the ledger.
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

    /**
     * An approved purchase whose order stands, with its deliveries (names withheld for safety left out, photos once
     * published) and its published (redacted) receipts.
     */
    public record PurchaseView(Fundraising.PublicPurchase purchase, List<Fundraising.PublicDelivery> deliveries,
                               List<Fundraising.PublicReceipt> receipts) {
        /** The day it reached a status, or null when it did not (yet). */
        public @Nullable LocalDate on(Purchase.Status status) {
            return switch (status) {
                case ORDERED -> purchase.orderedOn();
                case PAID -> purchase.paidOn();
                case SHIPPED -> purchase.shippedOn();
                case DELIVERED -> purchase.deliveredOn();
            };
        }
    }

    /** Everything the fundraiser's page shows. */
    public record Page(Card card, List<NeedView> needs, List<PurchaseView> purchases, List<NumberedReport> reports) {
    }

    private final Fundraising fundraising;
    private final FundraisingFigures figures;
    private final NumberedReports reports;

    PublicFundraising(Fundraising fundraising, FundraisingFigures figures, NumberedReports reports) {
        this.fundraising = fundraising;
        this.figures = figures;
        this.reports = reports;
    }

    /** A fundraiser the public may see (not a draft). */
    public Optional<Fundraiser> bySlug(String slug) {
        return fundraising.fundraiser(slug);
    }

    public List<Card> cards() {
        return all().stream().map(this::card).toList();
    }

    /** The fundraisers the public may see, newest first. */
    public List<Fundraiser> all() {
        return fundraising.fundraisers();
    }

    public Card card(Fundraiser fundraiser) {
        FundraisingFigures.Totals totals = fundraising.totals(fundraiser);
        Money goal = fundraiser.goal();
        return new Card(fundraiser, totals, goal == null ? null : percent(totals.raised().minor(), goal.minor()));
    }

    public Page page(Fundraiser fundraiser) {
        return new Page(card(fundraiser), fundraising.needs(fundraiser).stream()
                .map(n -> view(n.need(), n.progress())).toList(), purchases(fundraiser),
                reports.all(fundraiser.id()));
    }

    /** The needs with their progress in a ledger snapshot (a report's: its transactions up to an id). */
    public List<NeedView> needs(Fundraiser fundraiser, long upToTransaction) {
        Map<Long, FundraisingFigures.Progress> progress = figures.progress(fundraiser, upToTransaction);
        return fundraising.needs(fundraiser).stream().map(n -> view(n.need(), progress.getOrDefault(n.need().id(),
                FundraisingFigures.Progress.none(fundraiser.baseCurrency())))).toList();
    }

    private static NeedView view(Need n, FundraisingFigures.Progress p) {
        return new NeedView(n, p, percent(p.funded().minor(), n.estimate().minor()),
                percent(p.orderedItems(), n.quantity()), percent(p.deliveredItems(), n.quantity()));
    }

    /** The latest public purchases, newest first, with their deliveries. */
    public List<PurchaseView> purchases(Fundraiser fundraiser) {
        return fundraising.purchases(fundraiser, LATEST_PURCHASES).stream()
                .map(p -> new PurchaseView(p, fundraising.deliveries(fundraiser, p.id()),
                        fundraising.receipts(fundraiser, p.id()))).toList();
    }

    /** Need id → item, for the ledger's filter and rows. */
    public Map<Long, String> needItems(Fundraiser fundraiser) {
        Map<Long, String> items = new LinkedHashMap<>();
        fundraising.needs(fundraiser).forEach(n -> items.put(n.need().id(), n.need().item()));
        return items;
    }

    /** {@code part} of {@code whole} in whole percent, 0 to 100 (rounded down; 0 when there is no whole). */
    static int percent(long part, long whole) {
        if (whole <= 0 || part <= 0) {
            return 0;
        }
        return (int) Math.min(100, BigInteger.valueOf(part).multiply(BigInteger.valueOf(100))
                .divide(BigInteger.valueOf(whole)).longValue());
    }
}
