package org.solidarityhub.platform;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The version of what a public page shows: it changes whenever the page would show something else (see
 * {@link PublicPage}). {@code changedAt}, when known, becomes the page's {@code Last-Modified}.
 */
public record PageVersion(String tag, @Nullable Instant changedAt) {

    /** A version made of several parts ("3", "17", ...), with the latest change when known. */
    public static PageVersion of(@Nullable Instant changedAt, Object... parts) {
        StringBuilder tag = new StringBuilder();
        for (Object part : parts) {
            tag.append(tag.isEmpty() ? "" : "/").append(part);
        }
        return new PageVersion(tag.toString(), changedAt);
    }

    /** This version and another one, for a page that shows both (the later change wins). */
    public PageVersion and(PageVersion other) {
        Instant later = changedAt == null ? other.changedAt : other.changedAt == null || changedAt.isAfter(other.changedAt)
                ? changedAt : other.changedAt;
        return new PageVersion(tag + "+" + other.tag, later);
    }
}
