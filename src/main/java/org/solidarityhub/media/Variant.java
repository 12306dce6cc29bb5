package org.solidarityhub.media;

/** The processed files of an item that can be shown. The private master is never one of them. */
public enum Variant {
    /** The image or video at web size. */
    WEB,
    /** A small image for grids (for a video: made from its poster frame). */
    THUMBNAIL,
    /** A video's poster frame at web size; images have none. */
    POSTER
}
