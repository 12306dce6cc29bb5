package org.solidarityhub.media;

/** Published after commit when an item became {@link MediaState#READY}. */
public record MediaProcessed(long mediaId, MediaKind kind, MediaOwner owner) {
}
