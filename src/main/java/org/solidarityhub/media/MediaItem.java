package org.solidarityhub.media;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One accepted upload as features see it. No file name of the sender is kept anywhere; the variant names are
 * random and only become reachable under {@code /media/{name}} once the item is published.
 *
 * @param id            the item's id
 * @param kind          image or video
 * @param state         processing, ready, failed or refused
 * @param owner         the feature and reference it belongs to
 * @param width         width in pixels of the upright web variant (0 while processing)
 * @param height        height in pixels of the upright web variant (0 while processing)
 * @param duration      a video's duration; null for images and while processing
 * @param size          bytes of the web variant once ready, of the upload before
 * @param published     whether its variants are served publicly
 * @param regions       the regions blurred in its variants (empty: none)
 * @param problemKey    message key of why it failed or was refused; null otherwise
 * @param webName       random file name of the web variant (null until ready)
 * @param thumbnailName random file name of the thumbnail (null until ready)
 * @param posterName    random file name of a video's poster frame (null for images and until ready)
 * @param createdAt     when it was accepted
 * @param redactions    the regions filled opaque black in its variants (receipts; empty: none), see
 *                      {@link Media#redact}
 * @param page          the page of a PDF this image was rendered from, from 1; 0 when the upload was no PDF
 * @param pages         the number of pages of that PDF (one item each, in the order of their ids); 0 when no PDF
 * @param hasOriginal   whether the upload as received is kept privately for staff ({@link Media#openOriginal})
 */
public record MediaItem(
        long id,
        MediaKind kind,
        MediaState state,
        MediaOwner owner,
        int width,
        int height,
        @Nullable Duration duration,
        long size,
        boolean published,
        List<Region> regions,
        @Nullable String problemKey,
        @Nullable String webName,
        @Nullable String thumbnailName,
        @Nullable String posterName,
        Instant createdAt,
        List<Region> redactions,
        int page,
        int pages,
        boolean hasOriginal) {

    /** The URL path prefix of published variants. */
    public static final String PUBLIC_PATH = "/media/";

    public MediaItem {
        regions = List.copyOf(regions);
        redactions = List.copyOf(redactions);
    }

    /** The random file name of a variant, if the item has it. */
    public Optional<String> name(Variant variant) {
        return Optional.ofNullable(switch (variant) {
            case WEB -> webName;
            case THUMBNAIL -> thumbnailName;
            case POSTER -> posterName;
        });
    }

    /**
     * The public path of a variant ({@code /media/<random>.jpg}); it answers only while the item is published.
     * Empty when the item has no such variant.
     */
    public Optional<String> url(Variant variant) {
        return name(variant).map(name -> PUBLIC_PATH + name);
    }

    /** The staff-only path that shows a variant before publishing ({@code /staff/media/{id}/web}), for moderators. */
    public String previewUrl(Variant variant) {
        return "/staff/media/" + id + "/" + variant.name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean ready() {
        return state == MediaState.READY;
    }
}
