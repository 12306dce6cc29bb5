package org.solidarityhub.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * @param threads     threads one ffmpeg run may use for decoding, filtering and encoding; 0 (the default): one
 *                    fewer than the machine's cores, at least one, so that a core is left for answering pages
 * @param timeout     an ffmpeg run still going after this is killed and the video refused
 * @param crf         x264 quality (lower is better and larger; 23 is x264's default)
 * @param preset      x264 speed preset
 * @param nice        the {@code nice} command (coreutils); where it cannot be run, ffmpeg runs at the app's priority
 * @param niceness    how much lower than the app's ffmpeg and ffprobe run ({@code nice -n}, 0 to 19; 0: not lowered),
 *                    so that pages keep answering while a video transcodes
 */
record VideoSettings(
        @DefaultValue("/usr/bin/ffmpeg") Path ffmpeg,
        @DefaultValue("/usr/bin/ffprobe") Path ffprobe,
        @DefaultValue("10m") Duration maxDuration,
        @DefaultValue("1920") int maxWidth,
        @DefaultValue("1080") int maxHeight,
        @DefaultValue("33177600") long maxPixels,
        @DefaultValue("0") int threads,
        @DefaultValue("20m") Duration timeout,
        @DefaultValue("23") int crf,
        @DefaultValue("veryfast") String preset,
        @DefaultValue("/usr/bin/nice") Path nice,
        @DefaultValue("10") int niceness) {

    VideoSettings {
        if (maxWidth < 16 || maxHeight < 16 || maxPixels < 1 || threads < 0 || crf < 0 || crf > 51
                || !preset.matches("[a-z]+") || maxDuration.isNegative() || timeout.isNegative()
                || niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("app.media.video: max-width and max-height >= 16, max-pixels >= 1,"
                    + " threads >= 0, 0 <= crf <= 51, a preset name, positive durations, 0 <= niceness <= 19");
        }
        if (threads == 0) {
            threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        }
    }

    /**
     * The start of the command that runs a tool (ffmpeg, ffprobe): {@code nice -n <niceness> <tool>}, or the tool
     * alone when the niceness is 0 or {@code nice} cannot be run. A new list, for the caller to add arguments to.
     */
    List<String> command(Path tool) {
        List<String> command = new ArrayList<>();
        if (niceness > 0 && Files.isExecutable(nice)) {
            command.addAll(List.of(nice.toString(), "-n", Integer.toString(niceness)));
        }
        command.add(tool.toString());
        return command;
    }

    /** The settings when none is configured (the defaults above). */
    static VideoSettings defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("app.media.video",
                VideoSettings.class);
    }

    VideoSettings withTools(Path ffmpeg, Path ffprobe) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxWidth, maxHeight, maxPixels, threads, timeout, crf,
                preset, nice, niceness);
    }

    VideoSettings withLimits(Duration maxDuration, Duration timeout) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxWidth, maxHeight, maxPixels, threads, timeout, crf,
                preset, nice, niceness);
    }

    VideoSettings withPriority(Path nice, int niceness) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxWidth, maxHeight, maxPixels, threads, timeout, crf,
                preset, nice, niceness);
    }
}
