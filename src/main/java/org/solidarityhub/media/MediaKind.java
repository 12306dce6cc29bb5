package org.solidarityhub.media;

/** What an upload is, decided from its content (never from its name or the client's header). */
public enum MediaKind {
    /** JPEG, PNG, WebP or HEIC/HEIF in; JPEG (or PNG when it has transparency) out. */
    IMAGE,
    /** MP4, MOV or WebM in; whatever the {@link VideoProcessor} produces out, with a poster frame. */
    VIDEO
}
