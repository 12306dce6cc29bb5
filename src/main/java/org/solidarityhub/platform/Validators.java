package org.solidarityhub.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The validators of one response of a public page: an ETag made of the URL (with its query), the language, the
 * version of what the page shows and the deployment, with "-gz" for the gzipped representation; and the time of
 * the version's last change as {@code Last-Modified}. Decides a conditional request before anything is rendered.
 */
record Validators(String etag, @Nullable Instant lastModified) {

    static Validators of(String key, PageVersion version, String deployment, boolean gzip) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((key + '\n' + version.tag() + '\n' + deployment).getBytes(StandardCharsets.UTF_8));
            String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
            return new Validators('"' + tag + (gzip ? "-gz" : "") + '"', version.changedAt());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ETag of the plain representation: what kept bytes (plain and gzip) are stored under. */
    String plainEtag() {
        return etag.endsWith("-gz\"") ? etag.substring(0, etag.length() - 4) + '"' : etag;
    }

    /**
     * Whether the client has this version already: If-None-Match names its ETag (either representation, or "*");
     * without If-None-Match, If-Modified-Since is not before the last change.
     */
    boolean notModified(HttpServletRequest request) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            String plain = plainEtag();
            String gzipped = plain.substring(0, plain.length() - 1) + "-gz\"";
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                tag = tag.startsWith("W/") ? tag.substring(2) : tag;
                if (tag.equals("*") || tag.equals(plain) || tag.equals(gzipped)) {
                    return true;
                }
            }
            return false;
        }
        if (lastModified == null) {
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return false; // not a date: answered in full
        }
        return since >= 0 && lastModified.getEpochSecond() * 1000 <= since;
    }
}
