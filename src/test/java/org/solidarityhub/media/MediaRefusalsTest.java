package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every class of bad upload is refused on the request thread with its message key, and nothing of it is kept: no
 * row, no stored object, no file in the work folder.
 */
class MediaRefusalsTest extends WebTest {

    static final Path STORE = Path.of("target/test-media/store");
    static final Path WORK = Path.of("target/test-media/work");

    @Autowired
    Media media;

    void assertRefused(byte[] upload, String key) {
        assertRefused(new ByteArrayInputStream(upload), upload.length, key);
    }

    void assertRefused(InputStream upload, long declaredSize, String key) {
        assertRefused(media, db, upload, declaredSize, key);
    }

    /** Asserts that the facade refuses the upload with this key, and that nothing of it is kept. */
    static void assertRefused(Media media, JdbcClient db, InputStream upload, long declaredSize, String key) {
        assertRefused(media, db, upload, declaredSize, null, key);
    }

    /** As above, through {@link Media#acceptPages} with these options ({@link Media#accept} when null). */
    static void assertRefused(Media media, JdbcClient db, InputStream upload, long declaredSize,
                              @org.jspecify.annotations.Nullable MediaOptions options, String key) {
        MediaOwner owner = new MediaOwner("tests", UUID.randomUUID().toString());
        long storedBefore = files(STORE);
        long rowsBefore = db.sql("SELECT COUNT(*) FROM media_item").query(Long.class).single();

        assertThatThrownBy(() -> {
            if (options == null) {
                media.accept(upload, declaredSize, owner);
            } else {
                media.acceptPages(upload, declaredSize, owner, options);
            }
        })
                .isInstanceOf(MediaRefusedException.class)
                .extracting(e -> ((MediaRefusedException) e).reasonKey()).isEqualTo(key);

        assertThat(media.ofOwner(owner)).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM media_item").query(Long.class).single()).isEqualTo(rowsBefore);
        assertThat(files(STORE)).isEqualTo(storedBefore);
        assertThat(files(WORK)).as("files left in the work folder").isZero();
    }

    static long files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jpegThatIsAlsoAZipIsRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("payload.html"));
            out.write("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(TestImages.concat(TestImages.jpeg(200, 100), zip.toByteArray()), "media.refused.type");
    }

    @Test
    void jpegWithAnHtmlDocumentAppendedIsRefused() {
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(TestImages.concat(TestImages.jpeg(200, 100), html), "media.refused.type");
    }

    @Test
    void truncatedJpegIsRefused() {
        byte[] jpeg = TestImages.jpeg(400, 300);
        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), "media.refused.truncated");
    }

    @Test
    void truncatedPngIsRefused() {
        byte[] png = TestImages.encode(TestImages.marked(400, 300), "png");
        assertRefused(Arrays.copyOf(png, png.length - 20), "media.refused.truncated");
    }

    @Test
    void pngPixelFloodIsRefusedFromItsHeaderBeforeDecoding() {
        assertRefused(pngDeclaring(100_000, 100_000), "media.refused.tooManyPixels");
    }

    @Test
    void jpegPixelFloodIsRefusedFromItsHeaderBeforeDecoding() {
        byte[] jpeg = TestImages.jpeg(64, 64);
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) 0xFF; // height 65 000
                jpeg[i + 6] = (byte) 0xE8;
                jpeg[i + 7] = (byte) 0xFF; // width 65 000
                jpeg[i + 8] = (byte) 0xE8;
                break;
            }
        }
        assertRefused(jpeg, "media.refused.tooManyPixels");
    }

    @Test
    void htmlNamedLikeAPhotoIsRefusedByItsContent() {
        assertRefused("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8), "media.refused.type");
    }

    @Test
    void svgWithAScriptIsRefused() {
        assertRefused("""
                <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
                <script>alert(1)</script><rect width="10" height="10"/></svg>""".getBytes(StandardCharsets.UTF_8),
                "media.refused.type");
    }

    @Test
    void pdfIsRefused() {
        assertRefused("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII), "media.refused.type");
    }

    @Test
    void jpegThatAPdfReaderWouldOpenIsRefused() {
        byte[] jpeg = TestImages.withComment(TestImages.jpeg(100, 100), "%PDF-1.4 hidden document");
        assertRefused(jpeg, "media.refused.type");
    }

    @Test
    void aVideoGivenAsAPictureIsRefusedAndSoIsAnyOtherTypeWithTheMessageNamingPictures(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        byte[] video = Files.readAllBytes(VideoFixtures.plain(dir, "clip.mp4", 160, 120, 1));
        assertRefused(media, db, new ByteArrayInputStream(video), video.length, MediaOptions.PICTURES, "media.refused.imageOnly");
        byte[] html = "<!DOCTYPE html><p>no picture</p>".getBytes(StandardCharsets.UTF_8);
        assertRefused(media, db, new ByteArrayInputStream(html), html.length, MediaOptions.PICTURES, "media.refused.imageOnly");
    }

    @Test
    void gifIsNotAnAllowedType() {
        assertRefused(TestImages.encode(TestImages.marked(50, 50), "gif"), "media.refused.type");
    }

    @Test
    void zeroBytesAreRefused() {
        assertRefused(new byte[0], "media.refused.empty");
    }

    @Test
    void imageOverTheSizeCapIsRefused() {
        byte[] large = TestImages.concat(TestImages.jpeg(100, 100), new byte[21 * 1024 * 1024]);
        assertRefused(large, "media.refused.tooLarge");
    }

    @Test
    void uploadDeclaredOverTheCapIsRefusedWithoutReadingIt() {
        InputStream neverRead = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read although declared too large");
            }
        };
        assertRefused(neverRead, 400L * 1024 * 1024, "media.refused.tooLarge");
    }

    @Test
    void uploadLongerThanEveryCapIsCutOffWhileReading() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        assertRefused(endless, -1, "media.refused.tooLarge");
    }

    /** The start of an MP4 (file type, free and empty media data boxes), which the type check takes for a video. */
    static byte[] mp4() {
        return HexFormat.of().parseHex("00000018667479706973" + "6f6d0000020069736f6d6d703432"
                + "0000000866726565" + "0000000c6d64617400000000");
    }

    @Autowired
    StuckProcessing stuckProcessing;

    @Test
    void itemCutOffWhileProcessingIsMarkedFailedAfterTheTimeout() {
        MediaOwner owner = new MediaOwner("tests", UUID.randomUUID().toString());
        db.sql("""
                        INSERT INTO media_item (kind, state, owner_feature, owner_reference, width, height, size_bytes,
                                                published, regions, created_at)
                        VALUES ('IMAGE', 'PROCESSING', 'tests', :reference, 10, 10, 100, FALSE, '', :at)""")
                .param("reference", owner.reference())
                .param("at", org.solidarityhub.platform.Timestamps.toDb(applicationClock.instant().minus(java.time.Duration.ofMinutes(59))))
                .update();

        stuckProcessing.failStuckItems();
        assertThat(media.ofOwner(owner)).singleElement().extracting(MediaItem::state).isEqualTo(MediaState.PROCESSING);

        clock.advance(java.time.Duration.ofMinutes(2));
        stuckProcessing.failStuckItems();

        MediaItem item = media.ofOwner(owner).getFirst();
        assertThat(item.state()).isEqualTo(MediaState.FAILED);
        assertThat(item.problemKey()).isEqualTo("media.failed");
    }

    /** The start of a Matroska file whose EBML header names the given DocType ({@code webm} or {@code matroska}). */
    static byte[] matroska(String docType) {
        byte[] name = docType.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(HexFormat.of().parseHex("4286810142f7810142f2810442f38108"));
        header.write(0x42);
        header.write(0x82);
        header.write(0x80 | name.length);
        header.writeBytes(name);
        header.writeBytes(HexFormat.of().parseHex("4287810442858102"));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(HexFormat.of().parseHex("1a45dfa3"));
        file.write(0x80 | header.size());
        file.writeBytes(header.toByteArray());
        file.writeBytes(HexFormat.of().parseHex("1853806701ffffffffffffff"));
        file.writeBytes(new byte[64]);
        return file.toByteArray();
    }

    @Test
    void matroskaThatIsNotWebmIsRefused() {
        assertRefused(matroska("matroska"), "media.refused.type");
    }

    /** A PNG whose header declares the given size, with one tiny compressed row: a pixel flood. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        writeInt(ihdr, width);
        writeInt(ihdr, height);
        ihdr.writeBytes(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] compressed = new byte[1024];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
