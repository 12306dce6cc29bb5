package org.solidarityhub.reports;

import java.net.URI;
import java.util.Locale;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.MediaRefusedException;
import org.solidarityhub.media.ResumableUploads;
import org.solidarityhub.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resumable uploads of the report forms, in the core of the tus protocol 1.0.0 with its creation and
 * termination extensions (docs/media.md, "Resumable uploads"): {@code POST} with {@code Upload-Length} and the form
 * ({@code ?event=} management token or {@code ?campaign=} slug) starts one and answers its address; {@code HEAD} says
 * its {@code Upload-Offset}; {@code PATCH} ({@code application/offset+octet-stream}) appends at {@code Upload-Offset}
 * (409 with the server's offset otherwise); {@code DELETE} ends it. The report form then names the finished ids in
 * {@code uploads} fields. Errors are problem details (an {@code /api/} path).
 */
@RestController
@RequestMapping(ReportUploadController.PATH)
class ReportUploadController {

    static final String PATH = "/api/v1/reports/uploads";
    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_STREAM = "application/offset+octet-stream";

    private final ResumableUploads uploads;
    private final ReportUploads reportUploads;
    private final ReportGuard guard;

    ReportUploadController(ResumableUploads uploads, ReportUploads reportUploads, ReportGuard guard) {
        this.uploads = uploads;
        this.reportUploads = reportUploads;
        this.guard = guard;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,termination").header("Tus-Max-Size", Long.toString(uploads.maxSize()))
                .build();
    }

    @PostMapping
    ResponseEntity<Void> start(@RequestHeader(name = "Tus-Resumable", required = false) @Nullable String version,
                               @RequestHeader(name = "Upload-Length", required = false) @Nullable String length,
                               @RequestParam(required = false) @Nullable String event,
                               @RequestParam(required = false) @Nullable String campaign, Locale locale,
                               HttpServletRequest request) {
        requireVersion(version);
        String form = reportUploads.formOf(event, campaign, locale);
        long declared = number(length);
        guard.startUpload(request);
        String id;
        try {
            id = uploads.start(form, declared);
        } catch (MediaRefusedException refused) {
            throw ApiProblem.of(refused.reasonKey().equals("media.refused.tooLarge") ? HttpStatus.CONTENT_TOO_LARGE
                    : HttpStatus.BAD_REQUEST, refused.reasonKey());
        }
        return ResponseEntity.created(URI.create(request.getContextPath() + PATH + "/" + id))
                .header("Tus-Resumable", TUS_VERSION).header("Upload-Offset", "0").header("Cache-Control", "no-store")
                .build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> offset(@PathVariable String id) {
        ResumableUploads.Progress progress = progress(id);
        return ResponseEntity.ok().header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", Long.toString(progress.offset()))
                .header("Upload-Length", Long.toString(progress.length())).header("Cache-Control", "no-store").build();
    }

    @PatchMapping("/{id}")
    ResponseEntity<Void> append(@PathVariable String id,
                                @RequestHeader(name = "Tus-Resumable", required = false) @Nullable String version,
                                @RequestHeader(name = "Upload-Offset", required = false) @Nullable String offset,
                                @RequestHeader(name = "Content-Type", required = false) @Nullable String type,
                                HttpServletRequest request) throws java.io.IOException {
        requireVersion(version);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(OFFSET_STREAM)) {
            throw ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "reports.upload.contentType");
        }
        long at = number(offset);
        progress(id); // 404 first for an unknown id
        ResumableUploads.Progress progress;
        try {
            progress = uploads.append(id, at, request.getInputStream());
        } catch (ResumableUploads.OffsetMismatch mismatch) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "reports.upload.offset")
                    .withHeader("Upload-Offset", Long.toString(mismatch.current())).withHeader("Tus-Resumable", TUS_VERSION);
        } catch (NoSuchElementException gone) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "reports.upload.unknown");
        }
        return ResponseEntity.noContent().header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", Long.toString(progress.offset())).build();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> cancel(@PathVariable String id,
                                @RequestHeader(name = "Tus-Resumable", required = false) @Nullable String version) {
        requireVersion(version);
        try {
            uploads.cancel(id);
        } catch (NoSuchElementException unknown) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "reports.upload.unknown");
        }
        return ResponseEntity.noContent().header("Tus-Resumable", TUS_VERSION).build();
    }

    private ResumableUploads.Progress progress(String id) {
        try {
            return uploads.progress(id);
        } catch (NoSuchElementException unknown) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "reports.upload.unknown");
        }
    }

    private static void requireVersion(@Nullable String version) {
        if (!TUS_VERSION.equals(version)) {
            throw ApiProblem.of(HttpStatus.PRECONDITION_FAILED, "reports.upload.version")
                    .withHeader("Tus-Version", TUS_VERSION);
        }
    }

    private static long number(@Nullable String header) {
        try {
            long value = header == null ? -1 : Long.parseLong(header.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.of(HttpStatus.BAD_REQUEST, "reports.upload.header");
    }
}
