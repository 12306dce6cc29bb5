package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ffmpeg video processor with Debian's real ffmpeg and ffprobe, on videos ffmpeg makes in the test. */
class VideoTranscodingTest {

    @TempDir
    Path dir;

    private final FfmpegVideoProcessor processor = new FfmpegVideoProcessor(VideoSettings.defaults());

    private Path work() throws IOException {
        return Files.createDirectories(dir.resolve("work"));
    }

    @Test
    void aVideoWithGpsCreationTimeTitleSubtitlesDataAndChaptersComesOutWithOneVideoAndOneAudioStreamAndNoTags()
            throws IOException {
        Path upload = VideoFixtures.identifying(dir);
        VideoProbe before = VideoFixtures.probe(upload);
        assertThat(before.formatTags()).containsKeys("location", "com.apple.quicktime.location.ISO6709",
                "creation_time", "title");
        assertThat(before.count("subtitle")).isEqualTo(1);
        assertThat(before.count("data")).as("the timecode and the chapter track").isEqualTo(2);
        assertThat(before.count("audio")).isEqualTo(2);
        assertThat(before.chapters()).isEqualTo(1);

        ProcessedVideo made = processor.transcode(upload, work());

        VideoProbe after = VideoFixtures.probe(made.video());
        assertThat(after.formatName()).startsWith("mov,mp4");
        assertThat(after.streams()).extracting(VideoProbe.Stream::type).containsExactly("video", "audio");
        assertThat(after.streams()).extracting(VideoProbe.Stream::codec).containsExactly("h264", "aac");
        assertThat(after.formatTags()).containsOnlyKeys("major_brand", "minor_version", "compatible_brands");
        assertThat(after.chapters()).isZero();
        for (VideoProbe.Stream stream : after.streams()) {
            assertThat(stream.tags()).doesNotContainKeys("creation_time", "location", "title", "timecode")
                    .allSatisfy((key, value) -> assertThat(value).doesNotContain("Core Media", "50.45", "Lavc5"));
        }
        assertThat(VideoTagAllowList.violations(after)).isEmpty();
        String bytes = new String(Files.readAllBytes(made.video()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("50.4501", "Secret meeting", "iPhone", "Olena", "bridge", "x264 - core");
        assertThat(made.contentType()).isEqualTo("video/mp4");
        assertThat(made.width()).isEqualTo(320);
        assertThat(made.height()).isEqualTo(240);
        assertThat(made.duration()).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
    }

    @Test
    void thePosterFrameExistsHasTheVideosSizeAndNoMetadataSegments() throws IOException {
        ProcessedVideo made = processor.transcode(VideoFixtures.identifying(dir), work());

        assertThat(made.poster()).isRegularFile();
        var image = javax.imageio.ImageIO.read(made.poster().toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
        // only JFIF's APP0, tables, frame header and scan: no EXIF/XMP (APP1), ICC (APP2), other APPn or comment
        assertThat(VideoFixtures.jpegMarkers(made.poster())).containsOnly(0xe0, 0xdb, 0xc4, 0xc0, 0xda);
        String bytes = new String(Files.readAllBytes(made.poster()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Lavc");
    }

    @Test
    void largeVideosAreScaledDownToFitTheCapLandscapeAndPortraitAlike() throws IOException {
        for (int[] size : new int[][] {{2560, 1440, 1920, 1080}, {1440, 2560, 1080, 1920}, {640, 360, 640, 360}}) {
            Path upload = VideoFixtures.plain(dir, size[0] + "x" + size[1] + ".mp4", size[0], size[1], 0.5);

            ProcessedVideo made = processor.transcode(upload, Files.createTempDirectory(dir, "work"));

            VideoProbe.Stream video = VideoFixtures.probe(made.video()).firstVideo();
            assertThat(new int[] {made.width(), made.height(), video.width(), video.height()})
                    .containsExactly(size[2], size[3], size[2], size[3]);
        }
    }

    @Test
    void aVideoWithoutSoundComesOutWithOnlyItsVideoStream() throws IOException {
        Path upload = dir.resolve("silent.webm");
        VideoFixtures.ffmpeg(dir, "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
                "-c:v", "libvpx-vp9", "-deadline", "realtime", upload.toString());

        ProcessedVideo made = processor.transcode(upload, work());

        assertThat(VideoFixtures.probe(made.video()).streams()).extracting(VideoProbe.Stream::type)
                .containsExactly("video");
    }

    @Test
    void aFileThatIsNoVideoButNamedMp4IsRefused() throws IOException {
        Path fake = Files.write(dir.resolve("holiday.mp4"), "<html><script>alert(1)</script></html>".getBytes());
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.mp4"), noise);

        for (Path upload : new Path[] {fake, random}) {
            assertThatThrownBy(() -> processor.transcode(upload, work())).isInstanceOf(MediaRefusedException.class)
                    .extracting(e -> ((MediaRefusedException) e).reasonKey()).isEqualTo("media.refused.type");
        }
        assertThat(work()).isEmptyDirectory();
    }

    @Test
    void aSoundFileWithoutPicturesIsRefused() throws IOException {
        Path sound = dir.resolve("sound.mp4");
        VideoFixtures.ffmpeg(dir, "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", sound.toString());

        assertThatThrownBy(() -> processor.transcode(sound, work())).isInstanceOf(MediaRefusedException.class)
                .extracting(e -> ((MediaRefusedException) e).reasonKey()).isEqualTo("media.refused.type");
    }

    @Test
    void aVideoLongerThanTheCapIsRefusedBeforeTranscoding() throws IOException {
        Path upload = VideoFixtures.plain(dir, "long.mp4", 160, 120, 3);
        var capped = new FfmpegVideoProcessor(VideoSettings.defaults().withLimits(Duration.ofSeconds(2),
                Duration.ofMinutes(1)));

        assertThatThrownBy(() -> capped.transcode(upload, work())).isInstanceOf(MediaRefusedException.class)
                .extracting(e -> ((MediaRefusedException) e).reasonKey()).isEqualTo("media.refused.videoTooLong");
        assertThat(work()).isEmptyDirectory();
    }

    @Test
    void aVideoWithMorePixelsThanTheCapIsRefusedBeforeDecoding() throws IOException {
        Path upload = VideoFixtures.plain(dir, "huge.mp4", 1280, 720, 0.2);
        var small = VideoSettings.defaults();
        var capped = new FfmpegVideoProcessor(new VideoSettings(small.ffmpeg(), small.ffprobe(), small.maxDuration(),
                small.maxWidth(), small.maxHeight(), 640L * 480, small.threads(), small.timeout(), small.crf(),
                small.preset(), small.nice(), small.niceness()));

        assertThatThrownBy(() -> capped.transcode(upload, work())).isInstanceOf(MediaRefusedException.class)
                .extracting(e -> ((MediaRefusedException) e).reasonKey()).isEqualTo("media.refused.videoTooManyPixels");
    }

    @Test
    void ffmpegRunningOverItsTimeLimitIsKilledAndTheVideoRefused() throws IOException {
        Path upload = VideoFixtures.plain(dir, "slow.mp4", 1280, 720, 20);
        Path work = work();
        var hurried = new FfmpegVideoProcessor(VideoSettings.defaults().withLimits(Duration.ofMinutes(1),
                Duration.ofMillis(700)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> hurried.transcode(upload, work)).isInstanceOf(MediaRefusedException.class)
                .extracting(e -> ((MediaRefusedException) e).reasonKey()).isEqualTo("media.refused.videoTooSlow");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(work.toString()))).as("ffmpeg processes still working in the folder").isEmpty();
    }

    @Test
    void withoutFfmpegVideosAreRefusedWithAClearReason() throws IOException {
        Path upload = VideoFixtures.plain(dir, "fine.mp4", 160, 120, 0.5);
        var missing = new FfmpegVideoProcessor(VideoSettings.defaults().withTools(dir.resolve("no-ffmpeg"),
                dir.resolve("no-ffprobe")));

        assertThat(missing.available()).isFalse();
        assertThatThrownBy(() -> missing.transcode(upload, work())).isInstanceOf(MediaRefusedException.class)
                .extracting(e -> ((MediaRefusedException) e).reasonKey()).isEqualTo("media.refused.videoUnavailable");
        assertThat(processor.available()).isTrue();
    }

    @Test
    void blurringRegionsOfAVideoRemovesTheirDetailInEveryFrameAndKeepsTheRestAndNoTags() throws IOException {
        ProcessedVideo master = processor.transcode(VideoFixtures.plain(dir, "faces.mp4", 640, 360, 2), work());
        // its cells (40 pixels wide) line up with an edge of the test picture's colour bars at x = 240
        Region face = new Region(200, 100, 120, 140);

        assertThat(processor.canBlur()).isTrue();
        ProcessedVideo blurred = processor.blur(master.video(), List.of(face, new Region(600, 300, 200, 200)),
                Files.createTempDirectory(dir, "blur"));

        assertThat(VideoTagAllowList.violations(VideoFixtures.probe(blurred.video()))).isEmpty();
        assertThat(new int[] {blurred.width(), blurred.height()}).containsExactly(640, 360);
        for (String at : new String[] {"0.2", "1.5"}) {
            BufferedImage before = frame(master.video(), at);
            BufferedImage after = frame(blurred.video(), at);
            assertThat(FaceDetectionTest.detailCorrelation(before, after, face)).as("detail at %s s", at)
                    .isLessThan(0.15);
            Region outside = new Region(340, 20, 240, 200);
            assertThat(FaceDetectionTest.detailCorrelation(before, after, outside)).isGreaterThan(0.9);
        }
    }

    private BufferedImage frame(Path video, String at) throws IOException {
        Path png = Files.createTempFile(dir, "frame", ".png");
        VideoFixtures.ffmpeg(dir, "-ss", at, "-i", video.toString(), "-frames:v", "1", "-update", "1", png.toString());
        return ImageIO.read(png.toFile());
    }

    @Test
    void theAllowListRejectsEveryTagItDoesNotName() {
        var stream = new VideoProbe.Stream("video", "h264", 2, 2, 0, Map.of("handler_name", "Core Media Video"),
                java.util.List.of("Display Matrix"), false);
        var probe = new VideoProbe("mov,mp4", Duration.ofSeconds(1), Map.of("creation_time", "2024"),
                java.util.List.of(stream), 1);

        assertThat(VideoTagAllowList.violations(probe)).containsExactlyInAnyOrder("container tag creation_time",
                "video stream tag handler_name", "video stream side data Display Matrix", "1 chapters");
    }
}
