package org.solidarityhub.fundraising;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaKind;
import org.solidarityhub.media.Variant;
import org.solidarityhub.organizations.Organization;
import org.solidarityhub.organizations.Organizations;
import org.springframework.stereotype.Service;

/**
 * What the public may see of fundraisers, for the public pages, the API and the widget: only fundraisers out of
 * draft, only purchases a second treasurer approved (when needed) and whose order stands, names withheld for safety
 * left out, receipts and delivery photos only as published (redacted) copies. Every figure is summed from the ledger ({@link FundraisingFigures}).
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

    /**
     * A delivery as the public sees it: the recipient is null when withheld; the photo is null unless a treasurer
     * published it.
     */
    public record PublicDelivery(long id, long purchaseId, long quantity, @Nullable String recipient,
                                 boolean recipientWithheld, LocalDate deliveredOn, @Nullable PublicImage photo) {
    }

    /** A published picture: its thumbnail and web size under {@code /media/}, and the web size's pixels. */
    public record PublicImage(String thumbnailUrl, String webUrl, int width, int height) {
    }

    /** A published receipt: the redacted copy of each page, in page order (a photo of a receipt has one). */
    public record PublicReceipt(long id, List<PublicImage> pages) {
    }

    private final Fundraisers fundraisers;
    private final Purchases purchases;
    private final FundraisingFigures figures;
    private final Ledger ledger;
    private final Organizations organizations;
    private final ReceiptStore receipts;
    private final Media media;

    Fundraising(Fundraisers fundraisers, Purchases purchases, FundraisingFigures figures, Ledger ledger,
                Organizations organizations, ReceiptStore receipts, Media media) {
        this.receipts = receipts;
        this.media = media;
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
                                d.recipientHidden(), d.deliveredOn(), d.mediaId() == null ? null
                                : media.find(d.mediaId()).flatMap(Fundraising::image).orElse(null)))
                        .toList())
                .orElse(List.of());
    }

    /**
     * The published receipts of a public purchase (its redacted copies; never an original), oldest first; empty for a
     * purchase that is not public.
     */
    public List<PublicReceipt> receipts(Fundraiser fundraiser, long purchaseId) {
        boolean shown = purchases.find(purchaseId)
                .filter(p -> p.fundraiserId() == fundraiser.id() && p.approval() == Purchase.Approval.APPROVED)
                .isPresent();
        if (!shown) {
            return List.of();
        }
        List<ReceiptStore.Page> pages = receipts.published(purchaseId);
        Map<Long, PublicImage> images = new java.util.HashMap<>();
        media.findAll(pages.stream().map(ReceiptStore.Page::mediaId).toList())
                .forEach(item -> image(item).ifPresent(image -> images.put(item.id(), image)));
        Map<Long, List<PublicImage>> byReceipt = new java.util.LinkedHashMap<>();
        for (ReceiptStore.Page page : pages) {
            PublicImage image = images.get(page.mediaId());
            if (image != null) {
                byReceipt.computeIfAbsent(page.receiptId(), k -> new java.util.ArrayList<>()).add(image);
            }
        }
        return byReceipt.entrySet().stream().map(e -> new PublicReceipt(e.getKey(), List.copyOf(e.getValue()))).toList();
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

    /** A published image's public addresses; empty while it is not published (or not an image). */
    private static Optional<PublicImage> image(MediaItem item) {
        if (!item.published() || item.kind() != MediaKind.IMAGE) {
            return Optional.empty();
        }
        Optional<String> web = item.url(Variant.WEB);
        Optional<String> thumbnail = item.url(Variant.THUMBNAIL);
        return web.isEmpty() || thumbnail.isEmpty() ? Optional.empty()
                : Optional.of(new PublicImage(thumbnail.get(), web.get(), item.width(), item.height()));
    }

    private @Nullable String name(@Nullable Long organizationId) {
        return organizationId == null ? null : organizations.find(organizationId).map(Organization::name).orElse(null);
    }
}
