package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The harness of bench/media (see run there): calls the media pipeline's classes directly, in one JVM, with their
 * defaults (app.media.* unset), and prints one {@code result} line per measurement for the script:
 * <ul>
 * <li>{@code images}: every JPEG of a folder decoded alone (ImageIO), then put through the image pipeline (master,
 * metadata-free master file, web variant and thumbnail, each checked): images a second of each and the heap's peak
 * during each;</li>
 * <li>{@code video}: a video transcoded by a plain ffmpeg command (same codecs, preset, quality and threads, none of
 * the checks), then by {@link FfmpegVideoProcessor} (probe, transcode, probe again, poster): seconds of each.</li>
 * </ul>
 * Usage: {@code java -cp ... org.solidarityhub.media.MediaBench images|video PATH WORKDIR}
 */
public final class MediaBench {

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        switch (args[0]) {
            case "images" -> images(input, work);
            case "video" -> video(input, work);
            default -> throw new IllegalArgumentException("images or video");
        }
    }

    private static void images(Path folder, Path work) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        MediaProperties settings = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("app.media", MediaProperties.class);
        ImagePipeline pipeline = new ImagePipeline(settings, new Heif(settings.heifConvert()));

        resetPeaks();
        long start = System.nanoTime();
        long pixels = 0;
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            pixels += (long) image.getWidth() * image.getHeight();
        }
        double decodeSeconds = seconds(start);
        long decodePeak = heapPeak();

        resetPeaks();
        start = System.nanoTime();
        for (Path file : files) {
            Path dir = Files.createTempDirectory(work, "image");
            BufferedImage master = pipeline.master(file, "image/jpeg", dir);
            pipeline.writeMaster(master, dir);
            pipeline.render(master, List.of(), dir);
            FileSystemUtils.deleteRecursively(dir);
        }
        double pipelineSeconds = seconds(start);
        long pipelinePeak = heapPeak();
        System.out.printf(java.util.Locale.ROOT,
                "result images=%d megapixels=%.1f decode_per_s=%.3f decode_peak_mb=%d pipeline_per_s=%.3f "
                        + "pipeline_peak_mb=%d%n", files.size(), pixels / 1e6 / files.size(),
                files.size() / decodeSeconds, decodePeak >> 20, files.size() / pipelineSeconds, pipelinePeak >> 20);
    }

    private static void video(Path video, Path work) throws Exception {
        VideoSettings settings = VideoSettings.defaults();
        Path plainDir = Files.createTempDirectory(work, "plain");
        List<String> plain = new ArrayList<>(List.of(settings.ffmpeg().toString(), "-nostdin", "-v", "error", "-y",
                "-threads", "" + settings.threads(), "-i", video.toAbsolutePath().toString(),
                "-c:v", "libx264", "-preset", settings.preset(), "-crf", "" + settings.crf(),
                "-c:a", "aac", "-b:a", "128k", "-threads", "" + settings.threads(),
                plainDir.resolve("out.mp4").toString()));
        long start = System.nanoTime();
        ToolRun.Result result = ToolRun.run(plain, plainDir, Duration.ofHours(1));
        double plainSeconds = seconds(start);
        if (!result.succeeded()) {
            throw new IllegalStateException("plain ffmpeg failed: " + result.stderr());
        }

        Path ours = Files.createTempDirectory(work, "ours");
        start = System.nanoTime();
        ProcessedVideo made = new FfmpegVideoProcessor(settings).transcode(video, ours);
        double oursSeconds = seconds(start);
        System.out.printf(java.util.Locale.ROOT,
                "result video_seconds=%.1f plain_s=%.2f pipeline_s=%.2f width=%d height=%d%n",
                made.duration().toMillis() / 1000.0, plainSeconds, oursSeconds, made.width(), made.height());
        FileSystemUtils.deleteRecursively(plainDir);
        FileSystemUtils.deleteRecursively(ours);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the heap's peak). */
    private static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .sorted(Comparator.comparing(MemoryPoolMXBean::getName)).toList();
    }
}
