package org.solidarityhub.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a {@link VideoProcessor} made in its work folder: the re-encoded video without metadata and a poster frame
 * (a JPEG or PNG, which media then strips and checks like every image and turns into the thumbnail).
 *
 * @param video       the re-encoded video file
 * @param contentType its type, for example {@code video/mp4} or {@code video/webm}
 * @param extension   its file name extension without the dot ({@code mp4}, {@code webm})
 * @param poster      the poster frame image
 * @param width       frame width in pixels
 * @param height      frame height in pixels
 * @param duration    the video's duration
 */
public record ProcessedVideo(Path video, String contentType, String extension, Path poster, int width, int height,
        Duration duration) {
}
