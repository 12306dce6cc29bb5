package org.solidarityhub.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Plugs video support into media: a Spring bean implementing it (the ffmpeg transcoder) is found by the facade.
 * Without such a bean, or while {@link #available()} is false, video uploads are refused with
 * {@code media.refused.videoUnavailable} and images and links still work.
 *
 * <p>Media calls it on a worker-pool thread, after the type check and the size cap, with the upload in a private
 * temporary folder; media deletes the upload and the work folder afterwards, stores the results under random names
 * and strips the poster like any image.
 */
public interface VideoProcessor {

    /** Whether videos can be processed on this machine now (for example: ffmpeg is installed). */
    boolean available();

    /**
     * Re-encodes an accepted upload (MP4, MOV or WebM by its content) into {@code workDir}: one video and at most
     * one audio stream, no metadata, chapters, subtitles or data streams, plus a poster frame.
     *
     * @throws MediaRefusedException for content that cannot be accepted (unreadable, too long, no video stream), with
     *                               its message key
     * @throws IOException           when the tool itself broke
     */
    ProcessedVideo transcode(Path upload, Path workDir) throws IOException;

    /** Whether {@link #blur} is implemented; when false, moderators are offered no blurring for videos. */
    default boolean canBlur() {
        return false;
    }

    /**
     * Renders the video again from its private master (the output of {@link #transcode}) with the regions blurred
     * strongly in every frame, into {@code workDir}.
     */
    default ProcessedVideo blur(Path master, List<Region> regions, Path workDir) throws IOException {
        throw new UnsupportedOperationException("this video processor cannot blur");
    }
}
