package org.solidarityhub.fundraising;

import java.io.InputStream;
import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaKind;
import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.media.Region;
import org.solidarityhub.media.RegionText;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An optional photo of a delivery: uploaded by a treasurer through media's pipeline (no metadata survives), faces and
 * regions blurred as in reports, and shown in public only once the treasurer publishes it (a photo may identify a
 * unit: that is their call). Removing it deletes it. Every action is audited.
 */
@Service
class DeliveryPhotos {

    private final Purchases purchases;
    private final PurchaseStore store;
    private final Media media;
    private final AuditLog audit;
    private final FundraisingVersions versions;

    DeliveryPhotos(Purchases purchases, PurchaseStore store, Media media, AuditLog audit, FundraisingVersions versions) {
        this.versions = versions;
        this.purchases = purchases;
        this.store = store;
        this.media = media;
        this.audit = audit;
    }

    @Transactional
    void attach(long fundraiserId, long purchaseId, long deliveryId, @Nullable InputStream content, long size) {
        Delivery d = delivery(fundraiserId, purchaseId, deliveryId);
        if (content == null) {
            throw new BadInputException("fundraising.receipt.noFile");
        }
        if (d.mediaId() != null) {
            throw new BadInputException("fundraising.photo.exists");
        }
        MediaItem item = media.accept(content, size, new MediaOwner("fundraising", "delivery-" + d.id()));
        if (item.kind() != MediaKind.IMAGE) {
            throw new BadInputException("fundraising.photo.type"); // rolled back: media deletes the upload
        }
        if (!store.deliveryPhoto(d.id(), null, item.id())) {
            throw new BadInputException("fundraising.photo.exists");
        }
        audit.record("fundraising.photo.uploaded", "delivery", d.id(), "purchase " + purchaseId);
    }

    /** Blurs the faces media's detector finds (where it has one). */
    @Transactional
    int blurFaces(long fundraiserId, long purchaseId, long deliveryId) {
        MediaItem item = blurrable(fundraiserId, purchaseId, deliveryId);
        List<Region> faces = media.detectFaces(item.id());
        media.blur(item.id(), faces);
        audit.record("fundraising.photo.blurred", "delivery", deliveryId, "faces " + faces.size());
        return faces.size();
    }

    /** Blurs exactly the regions typed ({@link RegionText}; blank: none). */
    @Transactional
    void blurRegions(long fundraiserId, long purchaseId, long deliveryId, @Nullable String regions) {
        MediaItem item = blurrable(fundraiserId, purchaseId, deliveryId);
        List<Region> parsed = RegionText.parse(regions, item.width(), item.height());
        media.blur(item.id(), parsed);
        audit.record("fundraising.photo.blurred", "delivery", deliveryId, "regions " + parsed.size());
    }

    @Transactional
    void publish(long fundraiserId, long purchaseId, long deliveryId) {
        MediaItem item = photo(fundraiserId, purchaseId, deliveryId);
        if (!item.ready()) {
            throw new BadInputException("fundraising.receipt.notReady");
        }
        if (item.published()) {
            throw new BadInputException("fundraising.photo.published");
        }
        versions.changed(fundraiserId); // the public pages show it now
        media.publish(item.id());
        audit.record("fundraising.photo.published", "delivery", deliveryId, "regions " + item.regions().size());
    }

    @Transactional
    void remove(long fundraiserId, long purchaseId, long deliveryId) {
        MediaItem item = photo(fundraiserId, purchaseId, deliveryId);
        if (item.published()) {
            versions.changed(fundraiserId);
        }
        if (!store.deliveryPhoto(deliveryId, item.id(), null)) {
            throw new BadInputException("fundraising.photo.none");
        }
        media.discard(item.id());
        audit.record("fundraising.photo.removed", "delivery", deliveryId, "purchase " + purchaseId);
    }

    private MediaItem blurrable(long fundraiserId, long purchaseId, long deliveryId) {
        MediaItem item = photo(fundraiserId, purchaseId, deliveryId);
        if (item.published()) {
            throw new BadInputException("fundraising.photo.published");
        }
        if (!media.canBlur(item)) {
            throw new BadInputException("fundraising.receipt.notReady");
        }
        return item;
    }

    private MediaItem photo(long fundraiserId, long purchaseId, long deliveryId) {
        Long mediaId = delivery(fundraiserId, purchaseId, deliveryId).mediaId();
        try {
            return media.find(mediaId == null ? -1 : mediaId).orElseThrow();
        } catch (NoSuchElementException none) {
            throw new BadInputException("fundraising.photo.none");
        }
    }

    private Delivery delivery(long fundraiserId, long purchaseId, long deliveryId) {
        Purchase p = purchases.get(fundraiserId, purchaseId);
        return purchases.deliveries(p.id()).stream().filter(d -> d.id() == deliveryId).findFirst()
                .orElseThrow(() -> new BadInputException("fundraising.photo.noDelivery"));
    }
}
