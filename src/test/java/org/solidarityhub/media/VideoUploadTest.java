package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Videos and faces through the media facade, with the app's ffmpeg processor, OpenCV detector, store and workers. */
class VideoUploadTest extends WebTest {

    @Autowired
    Media media;

    @TempDir
    Path dir;

    private MediaItem processed(Path upload) throws IOException {
        byte[] bytes = Files.readAllBytes(upload);
        MediaItem accepted = media.accept(new ByteArrayInputStream(bytes), bytes.length,
                new MediaOwner("tests", UUID.randomUUID().toString()));
        assertThat(accepted.state()).isEqualTo(MediaState.PROCESSING);
        await().atMost(Duration.ofSeconds(90)).until(() -> media.find(accepted.id()).orElseThrow().state()
                != MediaState.PROCESSING);
        return media.find(accepted.id()).orElseThrow();
    }

    private Path saved(MediaItem item, Variant variant, String name) throws IOException {
        try (InputStream in = media.open(item.id(), variant).orElseThrow().stream()) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void aVideoWithGpsAndExtraStreamsEndsReadyAsAMetadataFreeWebVideoWithPosterAndThumbnail() throws Exception {
        assertThat(media.acceptsVideo()).isTrue();

        MediaItem item = processed(VideoFixtures.identifying(Files.createDirectories(dir.resolve("in"))));

        assertThat(item.state()).isEqualTo(MediaState.READY);
        assertThat(item.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(item.width()).isEqualTo(320);
        assertThat(item.height()).isEqualTo(240);
        assertThat(item.duration()).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
        assertThat(item.webName()).isNotNull();
        assertThat(item.posterName()).isNotNull();
        assertThat(item.thumbnailName()).isNotNull();

        VideoProbe web = VideoFixtures.probe(saved(item, Variant.WEB, "web.mp4"));
        assertThat(web.streams()).extracting(VideoProbe.Stream::type).containsExactly("video", "audio");
        assertThat(VideoTagAllowList.violations(web)).isEmpty();
        assertThat(web.formatTags()).doesNotContainKeys("location", "creation_time", "title");
        for (Variant variant : List.of(Variant.POSTER, Variant.THUMBNAIL)) {
            byte[] image = Files.readAllBytes(saved(item, variant, variant + ".jpg"));
            assertThat(MediaPipelineTest.tags(image)).as(variant.name())
                    .allMatch(t -> t.startsWith("JPEG:") || t.startsWith("JFIF:") || t.startsWith("Huffman:")
                            || t.startsWith("File Type:"));
        }
    }

    @Test
    void aVideoCanBeBlurredInARegionBeforePublishing() throws Exception {
        MediaItem item = processed(VideoFixtures.plain(dir, "street.mp4", 640, 360, 1.5));
        assertThat(item.state()).isEqualTo(MediaState.READY);
        assertThat(media.canBlur(item)).isTrue();
        Region face = new Region(200, 100, 120, 140);
        BufferedImage before = ImageIO.read(saved(item, Variant.POSTER, "before.jpg").toFile());

        MediaItem blurred = media.blur(item.id(), List.of(face));

        assertThat(blurred.regions()).containsExactly(face);
        assertThat(blurred.webName()).isNotEqualTo(item.webName());
        assertThat(blurred.posterName()).isNotEqualTo(item.posterName());
        BufferedImage after = ImageIO.read(saved(blurred, Variant.POSTER, "after.jpg").toFile());
        assertThat(FaceDetectionTest.detailCorrelation(before, after, face)).isLessThan(0.15);
        assertThat(FaceDetectionTest.detailCorrelation(before, after, new Region(0, 0, 180, 360)))
                .isGreaterThan(0.8);
    }

    @Test
    void facesInAnUploadedPhotoAreFoundAndBlurredBeyondRecognition() throws Exception {
        Path photo = Files.createDirectories(dir.resolve("in")).resolve("astronaut.jpg");
        try (InputStream in = getClass().getResourceAsStream("/media/faces/astronaut.jpg")) {
            Files.copy(in, photo);
        }
        MediaItem item = processed(photo);
        assertThat(item.state()).isEqualTo(MediaState.READY);
        assertThat(media.canDetectFaces()).isTrue();
        BufferedImage original = ImageIO.read(saved(item, Variant.WEB, "before.jpg").toFile());

        List<Region> faces = media.detectFaces(item.id());
        assertThat(faces).isNotEmpty();
        MediaItem blurred = media.blur(item.id(), faces);

        BufferedImage after = ImageIO.read(saved(blurred, Variant.WEB, "after.jpg").toFile());
        for (Region face : faces) {
            assertThat(FaceDetectionTest.detailCorrelation(original, after, face)).isLessThan(0.1);
        }
    }
}
