package org.solidarityhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Videos through Debian's ffmpeg, run as a separate process: probe, refuse, transcode to H.264 + AAC in MP4 with
 * the index at the front ({@code +faststart}: plays in every browser while it loads), probe the output again and
 * fail on any tag outside {@link VideoTagAllowList}, then take a poster frame (which media strips like every
 * image). See docs/media.md, "Videos".
 *
 * <p>Each run: no standard input, only the file protocol, only the MP4/MOV/WebM demuxers, input and output as
 * files given by absolute path, metadata and chapters dropped, bit-exact muxing (no version strings), only the
 * first moving video stream and the first audio stream (no subtitles, data, attachments or cover pictures), x264's
 * own SEI message (its version and options) removed, a scale cap, a duration cap, bounded threads (a core left for
 * pages), a lower CPU priority ({@code nice}) and a time limit after which ffmpeg is killed.
 */
class FfmpegVideoProcessor implements VideoProcessor {

    static final String TOO_LONG = "media.refused.videoTooLong";
    static final String TOO_SLOW = "media.refused.videoTooSlow";
    static final String NOT_VIDEO = "media.refused.type";
    static final String TOO_MANY_PIXELS = "media.refused.videoTooManyPixels";
    static final String UNAVAILABLE = "media.refused.videoUnavailable";
    static final String METADATA_LEFT = "media.refused.metadata";

    /** Pixels a blurred region keeps across its longer side. */
    static final int BLUR_CELLS = 4;
    /** Strength of the noise (ffmpeg's noise filter, 0-100) on those pixels, new in every frame. */
    static final int BLUR_NOISE = 60;
    /** Strength of the fine grain over the region grown back. */
    static final int BLUR_GRAIN = 12;

    private static final Logger log = LoggerFactory.getLogger(FfmpegVideoProcessor.class);
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(30);

    private final VideoSettings settings;
    private volatile Boolean available;

    FfmpegVideoProcessor(VideoSettings settings) {
        this.settings = settings;
    }

    /** Whether ffmpeg and ffprobe run at the configured paths (asked once, then remembered). */
    @Override
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = runs(settings.ffmpeg()) && runs(settings.ffprobe());
            if (!known) {
                log.warn("ffmpeg or ffprobe does not run at {} / {}: video uploads are refused (install Debian's "
                        + "ffmpeg package, see README)", settings.ffmpeg(), settings.ffprobe());
            }
            available = known;
        }
        return known;
    }

    private static boolean runs(Path tool) {
        if (!Files.isExecutable(tool)) {
            return false;
        }
        try {
            return ToolRun.run(List.of(tool.toString(), "-version"), Path.of(System.getProperty("java.io.tmpdir")),
                    Duration.ofSeconds(20)).succeeded();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public ProcessedVideo transcode(Path upload, Path workDir) throws IOException {
        if (!available()) {
            throw new MediaRefusedException(UNAVAILABLE);
        }
        VideoProbe input = probe(upload);
        VideoProbe.Stream video = input.firstVideo();
        if (video == null || video.width() <= 0 || video.height() <= 0) {
            throw new MediaRefusedException(NOT_VIDEO);
        }
        if ((long) video.width() * video.height() > settings.maxPixels()) {
            throw new MediaRefusedException(TOO_MANY_PIXELS);
        }
        if (input.duration().compareTo(settings.maxDuration()) > 0) {
            throw new MediaRefusedException(TOO_LONG);
        }
        return encode(upload, input.streams().indexOf(video), scaleFilter(video), workDir);
    }

    /** Whether {@link #blur} works: it does wherever ffmpeg does. */
    @Override
    public boolean canBlur() {
        return available();
    }

    /**
     * Renders the master again with every region blurred in every frame the way {@link StrongBlur} blurs images:
     * each region is cut out, shrunk to at most {@link #BLUR_CELLS} pixels across, given strong noise that
     * changes every frame, grown back and smoothed with a Gaussian blur half a cell wide (so that no edge of the
     * cell grid, which could line up with an edge of the picture, survives), given fine grain and laid over the
     * picture. The master (already within the caps and
     * metadata-free) is not changed; the output goes through the same checks as a first transcoding.
     */
    @Override
    public ProcessedVideo blur(Path master, List<Region> regions, Path workDir) throws IOException {
        if (!available()) {
            throw new MediaRefusedException(UNAVAILABLE);
        }
        VideoProbe input = probe(master);
        VideoProbe.Stream video = input.firstVideo();
        if (video == null) {
            throw new MediaRefusedException(NOT_VIDEO);
        }
        List<Region> inside = regions.stream().flatMap(r -> r.clippedTo(video.width(), video.height()).stream())
                .toList();
        return encode(master, input.streams().indexOf(video), blurFilter(inside), workDir);
    }

    /** Encodes one video stream with a filter, checks the output for tags and makes the poster. */
    private ProcessedVideo encode(Path in, int videoIndex, String filter, Path workDir) throws IOException {
        Path out = workDir.resolve("video.mp4").toAbsolutePath();
        Path poster = workDir.resolve("poster.jpg").toAbsolutePath();
        ffmpeg(encodeCommand(in.toAbsolutePath(), videoIndex, filter, out), workDir);
        VideoProbe output = probe(out);
        List<String> left = VideoTagAllowList.violations(output);
        if (!left.isEmpty()) {
            log.warn("a transcoded video kept what it must not: {}; it is refused", left);
            throw new MediaRefusedException(METADATA_LEFT);
        }
        VideoProbe.Stream made = output.firstVideo();
        ffmpeg(posterCommand(out, posterTime(output.duration()), poster), workDir);
        if (made == null || !Files.isRegularFile(poster) || Files.size(poster) == 0) {
            throw new IOException("ffmpeg made no poster frame");
        }
        return new ProcessedVideo(out, "video/mp4", "mp4", poster, made.width(), made.height(), output.duration());
    }

    private VideoProbe probe(Path file) throws IOException {
        try {
            return VideoProbe.of(settings.command(settings.ffprobe()), file, PROBE_LIMIT);
        } catch (VideoProbe.Unreadable | ToolRun.TimedOut e) {
            throw new MediaRefusedException(NOT_VIDEO);
        }
    }

    private void ffmpeg(List<String> arguments, Path workDir) throws IOException {
        List<String> command = settings.command(settings.ffmpeg());
        command.addAll(List.of("-nostdin", "-hide_banner", "-v", "error", "-y", "-protocol_whitelist", "file"));
        command.addAll(arguments);
        ToolRun.Result result;
        try {
            result = ToolRun.run(command, workDir, settings.timeout());
        } catch (ToolRun.TimedOut e) {
            throw new MediaRefusedException(TOO_SLOW);
        }
        if (!result.succeeded()) {
            // its messages may quote stream contents; only the exit code is logged
            log.warn("ffmpeg ended with exit code {}", result.exitCode());
            throw new MediaRefusedException(NOT_VIDEO);
        }
    }

    /** The cap on the size, as a filter: the video fits in the box of its orientation, never scaled up. */
    String scaleFilter(VideoProbe.Stream video) {
        boolean portrait = video.displayHeight() > video.displayWidth();
        int boxWidth = portrait ? settings.maxHeight() : settings.maxWidth();
        int boxHeight = portrait ? settings.maxWidth() : settings.maxHeight();
        return String.format(Locale.ROOT, "[0:v]scale=w='min(iw,%d)':h='min(ih,%d)'"
                + ":force_original_aspect_ratio=decrease:force_divisible_by=2,format=yuv420p[out]", boxWidth, boxHeight);
    }

    /** The regions blurred, as a filter graph from the video stream to [out]. */
    static String blurFilter(List<Region> regions) {
        if (regions.isEmpty()) {
            return "[0:v]format=yuv420p[out]";
        }
        StringBuilder graph = new StringBuilder("[0:v]split=" + (regions.size() + 1) + "[base]");
        for (int i = 0; i < regions.size(); i++) {
            graph.append("[cut").append(i).append(']');
        }
        String below = "base";
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            int cells = BLUR_CELLS;
            int cw = Math.max(1, Math.round((float) cells * r.width() / Math.max(r.width(), r.height())));
            int ch = Math.max(1, Math.round((float) cells * r.height() / Math.max(r.width(), r.height())));
            double sigma = Math.max(1.0, Math.max(r.width(), r.height()) / (2.0 * cells));
            graph.append(String.format(Locale.ROOT, ";[cut%d]crop=%d:%d:%d:%d,scale=%d:%d:flags=area,"
                            + "noise=alls=%d:allf=t+u,scale=%d:%d:flags=bilinear,gblur=sigma=%.1f:steps=3,"
                            + "noise=alls=%d:allf=t[blur%d]",
                    i, r.width(), r.height(), r.x(), r.y(), cw, ch, BLUR_NOISE, r.width(), r.height(), sigma,
                    BLUR_GRAIN, i));
            String next = i == regions.size() - 1 ? "done" : "over" + i;
            graph.append(String.format(Locale.ROOT, ";[%s][blur%d]overlay=%d:%d[%s]", below, i, r.x(), r.y(), next));
            below = next;
        }
        return graph.append(";[done]format=yuv420p[out]").toString();
    }

    /** The encoding arguments (after the common ones): see the class comment. */
    List<String> encodeCommand(Path in, int videoIndex, String filter, Path out) {
        String threads = Integer.toString(settings.threads());
        return List.of("-format_whitelist", VideoProbe.FORMATS, "-filter_threads", threads,
                "-threads", threads, "-i", "file:" + in,
                "-filter_complex", filter.replace("[0:v]", "[0:" + videoIndex + "]"),
                "-map", "[out]", "-map", "0:a:0?",
                "-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn",
                "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
                "-c:v", "libx264", "-preset", settings.preset(), "-crf", Integer.toString(settings.crf()),
                "-profile:v", "high", "-bsf:v", "filter_units=remove_types=6",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                "-t", seconds(settings.maxDuration()), "-threads", threads,
                "-movflags", "+faststart", "-f", "mp4", "file:" + out);
    }

    private static List<String> posterCommand(Path video, Duration at, Path poster) {
        return List.of("-format_whitelist", VideoProbe.FORMATS, "-ss", seconds(at), "-i", "file:" + video,
                "-map", "0:v:0", "-frames:v", "1", "-map_metadata", "-1",
                "-fflags", "+bitexact", "-flags:v", "+bitexact", "-c:v", "mjpeg", "-q:v", "2",
                "-f", "image2", "-update", "1", "file:" + poster);
    }

    /** One second in, or the middle of a shorter video. */
    static Duration posterTime(Duration duration) {
        Duration half = duration.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(1)) < 0 ? half : Duration.ofSeconds(1);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
