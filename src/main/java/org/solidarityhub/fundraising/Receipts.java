package org.solidarityhub.fundraising;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaContent;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaKind;
import org.solidarityhub.media.MediaOptions;
import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.media.MediaState;
import org.solidarityhub.media.Region;
import org.solidarityhub.media.RegionText;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A purchase's receipts: a treasurer uploads a PDF or a photo (media renders a PDF page by page and keeps the original
 * privately), blacks out regions of each page, then publishes the redacted copy; the original stays for treasurers.
 * Discarding deletes both. Every action is audited; a refused action writes nothing.
 */
@Service
class Receipts {

    /** Receipts one purchase may have. */
    static final int MAX_PER_PURCHASE = 20;

    /** A page of a receipt with its media item (null when media lost it). */
    record Page(ReceiptStore.Page row, int number, @Nullable MediaItem item) {
    }

    /** A receipt: its pages in order. */
    record Receipt(long id, List<Page> pages) {
        public boolean published() {
            return pages.getFirst().row().publishedAt() != null;
        }

        public boolean ready() {
            return pages.stream().allMatch(p -> p.item() != null && p.item().ready());
        }

        /** Whether a page was refused or failed while processed (or is gone): it will never be ready. */
        public boolean failed() {
            return pages.stream().anyMatch(p -> p.item() == null || p.item().problemKey() != null
                    || !(p.item().ready() || p.item().state() == MediaState.PROCESSING));
        }
    }

    private final Purchases purchases;
    private final ReceiptStore store;
    private final Media media;
    private final AuditLog audit;
    private final FundraisingVersions versions;
    private final Clock clock;

    Receipts(Purchases purchases, ReceiptStore store, Media media, AuditLog audit, FundraisingVersions versions,
             Clock clock) {
        this.versions = versions;
        this.purchases = purchases;
        this.store = store;
        this.media = media;
        this.audit = audit;
        this.clock = clock;
    }

    /** The purchase's receipts, oldest first. */
    List<Receipt> of(long purchaseId) {
        return group(store.ofPurchase(purchaseId));
    }

    /**
     * Takes an upload (PDF or photo) as a receipt of the purchase; refused input ({@code media.refused.*},
     * {@code fundraising.receipt.*}) keeps nothing.
     */
    @Transactional
    long upload(long fundraiserId, long purchaseId, @Nullable InputStream content, long size) {
        Purchase p = purchases.get(fundraiserId, purchaseId);
        if (content == null) {
            throw new BadInputException("fundraising.receipt.noFile");
        }
        if (store.count(p.id()) >= MAX_PER_PURCHASE) {
            throw new BadInputException("fundraising.receipt.tooMany");
        }
        List<MediaItem> pages = media.acceptPages(content, size, new MediaOwner("fundraising", "purchase-" + p.id()),
                MediaOptions.RECEIPTS);
        if (pages.stream().anyMatch(page -> page.kind() != MediaKind.IMAGE)) {
            throw new BadInputException("media.refused.documentType"); // a video: rolled back, media deletes the upload
        }
        List<Long> ids = pages.stream().map(MediaItem::id).toList();
        store.insert(p.id(), ids, clock.instant());
        long receiptId = firstRowId(p.id(), ids.getFirst());
        audit.record("fundraising.receipt.uploaded", "purchase", p.id(), "receipt " + receiptId + ", pages " + ids.size());
        return receiptId;
    }

    /** Blacks out exactly these regions of one page (typed as {@link RegionText} reads them; blank: none). */
    @Transactional
    void redact(long fundraiserId, long purchaseId, long receiptId, int pageNumber, @Nullable String regions) {
        Receipt receipt = receipt(fundraiserId, purchaseId, receiptId);
        if (pageNumber < 1 || pageNumber > receipt.pages().size()) {
            throw new BadInputException("fundraising.receipt.unknown");
        }
        Page page = receipt.pages().get(pageNumber - 1);
        MediaItem item = page.item();
        if (item == null || receipt.published() || item.published()) {
            throw new BadInputException("fundraising.receipt.published");
        }
        if (!media.canRedact(item)) {
            throw new BadInputException("fundraising.receipt.notReady");
        }
        List<Region> boxes = RegionText.parse(regions, item.width(), item.height());
        media.redact(item.id(), boxes);
        audit.record("fundraising.receipt.redacted", "purchase", purchaseId,
                "receipt " + receipt.id() + ", page " + pageNumber + ", boxes " + boxes.size());
    }

    /** Publishes the redacted copy of every page; the original stays private. */
    @Transactional
    void publish(long fundraiserId, long purchaseId, long receiptId) {
        Receipt receipt = receipt(fundraiserId, purchaseId, receiptId);
        if (receipt.published()) {
            throw new BadInputException("fundraising.receipt.published");
        }
        if (!receipt.ready()) {
            throw new BadInputException("fundraising.receipt.notReady");
        }
        versions.changed(fundraiserId); // the public pages show it now
        if (!store.publish(receipt.pages().getFirst().row().originalMediaId(), clock.instant())) {
            throw new BadInputException("fundraising.receipt.published");
        }
        for (Page page : receipt.pages()) {
            media.publish(page.row().mediaId());
        }
        audit.record("fundraising.receipt.published", "purchase", purchaseId, "receipt " + receipt.id() + ", boxes "
                + receipt.pages().stream().mapToInt(p -> p.item() == null ? 0 : p.item().redactions().size()).sum());
    }

    /** Deletes the receipt: its pages, published or not, and the private original. */
    @Transactional
    void discard(long fundraiserId, long purchaseId, long receiptId) {
        Receipt receipt = receipt(fundraiserId, purchaseId, receiptId);
        if (receipt.published()) {
            versions.changed(fundraiserId);
        }
        if (!store.delete(receipt.pages().getFirst().row().originalMediaId())) {
            throw new BadInputException("fundraising.receipt.unknown");
        }
        for (Page page : receipt.pages()) {
            try {
                media.discard(page.row().mediaId());
            } catch (NoSuchElementException gone) {
                // media lost it already
            }
        }
        audit.record("fundraising.receipt.discarded", "purchase", purchaseId, "receipt " + receipt.id());
    }

    /** Opens the private original for a treasurer (audited); refused while it is processed or when none is kept. */
    @Transactional
    MediaContent original(long fundraiserId, long purchaseId, long receiptId) {
        Receipt receipt = receipt(fundraiserId, purchaseId, receiptId);
        MediaContent content;
        try {
            content = media.openOriginal(receipt.pages().getFirst().row().originalMediaId())
                    .orElseThrow(() -> new BadInputException("fundraising.receipt.notReady"));
        } catch (NoSuchElementException | UncheckedIOException gone) {
            throw new BadInputException("fundraising.receipt.notReady");
        }
        audit.record("fundraising.receipt.originalOpened", "purchase", purchaseId, "receipt " + receipt.id());
        return content;
    }

    private Receipt receipt(long fundraiserId, long purchaseId, long receiptId) {
        Purchase p = purchases.get(fundraiserId, purchaseId);
        List<Receipt> found = group(store.receipt(p.id(), receiptId));
        if (found.isEmpty()) {
            throw new BadInputException("fundraising.receipt.unknown");
        }
        return found.getFirst();
    }

    private long firstRowId(long purchaseId, long mediaId) {
        return store.ofPurchase(purchaseId).stream().filter(r -> r.mediaId() == mediaId).findFirst().orElseThrow().id();
    }

    private List<Receipt> group(List<ReceiptStore.Page> rows) {
        var items = media.findAll(rows.stream().map(ReceiptStore.Page::mediaId).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(MediaItem::id, i -> i));
        var byReceipt = new java.util.LinkedHashMap<Long, List<Page>>();
        for (ReceiptStore.Page row : rows) {
            List<Page> pages = byReceipt.computeIfAbsent(row.receiptId(), k -> new java.util.ArrayList<>());
            pages.add(new Page(row, pages.size() + 1, items.get(row.mediaId())));
        }
        return byReceipt.entrySet().stream().map(e -> new Receipt(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
