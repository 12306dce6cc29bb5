package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * What a worker does with an accepted upload, and the re-rendering for blurring: run the image pipeline (or the
 * {@link VideoProcessor} and the pipeline for its poster), store the results under new random names, record them
 * and publish {@link MediaProcessed}; or record the failure and publish {@link MediaFailed}. The upload and the work
 * folder are deleted in every case.
 */
@Component
class MediaProcessing {

    private static final Logger log = LoggerFactory.getLogger(MediaProcessing.class);

    private final MediaItems items;
    private final MediaStore store;
    private final ImagePipeline images;
    private final PdfPages pdfs;
    private final ObjectProvider<VideoProcessor> videos;
    private final Path workDir;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    MediaProcessing(MediaItems items, MediaStore store, ImagePipeline images, PdfPages pdfs,
                    ObjectProvider<VideoProcessor> videos, MediaConfiguration.MediaWorkFolder work,
                    TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.items = items;
        this.store = store;
        this.images = images;
        this.pdfs = pdfs;
        this.videos = videos;
        this.workDir = work.path();
        this.transactions = transactions;
        this.events = events;
    }

    @Nullable VideoProcessor video() {
        VideoProcessor processor = videos.getIfAvailable();
        return processor != null && processor.available() ? processor : null;
    }

    /**
     * Processes an accepted upload: one item, or for a PDF one item per page (all pages or none end ready). With
     * {@code keepOriginal} the upload as received is stored privately under {@code original/} and recorded with every
     * item. Runs on a worker.
     */
    void process(List<Long> ids, MediaOwner owner, UploadIntake.Accepted upload, boolean keepOriginal) {
        List<String> stored = new ArrayList<>();
        Path work = null;
        try {
            work = Files.createTempDirectory(workDir, "item-");
            String original = keepOriginal ? put(MediaKeys.newOriginalKey(upload.type()), upload.file(), stored) : null;
            List<MediaItems.Processed> processed = upload.pdf() ? pages(upload, work, stored)
                    : List.of(upload.kind() == MediaKind.IMAGE ? image(upload, work, stored) : video(upload, work, stored));
            List<String> unrecorded = transactions.execute(status -> {
                List<String> left = new ArrayList<>();
                boolean any = false;
                for (int i = 0; i < ids.size(); i++) {
                    if (items.markReady(ids.get(i), processed.get(i), original)) {
                        events.publishEvent(new MediaProcessed(ids.get(i), upload.kind(), owner));
                        any = true;
                    } else {
                        left.addAll(processed.get(i).keys()); // discarded meanwhile
                    }
                }
                if (!any && original != null) {
                    left.add(original);
                }
                return left;
            });
            stored.retainAll(unrecorded == null ? stored : unrecorded);
        } catch (MediaRefusedException refused) {
            ids.forEach(id -> end(id, owner, MediaState.REFUSED, refused.reasonKey()));
        } catch (CleanImages.MetadataLeft left) {
            log.warn("media items {} refused: {}", ids, left.getMessage());
            ids.forEach(id -> end(id, owner, MediaState.REFUSED, "media.refused.metadata"));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            log.warn("media items {} could not be processed: {}", ids, e.getClass().getName());
            ids.forEach(id -> end(id, owner, MediaState.FAILED, "media.failed"));
        } finally {
            deleteQuietly(stored);
            deleteQuietly(upload.file());
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    private MediaItems.Processed image(UploadIntake.Accepted upload, Path work, List<String> stored)
            throws IOException, CleanImages.MetadataLeft {
        BufferedImage master = images.master(upload.file(), upload.type(), work);
        deleteQuietly(upload.file()); // the original is gone as soon as it is no longer needed
        return storeMaster(master, work, stored);
    }

    private MediaItems.Processed storeMaster(BufferedImage master, Path work, List<String> stored)
            throws IOException, CleanImages.MetadataLeft {
        String masterKey = put(MediaKeys.newMasterKey("png"), images.writeMaster(master, work), stored);
        ImagePipeline.Rendered rendered = images.render(master, List.of(), work);
        return storeImage(rendered, List.of(), List.of(), masterKey, stored);
    }

    /** Each page of a PDF rendered by {@link PdfPages} and then through the image pipeline, within the time limit. */
    private List<MediaItems.Processed> pages(UploadIntake.Accepted upload, Path work, List<String> stored)
            throws IOException, CleanImages.MetadataLeft {
        long deadline = System.nanoTime() + pdfs.settings().timeout().toNanos();
        List<MediaItems.Processed> pages = new ArrayList<>();
        try (PDDocument document = pdfs.open(upload.file(), work)) {
            if (document.getNumberOfPages() != upload.pages().size()) {
                throw new MediaRefusedException("media.refused.truncated");
            }
            for (int i = 0; i < upload.pages().size(); i++) {
                pages.add(storeMaster(images.master(pdfs.render(document, i, deadline)), work, stored));
            }
        }
        return pages;
    }

    private MediaItems.Processed storeImage(ImagePipeline.Rendered rendered, List<Region> regions,
                                            List<Region> redactions, @Nullable String masterKey, List<String> stored)
            throws IOException {
        String extension = CleanImages.extension(rendered.type());
        String web = put(MediaKeys.newName(extension), rendered.web(), stored);
        String thumbnail = put(MediaKeys.newName(extension), rendered.thumbnail(), stored);
        return new MediaItems.Processed(rendered.width(), rendered.height(), null, Files.size(rendered.web()),
                regions, redactions, masterKey, web, thumbnail, null);
    }

    private MediaItems.Processed video(UploadIntake.Accepted upload, Path work, List<String> stored)
            throws IOException, CleanImages.MetadataLeft {
        VideoProcessor processor = video();
        if (processor == null) {
            throw new MediaRefusedException("media.refused.videoUnavailable");
        }
        ProcessedVideo result = processor.transcode(upload.file(), work);
        deleteQuietly(upload.file());
        String masterKey = processor.canBlur()
                ? put(MediaKeys.newMasterKey(result.extension()), result.video(), stored) : null;
        return storeVideo(result, List.of(), masterKey, work, stored);
    }

    private MediaItems.Processed storeVideo(ProcessedVideo result, List<Region> regions, @Nullable String masterKey,
                                            Path work, List<String> stored) throws IOException, CleanImages.MetadataLeft {
        ImagePipeline.Rendered poster = images.render(images.master(result.poster(), null, work), List.of(), work);
        String extension = CleanImages.extension(poster.type());
        String web = put(MediaKeys.newName(result.extension()), result.video(), stored);
        String posterKey = put(MediaKeys.newName(extension), poster.web(), stored);
        String thumbnail = put(MediaKeys.newName(extension), poster.thumbnail(), stored);
        return new MediaItems.Processed(result.width(), result.height(), result.duration(), Files.size(result.video()),
                regions, List.of(), masterKey, web, thumbnail, posterKey);
    }

    /**
     * Renders a ready, unpublished item's variants again from its master with these regions blurred and (images only)
     * these redactions filled black, stores them under new names, records them and deletes the old ones. Runs on the
     * caller's thread.
     */
    MediaItem rerender(MediaItems.Row row, List<Region> regions, List<Region> redactions) {
        MediaItem item = row.item();
        if (!item.ready() || item.published() || row.masterKey() == null) {
            throw new IllegalStateException("only a ready, unpublished item with a master can be blurred");
        }
        if (item.kind() != MediaKind.IMAGE && !redactions.isEmpty()) {
            throw new IllegalStateException("only images can be redacted");
        }
        List<String> stored = new ArrayList<>();
        Path work = null;
        try {
            work = Files.createTempDirectory(workDir, "blur-");
            Path master = download(row.masterKey(), work);
            MediaItems.Processed processed;
            if (item.kind() == MediaKind.IMAGE) {
                ImagePipeline.Rendered rendered = images.render(ImagePipeline.read(master), regions, redactions, work);
                processed = storeImage(rendered, regions, redactions, row.masterKey(), stored);
            } else {
                VideoProcessor processor = video();
                if (processor == null || !processor.canBlur()) {
                    throw new IllegalStateException("videos cannot be blurred here");
                }
                processed = storeVideo(processor.blur(master, regions, work), regions, row.masterKey(), work, stored);
            }
            if (!Boolean.TRUE.equals(transactions.execute(status -> items.replaceVariants(item.id(), processed, row.webKey())))) {
                throw new IllegalStateException("the item changed while it was blurred");
            }
            stored.clear();
            deleteQuietly(java.util.Arrays.asList(row.webKey(), row.thumbnailKey(), row.posterKey()));
            return items.find(item.id()).orElseThrow().item();
        } catch (IOException | CleanImages.MetadataLeft e) {
            throw new IllegalStateException("blurring failed: " + e.getClass().getName(), e);
        } finally {
            deleteQuietly(stored);
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    /** Copies a stored object into the work folder. */
    Path download(String key, Path work) throws IOException {
        Path file = Files.createTempFile(work, "stored-", "." + MediaKeys.extension(key));
        try (InputStream in = store.open(key).orElseThrow(() -> new IOException("a stored object is missing")).stream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Ends an item as failed or refused and publishes {@link MediaFailed}, unless it already ended or is gone. */
    void end(long id, MediaOwner owner, MediaState state, String reasonKey) {
        transactions.executeWithoutResult(status -> {
            if (items.markEnded(id, state, reasonKey)) {
                events.publishEvent(new MediaFailed(id, owner, state, reasonKey));
            }
        });
    }

    private String put(String key, Path file, List<String> stored) throws IOException {
        store.put(key, file, MediaKeys.contentType(key));
        stored.add(key);
        return key;
    }

    void deleteQuietly(List<@Nullable String> keys) {
        for (String key : keys) {
            if (key != null) {
                try {
                    store.delete(key);
                } catch (IOException e) {
                    log.warn("a media object could not be deleted: {}", e.getClass().getName());
                }
            }
        }
    }

    static void deleteQuietly(Path path) {
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            log.warn("a media work file could not be deleted: {}", e.getClass().getName());
        }
    }
}
