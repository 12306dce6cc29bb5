package org.solidarityhub.media;

/**
 * What a feature lets media do with its uploads, given to {@link Media#acceptPages}. Report photos use
 * {@link #PHOTOS} (what {@link Media#accept} means); receipts use {@link #RECEIPTS}; the pictures of events and posts
 * {@link #PICTURES} (what {@link Media#acceptPicture} means).
 *
 * @param videos       videos are accepted (when a video processor is available); otherwise a video is refused with
 *                     {@code media.refused.imageOnly} before anything of it is stored
 * @param documents    PDFs are accepted too, each page rendered to an image (one {@link MediaItem} per page);
 *                     otherwise a PDF is refused like any other type ({@code media.refused.type})
 * @param keepOriginal the upload as received (a PDF or a photo with all its metadata) is kept privately, never
 *                     served at {@code /media}, for staff through {@link Media#openOriginal}; otherwise it is deleted
 *                     as soon as it is processed
 */
public record MediaOptions(boolean videos, boolean documents, boolean keepOriginal) {

    /** Photos and videos; nothing of the upload as received is kept. */
    public static final MediaOptions PHOTOS = new MediaOptions(true, false, false);

    /** Photos and PDFs of receipts; the original is kept privately for staff. */
    public static final MediaOptions RECEIPTS = new MediaOptions(true, true, true);

    /** Pictures only (of events and posts): no video, nothing of the upload as received kept. */
    public static final MediaOptions PICTURES = new MediaOptions(false, false, false);
}
