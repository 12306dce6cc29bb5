package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    private final MediaItems items;
    private final MediaStore store;
    private final UploadIntake intake;
    private final MediaWorkers workers;
    private final MediaProcessing processing;
    private final ObjectProvider<FaceDetector> detectors;
    private final Path workDir;

    Media(MediaItems items, MediaStore store, UploadIntake intake, MediaWorkers workers, MediaProcessing processing,
          ObjectProvider<FaceDetector> detectors, MediaConfiguration.MediaWorkFolder work) {
        this.items = items;
        this.store = store;
        this.intake = intake;
        this.workers = workers;
        this.processing = processing;
        this.detectors = detectors;
        this.workDir = work.path();
    }

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
        return acceptPages(content, declaredSize, owner, MediaOptions.PHOTOS).getFirst();
    }

    /**
     * Accepts a picture (the image of an event, a photo in a post) as {@link #accept} does, and refuses a video with
     * {@code media.refused.imageOnly} before anything of it is stored.
     */
    public MediaItem acceptPicture(InputStream content, long declaredSize, MediaOwner owner) {
        return acceptPages(content, declaredSize, owner, MediaOptions.PICTURES).getFirst();
    }

    /**
     * Accepts an upload as {@link #accept} does, with the owner's {@link MediaOptions}: with
     * {@link MediaOptions#documents()} a PDF is accepted too and becomes one image item per page (in page order,
     * {@link MediaItem#page()} of {@link MediaItem#pages()}); with {@link MediaOptions#keepOriginal()} the upload as
     * received is kept privately for {@link #openOriginal}. Anything else gives one item.
     *
     * @return the items, in {@link MediaState#PROCESSING}: one, or one per page of a PDF
     * @throws MediaRefusedException as {@link #accept}, imageOnly for a video when the options take none, and for PDFs: encrypted, noPages, tooManyPages, pageTooLarge,
     *                               truncated (broken or cut off); for owners of documents documentType instead of
     *                               type (also for a PDF that is also a ZIP, or does not start as a PDF); later, on the
     *                               worker, pageTooLarge (an image in it too large) and documentTooSlow
     * @throws MediaBusyException    when the worker queue is full (a PDF takes one worker for all its pages)
     */
    public List<MediaItem> acceptPages(InputStream content, long declaredSize, MediaOwner owner, MediaOptions options) {
        MediaWorkers.Slot slot = workers.reserve();
        UploadIntake.Accepted upload;
        try {
            upload = intake.take(content, declaredSize, processing.video() != null, options);
        } catch (IOException | RuntimeException e) {
            slot.release();
            if (e instanceof MediaRefusedException refused) {
                throw refused;
            }
            throw new UncheckedIOException("an upload could not be read", e instanceof IOException io ? io : new IOException(e));
        }
        List<Long> ids = new java.util.ArrayList<>();
        try {
            if (upload.pdf()) {
                for (int page = 1; page <= upload.pages().size(); page++) {
                    PdfPages.PageSize size = upload.pages().get(page - 1);
                    ids.add(items.insertProcessing(upload.kind(), owner, size.width(), size.height(), upload.size(),
                            page, upload.pages().size()));
                }
            } else {
                ids.add(items.insertProcessing(upload.kind(), owner, upload.width(), upload.height(), upload.size()));
            }
        } catch (RuntimeException e) {
            slot.release();
            MediaProcessing.deleteQuietly(upload.file());
            throw e;
        }
        // read before the work is handed over: outside a transaction it starts at once and may be done before a re-read
        List<MediaItem> accepted = findAll(ids);
        afterCommit(() -> slot.run(() -> processing.process(ids, owner, upload, options.keepOriginal())), () -> {
            slot.release();
            MediaProcessing.deleteQuietly(upload.file());
        });
        return accepted;
    }

    /** Whether video uploads are accepted now (a {@link VideoProcessor} is present and available). */
    public boolean acceptsVideo() {
        return processing.video() != null;
    }

    /** The item with this id. */
    public Optional<MediaItem> find(long id) {
        return items.find(id).map(MediaItems.Row::item);
    }

    /** The items with these ids that exist, in the order of their ids. */
    public List<MediaItem> findAll(Collection<Long> ids) {
        return items.findAll(ids).stream().map(MediaItems.Row::item).toList();
    }

    /** The items of an owner, oldest first. */
    public List<MediaItem> ofOwner(MediaOwner owner) {
        return items.ofOwner(owner).stream().map(MediaItems.Row::item).toList();
    }

    /** Whether a {@link FaceDetector} is present and available: otherwise features hide the option. */
    public boolean canDetectFaces() {
        return detector() != null;
    }

    /** Whether {@link #blur} works for this item: it is ready, not yet published, and of a kind that can be blurred. */
    public boolean canBlur(MediaItem item) {
        if (!item.ready() || item.published()) {
            return false;
        }
        if (item.kind() == MediaKind.VIDEO) {
            VideoProcessor video = processing.video();
            return video != null && video.canBlur();
        }
        return true;
    }

    /**
     * Faces found in a ready, unpublished item's master (a video's poster frame), to offer for blurring; empty when
     * no detector is available.
     */
    public List<Region> detectFaces(long id) {
        MediaItems.Row row = row(id);
        FaceDetector detector = detector();
        if (detector == null || !row.item().ready() || row.item().published()) {
            return List.of();
        }
        String key = row.item().kind() == MediaKind.IMAGE ? row.masterKey() : row.posterKey();
        if (key == null) {
            return List.of();
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(workDir, "faces-");
            BufferedImage image = ImagePipeline.read(processing.download(key, work));
            double scale = (double) row.item().width() / image.getWidth();
            return detector.detect(image).stream()
                    .map(region -> scale == 1.0 ? region : region.scaled(scale))
                    .flatMap(region -> region.clippedTo(row.item().width(), row.item().height()).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("faces could not be looked for", e);
        } finally {
            if (work != null) {
                MediaProcessing.deleteQuietly(work);
            }
        }
    }

    /**
     * Renders the web size and thumbnail (a video and its poster) again from the private master with exactly these
     * regions blurred strongly (not a reversible mosaic); an empty list removes all blurring. Only for a ready item
     * that is not yet published ({@link IllegalStateException} otherwise). The variants get new random names.
     *
     * @return the item with its new variants and {@link MediaItem#regions()}
     */
    public MediaItem blur(long id, List<Region> regions) {
        if (regions.size() > Regions.MAX) {
            throw new IllegalArgumentException("at most " + Regions.MAX + " regions");
        }
        MediaItems.Row row = row(id);
        List<Region> clipped = regions.stream()
                .flatMap(region -> region.clippedTo(row.item().width(), row.item().height()).stream()).toList();
        return processing.rerender(row, clipped, row.item().redactions());
    }

    /** Whether {@link #redact} works for this item: a ready, unpublished image. */
    public boolean canRedact(MediaItem item) {
        return item.ready() && !item.published() && item.kind() == MediaKind.IMAGE;
    }

    /**
     * Renders the web size and thumbnail again from the private master with exactly these regions filled opaque
     * black (for receipts: account numbers, names, addresses), keeping any blurred {@link MediaItem#regions()}; an
     * empty list removes all redaction. Regions are in the item's pixels ({@link MediaItem#width()} x
     * {@link MediaItem#height()}). Only for a ready, unpublished image ({@link IllegalStateException} otherwise); the
     * variants get new random names, so nothing published before shows what was under a box.
     *
     * @return the item with its new variants and {@link MediaItem#redactions()}
     */
    public MediaItem redact(long id, List<Region> regions) {
        if (regions.size() > Regions.MAX) {
            throw new IllegalArgumentException("at most " + Regions.MAX + " regions");
        }
        MediaItems.Row row = row(id);
        if (row.item().kind() != MediaKind.IMAGE) {
            throw new IllegalStateException("only images can be redacted");
        }
        List<Region> clipped = regions.stream()
                .flatMap(region -> region.clippedTo(row.item().width(), row.item().height()).stream()).toList();
        return processing.rerender(row, row.item().regions(), clipped);
    }

    /**
     * Makes a ready item's variants public under {@code /media/{name}} and deletes its master (so it cannot be
     * blurred any more). Publishing a published item does nothing; an item not ready throws
     * {@link IllegalStateException}.
     */
    public MediaItem publish(long id) {
        MediaItems.Row row = row(id);
        if (!row.item().ready()) {
            throw new IllegalStateException("only a ready item can be published");
        }
        if (!row.item().published()) {
            items.publish(id);
            String master = row.masterKey();
            afterCommit(() -> processing.deleteQuietly(java.util.Collections.singletonList(master)), () -> { });
        }
        return row(id).item();
    }

    /** Publishes those of these items that are ready and not published yet (a feature publishing its owner's items); returns how many. */
    public int publishReady(Collection<Long> ids) {
        int published = 0;
        for (MediaItem item : findAll(ids)) {
            if (item.ready() && !item.published()) {
                publish(item.id());
                published++;
            }
        }
        return published;
    }

    /** Stops serving a published item's variants (a moderator hid it); its files are kept. */
    public MediaItem unpublish(long id) {
        row(id);
        items.unpublish(id);
        return row(id).item();
    }

    /**
     * Deletes an item's files (master, variants, and a kept original once no other page of its PDF refers to it) and
     * its row: for a rejected item or an erased owner.
     */
    public void discard(long id) {
        MediaItems.Row row = row(id);
        items.delete(id);
        String original = row.originalKey();
        afterCommit(() -> {
            List<@Nullable String> keys = new java.util.ArrayList<>(row.keys());
            // asked after the commit: of two pages discarded at once, the later one to ask sees neither row
            if (original != null && !items.originalInUse(original)) {
                keys.add(original);
            }
            processing.deleteQuietly(keys);
        }, () -> { });
    }

    /**
     * Opens the upload as received, kept privately when the owner asked for it ({@link MediaOptions#keepOriginal()}):
     * for a staff controller only (it has all its metadata, and a PDF all its text, layers and attachments). Never
     * served at {@code /media}; a feature sends it only to signed-in staff with the right role, as an attachment with
     * {@code nosniff} and a sandboxing CSP. Empty when none is kept (or the item is not ready). The pages of one PDF
     * share it.
     */
    public Optional<MediaContent> openOriginal(long id) {
        MediaItems.Row row = row(id);
        String key = row.originalKey();
        if (key == null || !row.item().ready()) {
            return Optional.empty();
        }
        try {
            return store.open(key).map(stored -> new MediaContent(stored.stream(), stored.length(),
                    MediaKeys.contentType(key), key.substring(MediaKeys.ORIGINAL_FOLDER.length())));
        } catch (IOException e) {
            throw new UncheckedIOException("a media file could not be read", e);
        }
    }

    /**
     * Opens a processed variant, published or not: for staff previews and the press ZIP. Never the master nor the
     * upload. Empty if the item has no such variant (yet).
     */
    public Optional<MediaContent> open(long id, Variant variant) {
        MediaItems.Row row = row(id);
        String key = row.key(variant);
        if (key == null || !row.item().ready()) {
            return Optional.empty();
        }
        try {
            return store.open(key).map(stored -> new MediaContent(stored.stream(), stored.length(), stored.contentType(), key));
        } catch (IOException e) {
            throw new UncheckedIOException("a media file could not be read", e);
        }
    }

    private MediaItems.Row row(long id) {
        return items.find(id).orElseThrow(() -> new NoSuchElementException("no media item " + id));
    }

    private @Nullable FaceDetector detector() {
        FaceDetector detector = detectors.getIfAvailable();
        return detector != null && detector.available() ? detector : null;
    }

    /** Runs after the caller's transaction commits (at once without one); {@code otherwise} after a rollback. */
    private static void afterCommit(Runnable action, Runnable otherwise) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                (status == STATUS_COMMITTED ? action : otherwise).run();
            }
        });
    }
}
