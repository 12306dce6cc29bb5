package org.solidarityhub.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * How videos are transcoded (under {@code app.media.video.*}, all optional).
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
record VideoSettings(
        @DefaultValue("/usr/bin/ffmpeg") Path ffmpeg,
        @DefaultValue("/usr/bin/ffprobe") Path ffprobe,
        @DefaultValue("10m") Duration maxDuration,
        @DefaultValue("1920") int maxWidth,
        @DefaultValue("1080") int maxHeight,
        @DefaultValue("33177600") long maxPixels,
        @DefaultValue("2") int threads,
        @DefaultValue("20m") Duration timeout,
        @DefaultValue("23") int crf,
        @DefaultValue("veryfast") String preset) {

    VideoSettings {
        if (maxWidth < 16 || maxHeight < 16 || maxPixels < 1 || threads < 1 || crf < 0 || crf > 51
                || !preset.matches("[a-z]+") || maxDuration.isNegative() || timeout.isNegative()) {
            throw new IllegalArgumentException("app.media.video: max-width and max-height >= 16, max-pixels >= 1,"
                    + " threads >= 1, 0 <= crf <= 51, a preset name, positive durations");
        }
    }

    /** The settings when none is configured (the defaults above). */
    static VideoSettings defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("app.media.video",
                VideoSettings.class);
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
