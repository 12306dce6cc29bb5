package org.solidarityhub.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.media.MediaRefusedException;
import org.solidarityhub.media.ResumableUploads;
import org.solidarityhub.submissions.Problem;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hands a report's photos and videos to the media module, all or none: the parts of one form are accepted one
 * by one (type from the content, size and pixel caps, on the request thread), and when one is refused the others
 * accepted before it are discarded, so a refused report keeps nothing. No file name of the sender is passed on.
 * Where JavaScript runs, the files come instead as resumable uploads bound to the form (see
 * {@link ReportUploadController}), which the form names by id and which pass exactly the same checks here.
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
    private final ResumableUploads resumable;
    private final EventDirectory events;
    private final ReportsProperties properties;

    ReportUploads(Media media, ResumableUploads resumable, EventDirectory events, ReportsProperties properties) {
        this.media = media;
        this.resumable = resumable;
        this.events = events;
        this.properties = properties;
    }

    /** The form a resumable upload is bound to: an event's (by its management link) or a campaign's report form. */
    static String formOf(EventDirectory.EventRef event) {
        return FEATURE + ":event:" + event.id();
    }

    static String formOf(EventDirectory.CampaignRef campaign) {
        return FEATURE + ":campaign:" + campaign.id();
    }

    /** The form named by a resumable upload's start: {@code event} (a management token, 404 if it does not work) or
     * {@code campaign} (a slug; the current campaign when empty). */
    String formOf(@Nullable String eventToken, @Nullable String campaign, Locale locale) {
        return eventToken != null ? formOf(events.byManagementToken(eventToken))
                : formOf(events.campaignForPage(campaign, locale));
    }

    /** The ids of finished resumable uploads a form names ({@code uploads} fields; blanks are left out). */
    static List<String> named(@Nullable List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).map(String::strip)
                .distinct().toList();
    }

    /** The parts that carry a file (a file input left empty still sends a part of zero bytes with no name). */
    static List<MultipartFile> chosen(List<MultipartFile> parts) {
        return parts == null ? List.of() : parts.stream()
                .filter(p -> p.getSize() > 0 || (p.getOriginalFilename() != null && !p.getOriginalFilename().isEmpty()))
                .toList();
    }

    /**
     * Accepts every file and finished resumable upload of this form, or none; throws {@link Refused} with the first
     * problem (an upload id that is unknown, of another form or unfinished: {@code reports.error.uploadMissing}).
     */
    Accepted accept(List<MultipartFile> files, List<String> uploadIds, String form, boolean blurRequested) {
        if (files.size() + uploadIds.size() > properties.maxFiles()) {
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
            for (String uploadId : uploadIds) {
                MediaItem item;
                try {
                    item = resumable.take(uploadId, form, owner);
                } catch (java.util.NoSuchElementException missing) {
                    throw new MediaRefusedException("reports.error.uploadMissing");
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
