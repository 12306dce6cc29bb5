package org.solidarityhub.media;

/**
 * Published when processing ended an item as {@link MediaState#FAILED} or {@link MediaState#REFUSED}; nothing of
 * its content is kept. {@code reasonKey} is a message key ({@code media.refused.*} or {@code media.failed}).
 */
public record MediaFailed(long mediaId, MediaOwner owner, MediaState state, String reasonKey) {
}
