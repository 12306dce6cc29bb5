package org.solidarityhub.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;

/** Which responses are worth compressing, whether a client takes gzip, and gzip itself. */
final class Encodings {

    /** The text types the site sends, compressed for every client that accepts gzip (as in server.compression). */
    static final Set<String> COMPRESSIBLE = Set.of("text/html", "text/plain", "text/css", "text/csv", "text/calendar",
            "text/xml", "application/json", "application/problem+json", "application/geo+json", "application/atom+xml",
            "application/xml", "application/javascript", "text/javascript", "image/svg+xml", "application/yaml",
            "application/x-yaml", "text/yaml");

    /** Below this a gzip member saves too little to pay for itself. */
    static final int MIN_SIZE = 256;

    private Encodings() {
    }

    static boolean compressible(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return COMPRESSIBLE.contains(type);
    }

    /** Whether an Accept-Encoding header takes gzip (named, or "*", with a q above 0). */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                return !zeroQuality(pieces);
            }
        }
        return false;
    }

    private static boolean zeroQuality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
