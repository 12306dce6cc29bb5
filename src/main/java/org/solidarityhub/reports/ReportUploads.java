package org.solidarityhub.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.media.MediaRefusedException;
import org.solidarityhub.submissions.Problem;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hands a report's photos and videos to the media module, all or none: the parts of one form are accepted one
 * by one (type from the content, size and pixel caps, on the request thread), and when one is refused the others
 * accepted before it are discarded, so a refused report keeps nothing. No file name of the sender is passed on.
 */
@Component
class ReportUploads {

    /** The media items accepted for a report, or the problem of the first file refused. */
    record Accepted(List<ReportStore.NewItem> items, List<Long> mediaIds) {
    }

    /** A file was refused: the problem to show at the file field (a {@code media.refused.*} or reports key). */
    static final class Refused extends RuntimeException {
        private final Problem problem;

        Refused(Problem problem) {
            super(problem.key(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    static final String FEATURE = "reports";

    private final Media media;
    private final ReportsProperties properties;

    ReportUploads(Media media, ReportsProperties properties) {
        this.media = media;
        this.properties = properties;
    }

    /** The parts that carry a file (a file input left empty still sends a part of zero bytes with no name). */
    static List<MultipartFile> chosen(List<MultipartFile> parts) {
        return parts == null ? List.of() : parts.stream()
                .filter(p -> p.getSize() > 0 || (p.getOriginalFilename() != null && !p.getOriginalFilename().isEmpty()))
                .toList();
    }

    /** Accepts every file or none; throws {@link Refused} with the first problem. */
    Accepted accept(List<MultipartFile> files, boolean blurRequested) {
        if (files.size() > properties.maxFiles()) {
            throw new Refused(new Problem("reports.error.tooManyFiles", List.of(properties.maxFiles())));
        }
        MediaOwner owner = new MediaOwner(FEATURE, "upload-" + UUID.randomUUID());
        List<ReportStore.NewItem> items = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try {
            for (MultipartFile file : files) {
                MediaItem item;
                try (InputStream in = file.getInputStream()) {
                    item = media.accept(in, file.getSize(), owner);
                }
                ids.add(item.id());
                items.add(new ReportStore.NewItem(item.id(), item.kind().name(), blurRequested));
            }
        } catch (MediaRefusedException e) {
            discard(ids);
            throw new Refused(new Problem(e.reasonKey(), List.of()));
        } catch (IOException e) {
            discard(ids);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            discard(ids);
            throw e;
        }
        return new Accepted(List.copyOf(items), List.copyOf(ids));
    }

    /** Discards media items (a report refused or rolled back, or erased). */
    void discard(List<Long> mediaIds) {
        for (long id : mediaIds) {
            try {
                media.discard(id);
            } catch (java.util.NoSuchElementException gone) {
                // already gone
            }
        }
    }
}
