package org.solidarityhub.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How videos are transcoded (under {@code app.media.video.*}).
 *
 * @param ffmpeg      the ffmpeg binary (Debian's {@code /usr/bin/ffmpeg}); when it does not run, video uploads are
 *                    refused with {@code media.refused.videoUnavailable} and everything else works
 * @param ffprobe     the ffprobe binary, from the same package
 * @param maxDuration longer videos are refused before transcoding; the output is also cut there
 * @param maxWidth    the output fits in {@code maxWidth x maxHeight} (landscape) or {@code maxHeight x maxWidth}
 *                    (portrait), never scaled up
 * @param maxHeight   see maxWidth
 * @param maxPixels   videos whose frames have more pixels are refused before decoding (8K by default)
 * @param threads     threads one ffmpeg run may use for decoding, filtering and encoding
 * @param timeout     an ffmpeg run still going after this is killed and the video refused
 * @param crf         x264 quality (lower is better and larger; 23 is x264's default)
 * @param preset      x264 speed preset
 */
record VideoSettings(Path ffmpeg, Path ffprobe, Duration maxDuration, int maxWidth, int maxHeight, long maxPixels,
        int threads, Duration timeout, int crf, String preset) {

    static VideoSettings defaults() {
        return new VideoSettings(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"), Duration.ofMinutes(10),
                1920, 1080, 7680L * 4320, 2, Duration.ofMinutes(20), 23, "veryfast");
    }

    VideoSettings withTools(Path ffmpeg, Path ffprobe) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxWidth, maxHeight, maxPixels, threads, timeout, crf,
                preset);
    }

    VideoSettings withLimits(Duration maxDuration, Duration timeout) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxWidth, maxHeight, maxPixels, threads, timeout, crf,
                preset);
    }
}
