package org.solidarityhub.media;

/** Where an accepted upload stands. */
public enum MediaState {
    /** Accepted and waiting for, or in, the worker pool. Nothing of it can be served yet. */
    PROCESSING,
    /** Processed: its variants exist, without metadata. Served publicly only once published. */
    READY,
    /** Processing broke (an unreadable file behind a valid header, a tool that crashed): nothing is kept. */
    FAILED,
    /**
     * Processing found the content unacceptable (for example more pixels than allowed once decoded, or an
     * identifying tag that survived re-encoding): nothing is kept; {@link MediaItem#problemKey()} says why.
     */
    REFUSED
}
