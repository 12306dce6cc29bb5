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
    void blurringRendersTheVariantsAgainFromTheMasterUntilPublished() throws Exception {
        MediaItem item = processed(TestImages.jpeg(800, 600));
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(variant(item, Variant.WEB)));

        // the region straddles the edge of the red block: blurred, red and grey run into each other
        MediaItem blurred = media.blur(item.id(), List.of(new Region(100, 0, 200, 150)));

        assertThat(blurred.regions()).containsExactly(new Region(100, 0, 200, 150));
        assertThat(blurred.webName()).isNotEqualTo(item.webName());
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(variant(blurred, Variant.WEB)));
        assertThat(colourAt(before, 190, 75)).isEqualTo("red");
        assertThat(colourAt(before, 210, 75)).isEqualTo("grey");
        assertThat(colourAt(after, 190, 75)).startsWith("other");
        assertThat(colourAt(after, 210, 75)).startsWith("other");
        assertThat(colourAt(after, 600, 400)).isEqualTo("grey");
        assertThat(colourAt(after, 20, 75)).isEqualTo("red");

        MediaItem unblurred = media.blur(item.id(), List.of());
        assertThat(unblurred.regions()).isEmpty();
        assertThat(colourAt(ImageIO.read(new ByteArrayInputStream(variant(unblurred, Variant.WEB))), 190, 75)).isEqualTo("red");

        media.publish(item.id());
        assertThat(media.canBlur(media.find(item.id()).orElseThrow())).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> media.blur(item.id(), List.of(new Region(0, 0, 10, 10))))
                .isInstanceOf(IllegalStateException.class);
    }

    static byte[] bytes(ByteArrayOutputStream out) {
        return out.toByteArray();
    }
}
