package org.solidarityhub.media;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The facade every feature uses for uploads. A typical flow (reports):
 * <ol>
 * <li>{@link #accept} on the request thread: the upload is copied to a private temporary folder under a size cap,
 * its type is decided from its content, an image's dimensions are read from its header; refused input throws
 * {@link MediaRefusedException} (a full worker queue {@link MediaBusyException}) and nothing is kept. Otherwise the
 * item is returned in {@link MediaState#PROCESSING} and queued.</li>
 * <li>A worker re-encodes it without metadata, makes the web size and thumbnail (and poster), deletes the upload and
 * publishes {@link MediaProcessed} or {@link MediaFailed}.</li>
 * <li>A moderator looks at {@link MediaItem#previewUrl}, may {@link #detectFaces} and {@link #blur}, then the
 * feature calls {@link #publish} (served under {@link MediaItem#url}, master deleted) or {@link #discard}.</li>
 * </ol>
 * All methods taking an id throw {@link java.util.NoSuchElementException} for an unknown id.
 */
@Service
public class Media {

    /**
     * Accepts an upload: checks it, keeps it in the private temporary folder and queues it for processing.
     * No file name or client-declared type is taken: none is asked for.
     *
     * @param content      the upload's bytes (read to the end or to the cap; the caller closes it)
     * @param declaredSize the size the client declared (Content-Length of the part), or -1 if unknown: over the
     *                     cap it is refused before reading
     * @param owner        the feature and reference it belongs to
     * @return the item, in {@link MediaState#PROCESSING}
     * @throws MediaRefusedException with key {@code media.refused.*}: empty, tooLarge, type (not an allowed type, for
     *                               example SVG, HTML, PDF, ZIP), truncated, tooManyPixels, videoUnavailable,
     *                               heicUnavailable
     * @throws MediaBusyException    when the worker queue is full
     */
    public MediaItem accept(InputStream content, long declaredSize, MediaOwner owner) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether video uploads are accepted now (a {@link VideoProcessor} is present and available). */
    public boolean acceptsVideo() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The item with this id. */
    public Optional<MediaItem> find(long id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The items with these ids that exist, in the order of their ids. */
    public List<MediaItem> findAll(Collection<Long> ids) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The items of an owner, oldest first. */
    public List<MediaItem> ofOwner(MediaOwner owner) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether a {@link FaceDetector} is present and available: otherwise features hide the option. */
    public boolean canDetectFaces() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether {@link #blur} works for this item: it is ready, not yet published, and of a kind that can be blurred. */
    public boolean canBlur(MediaItem item) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Faces found in a ready, unpublished item's master (a video's poster frame), to offer for blurring; empty when
     * no detector is available.
     */
    public List<Region> detectFaces(long id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Renders the web size and thumbnail (a video and its poster) again from the private master with exactly these
     * regions blurred strongly (not a reversible mosaic); an empty list removes all blurring. Only for a ready item
     * that is not yet published ({@link IllegalStateException} otherwise). The variants get new random names.
     *
     * @return the item with its new variants and {@link MediaItem#regions()}
     */
    public MediaItem blur(long id, List<Region> regions) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Makes a ready item's variants public under {@code /media/{name}} and deletes its master (so it cannot be
     * blurred any more). Publishing a published item does nothing; an item not ready throws
     * {@link IllegalStateException}.
     */
    public MediaItem publish(long id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops serving a published item's variants (a moderator hid it); its files are kept. */
    public MediaItem unpublish(long id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Deletes an item's files (master and variants) and its row: for a rejected item or an erased owner. */
    public void discard(long id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Opens a processed variant, published or not: for staff previews and the press ZIP. Never the master nor the
     * upload. Empty if the item has no such variant (yet).
     */
    public Optional<MediaContent> open(long id, Variant variant) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
