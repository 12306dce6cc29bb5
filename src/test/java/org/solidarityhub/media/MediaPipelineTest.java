package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The image pipeline through the facade, with the app's real store, database and worker pool. */
class MediaPipelineTest extends WebTest {

    @Autowired
    Media media;

    static MediaOwner owner() {
        return new MediaOwner("tests", UUID.randomUUID().toString());
    }

    MediaItem processed(byte[] upload) {
        MediaItem accepted = media.accept(new ByteArrayInputStream(upload), upload.length, owner());
        assertThat(accepted.state()).isEqualTo(MediaState.PROCESSING);
        await().atMost(Duration.ofSeconds(30)).until(() -> media.find(accepted.id()).orElseThrow().state() != MediaState.PROCESSING);
        return media.find(accepted.id()).orElseThrow();
    }

    byte[] variant(MediaItem item, Variant variant) throws IOException {
        try (InputStream in = media.open(item.id(), variant).orElseThrow().stream()) {
            return in.readAllBytes();
        }
    }

    static List<String> tags(byte[] file) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file));
        List<String> tags = new ArrayList<>();
        for (Directory directory : metadata.getDirectories()) {
            for (Tag tag : directory.getTags()) {
                tags.add(directory.getName() + ": " + tag.getTagName() + " = " + tag.getDescription());
            }
        }
        return tags;
    }

    @Test
    void canaryPhotoComesOutWithNoIdentifyingMetadataAtAll() throws Exception {
        byte[] canary = TestImages.canary(TestImages.marked(800, 600), 1);
        assertThat(new String(canary, StandardCharsets.ISO_8859_1)).contains(TestImages.THUMB_SERIAL);
        assertThat(tags(canary)).anyMatch(t -> t.contains("GPS")).anyMatch(t -> t.contains(TestImages.SERIAL))
                .anyMatch(t -> t.contains(TestImages.BYLINE)).anyMatch(t -> t.contains(TestImages.COMMENT))
                .anyMatch(t -> t.contains("XMP"));

        MediaItem item = processed(canary);

        assertThat(item.state()).isEqualTo(MediaState.READY);
        assertThat(item.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(item.width()).isEqualTo(800);
        assertThat(item.height()).isEqualTo(600);
        for (Variant variant : List.of(Variant.WEB, Variant.THUMBNAIL)) {
            byte[] out = variant(item, variant);
            List<String> tags = tags(out);
            assertThat(tags).as(variant.name()).allMatch(t -> t.startsWith("JPEG:") || t.startsWith("JFIF:")
                    || t.startsWith("Huffman:") || t.startsWith("File Type:"));
            String text = new String(out, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain(TestImages.SERIAL, TestImages.THUMB_SERIAL, TestImages.BYLINE,
                    TestImages.XMP_CITY, "canary", "Exif", "http://ns.adobe.com", "Photoshop", "CanaryCam", "ICC_PROFILE");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void photoComesOutUprightForEveryOrientationTag(int orientation) throws Exception {
        MediaItem item = processed(TestImages.canary(TestImages.marked(400, 300), orientation));

        assertThat(item.state()).isEqualTo(MediaState.READY);
        BufferedImage web = ImageIO.read(new ByteArrayInputStream(variant(item, Variant.WEB)));
        assertThat(web.getWidth()).isEqualTo(400);
        assertThat(web.getHeight()).isEqualTo(300);
        assertThat(colourAt(web, 20, 20)).as("top left").isEqualTo("red");
        assertThat(colourAt(web, 380, 20)).as("top right").isEqualTo("blue");
        assertThat(colourAt(web, 20, 280)).as("bottom left").isEqualTo("grey");
    }

    /** The mean difference in green between horizontally neighbouring pixels of an area: how much detail it has. */
    static double detail(BufferedImage image, int x0, int y0, int width, int height) {
        long sum = 0;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width - 1; x++) {
                sum += Math.abs(((image.getRGB(x, y) >> 8) & 0xFF) - ((image.getRGB(x + 1, y) >> 8) & 0xFF));
            }
        }
        return (double) sum / (height * (width - 1));
    }

    static String colourAt(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r > 200 && g < 60 && b < 60) {
            return "red";
        }
        if (b > 200 && r < 60 && g < 60) {
            return "blue";
        }
        if (Math.abs(r - g) < 20 && Math.abs(g - b) < 20) {
            return "grey";
        }
        return "other " + r + "," + g + "," + b;
    }

    @Test
    void largePhotoIsScaledToTheWebSizeAndAThumbnail() throws Exception {
        MediaItem item = processed(TestImages.jpeg(4000, 3000));

        BufferedImage web = ImageIO.read(new ByteArrayInputStream(variant(item, Variant.WEB)));
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(variant(item, Variant.THUMBNAIL)));
        assertThat(web.getWidth()).isEqualTo(2048);
        assertThat(web.getHeight()).isEqualTo(1536);
        assertThat(thumbnail.getWidth()).isEqualTo(480);
        assertThat(item.width()).isEqualTo(2048);
        assertThat(media.open(item.id(), Variant.POSTER)).isEmpty();
    }

    @Test
    void pngWithTransparencyStaysPngAndOpaqueImagesBecomeJpeg() throws Exception {
        BufferedImage transparent = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        transparent.setRGB(10, 10, 0x80FF0000);
        MediaItem withAlpha = processed(TestImages.encode(transparent, "png"));
        MediaItem opaque = processed(TestImages.encode(TestImages.marked(300, 200), "png"));

        assertThat(withAlpha.webName()).endsWith(".png");
        assertThat(tags(variant(withAlpha, Variant.WEB))).allMatch(t -> t.startsWith("PNG-IHDR:") || t.startsWith("File Type:"));
        assertThat(opaque.webName()).endsWith(".jpg");
    }

    @Test
    void webpIsReadAndReEncoded() throws Exception {
        // a lossless WebP of 2 × 2 pixels, written by hand (VP8L): the JDK has no WebP writer
        byte[] webp = java.util.HexFormat.of().parseHex(
                "524946461a000000574542505650384c0d0000002f0140100007d0ff0000fefb0700");
        MediaItem item = processed(webp);
        assertThat(item.state()).as(String.valueOf(item.problemKey())).isEqualTo(MediaState.READY);
        assertThat(item.webName()).endsWith(".jpg");
    }

    @Test
    void heicPhotoIsDecodedWithLibheifAndComesOutAsCleanJpeg(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        java.nio.file.Path png = java.nio.file.Files.write(temp.resolve("in.png"), TestImages.encode(TestImages.marked(320, 240), "png"));
        java.nio.file.Path heic = temp.resolve("in.heic");
        Process encode;
        try {
            encode = new ProcessBuilder("heif-enc", "-q", "90", "-o", heic.toString(), png.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException missing) {
            org.junit.jupiter.api.Assumptions.abort("heif-enc (Debian's libheif-examples) is not installed");
            return;
        }
        assertThat(encode.waitFor()).isZero();

        MediaItem item = processed(java.nio.file.Files.readAllBytes(heic));

        assertThat(item.state()).as(String.valueOf(item.problemKey())).isEqualTo(MediaState.READY);
        assertThat(item.webName()).endsWith(".jpg");
        BufferedImage web = ImageIO.read(new ByteArrayInputStream(variant(item, Variant.WEB)));
        assertThat(web.getWidth()).isEqualTo(320);
        assertThat(colourAt(web, 20, 20)).isEqualTo("red");
        assertThat(tags(variant(item, Variant.WEB))).allMatch(t -> t.startsWith("JPEG:") || t.startsWith("JFIF:")
                || t.startsWith("Huffman:") || t.startsWith("File Type:"));
    }

    @Test
    void blurringRendersTheVariantsAgainFromTheMasterUntilPublished() throws Exception {
        // a fine black-and-white checkerboard stands for a face's detail
        BufferedImage picture = TestImages.marked(800, 600);
        for (int y = 300; y < 450; y++) {
            for (int x = 400; x < 600; x++) {
                picture.setRGB(x, y, ((x / 4 + y / 4) % 2 == 0) ? 0x000000 : 0xFFFFFF);
            }
        }
        MediaItem item = processed(TestImages.encode(picture, "png"));
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(variant(item, Variant.WEB)));
        byte[] thumbnailBefore = variant(item, Variant.THUMBNAIL);

        MediaItem blurred = media.blur(item.id(), List.of(new Region(400, 300, 200, 150)));

        assertThat(blurred.regions()).containsExactly(new Region(400, 300, 200, 150));
        assertThat(blurred.webName()).isNotEqualTo(item.webName());
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(variant(blurred, Variant.WEB)));
        assertThat(detail(before, 420, 320, 160, 110)).isGreaterThan(50);
        assertThat(detail(after, 420, 320, 160, 110)).as("detail left in the blurred region").isLessThan(15);
        assertThat(colourAt(after, 100, 75)).isEqualTo("red");
        assertThat(colourAt(after, 700, 75)).isEqualTo("blue");
        assertThat(variant(blurred, Variant.THUMBNAIL)).isNotEqualTo(thumbnailBefore);

        MediaItem unblurred = media.blur(item.id(), List.of());
        assertThat(unblurred.regions()).isEmpty();
        assertThat(detail(ImageIO.read(new ByteArrayInputStream(variant(unblurred, Variant.WEB))), 420, 320, 160, 110))
                .isGreaterThan(50);

        media.publish(item.id());
        assertThat(media.canBlur(media.find(item.id()).orElseThrow())).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> media.blur(item.id(), List.of(new Region(0, 0, 10, 10))))
                .isInstanceOf(IllegalStateException.class);
    }

    static byte[] bytes(ByteArrayOutputStream out) {
        return out.toByteArray();
    }
}
