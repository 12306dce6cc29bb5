package org.solidarityhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves processed files. {@code GET /media/{name}} answers for the variants of published items only (404 for any
 * other name), with the type media produced, {@code Content-Disposition: inline} with the random name,
 * {@code nosniff}, a sandboxing CSP and a year of immutable caching (names are random and content never changes
 * under a name). {@code GET /staff/media/{id}/{variant}} shows staff the variants before publishing (as far as every
 * {@link PreviewAccess} agrees). Both
 * answer single byte-range requests, which browsers need to seek in videos. Any instance sharing the store and the
 * database serves the same files.
 */
@Controller
class MediaController {

    static final String SANDBOX = "sandbox; default-src 'none'";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final MediaItems items;
    private final MediaStore store;
    private final List<PreviewAccess> access;

    MediaController(MediaItems items, MediaStore store, List<PreviewAccess> access) {
        this.items = items;
        this.store = store;
        this.access = List.copyOf(access);
    }

    @GetMapping(MediaItem.PUBLIC_PATH + "{name}")
    void published(@PathVariable String name, @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
                   HttpServletResponse response) throws IOException {
        if (!MediaKeys.isPublicName(name) || items.publishedByName(name).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        send(name, range, "public, max-age=31536000, immutable", response);
    }

    @GetMapping("/staff/media/{id}/{variant}")
    void preview(@PathVariable long id, @PathVariable String variant,
                 @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
                 HttpServletResponse response) throws IOException {
        Variant which;
        try {
            which = Variant.valueOf(variant.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String key = items.find(id).filter(row -> row.item().ready())
                .filter(row -> who != null && access.stream().allMatch(a -> a.mayPreview(row.item().owner(), who)))
                .map(row -> row.key(which))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        send(key, range, "no-store", response);
    }

    private void send(String key, String range, String caching, HttpServletResponse response) throws IOException {
        Optional<MediaStore.Stored> whole = store.open(key);
        if (whole.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        MediaStore.Stored stored = whole.get();
        long size = stored.length();
        long[] span = range == null ? null : span(range, size);
        if (span != null) {
            stored.stream().close();
            if (span.length == 0) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
                return;
            }
            stored = store.open(key, span[0], span[1] - span[0] + 1)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + span[0] + "-" + span[1] + "/" + size);
        }
        response.setContentType(stored.contentType());
        response.setContentLengthLong(span == null ? size : span[1] - span[0] + 1);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SANDBOX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, caching);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        try (InputStream in = stored.stream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The first and last byte of a single range; an empty array when it cannot be satisfied; null to send all. */
    private static long[] span(String header, long size) {
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            long first;
            long last;
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            return first > last || first >= size ? new long[0] : new long[] {first, last};
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }
}
