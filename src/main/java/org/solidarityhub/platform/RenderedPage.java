package org.solidarityhub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A page as rendered once: its bytes, gzipped too when its type is text, and the headers its controller and
 * Spring Security gave it (CSP, nosniff, frame options...), to be replayed to other readers. Never a cookie, and
 * none of the headers the page cache writes itself.
 */
record RenderedPage(String etag, byte[] identity, byte @Nullable [] gzip, List<Header> headers) {

    record Header(String name, List<String> values) {
    }

    /** Headers not replayed: the cache writes them per response, or they belong to one reader or connection. */
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "content-encoding",
            "transfer-encoding", "date", "etag", "last-modified", "cache-control", "vary", "expires", "pragma",
            "x-cache", "connection", "keep-alive");

    static RenderedPage of(String etag, byte[] identity, HttpServletResponse response) {
        List<Header> headers = new ArrayList<>();
        for (String name : new java.util.LinkedHashSet<>(response.getHeaderNames())) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(new Header(name, List.copyOf(response.getHeaders(name))));
            }
        }
        if (response.getContentType() != null && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE))) {
            headers.add(new Header(HttpHeaders.CONTENT_TYPE, List.of(response.getContentType())));
        }
        byte[] gzip = Encodings.compressible(response.getContentType()) && identity.length >= Encodings.MIN_SIZE
                ? Encodings.gzip(identity) : null;
        return new RenderedPage(etag, identity, gzip, List.copyOf(headers));
    }

    /** About how much memory it holds. */
    int weight() {
        return identity.length + (gzip == null ? 0 : gzip.length) + 1024;
    }

    /** Gives a response of another reader the headers of this one (HSTS only over HTTPS, as Spring Security does). */
    void replayHeaders(HttpServletResponse response) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase("Strict-Transport-Security")) {
                continue; // per request: the page cache writes it on HTTPS requests, whichever request was kept
            }
            boolean first = true;
            for (String value : header.values()) {
                if (first) {
                    response.setHeader(header.name(), value);
                    first = false;
                } else {
                    response.addHeader(header.name(), value);
                }
            }
        }
    }
}
