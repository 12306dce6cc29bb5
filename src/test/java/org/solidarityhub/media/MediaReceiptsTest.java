package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Receipts through the facade, on the local store: PDFs rendered page by page to clean images, the private original
 * for staff, black-box redaction, and every class of bad PDF refused with nothing kept.
 */
class MediaReceiptsTest extends WebTest {

    static final Path ORIGINALS = MediaRefusalsTest.STORE.resolve("original");

    @Autowired
    Media media;

    static MediaOwner owner() {
        return new MediaOwner("tests", "receipt-" + UUID.randomUUID());
    }

    static List<MediaItem> processed(Media media, byte[] upload, MediaOptions options) {
        List<MediaItem> accepted = media.acceptPages(new ByteArrayInputStream(upload), upload.length, owner(), options);
        assertThat(accepted).allMatch(item -> item.state() == MediaState.PROCESSING);
        List<Long> ids = accepted.stream().map(MediaItem::id).toList();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                media.findAll(ids).stream().noneMatch(item -> item.state() == MediaState.PROCESSING));
        return media.findAll(ids);
    }

    static byte[] bytes(Media media, long id, Variant variant) throws IOException {
        try (InputStream in = media.open(id, variant).orElseThrow().stream()) {
            return in.readAllBytes();
        }
    }

    static BufferedImage image(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** A rectangle of the test PDF (points, from the top) in the pixels of an item rendered from it. */
    static Region pixels(MediaItem item, int[] points) {
        double scale = (double) item.width() / TestPdfs.WIDTH;
        return new Region((int) Math.round(points[0] * scale), (int) Math.round(points[1] * scale),
                (int) Math.round(points[2] * scale), (int) Math.round(points[3] * scale));
    }

    /** Asserts that a published (or publishable) variant has no metadata and none of the PDF's strings. */
    static void assertClean(byte[] variant) throws Exception {
        assertThat(MediaPipelineTest.tags(variant)).allMatch(t -> t.startsWith("JPEG:") || t.startsWith("JFIF:")
                || t.startsWith("Huffman:") || t.startsWith("File Type:"));
        String text = new String(variant, StandardCharsets.ISO_8859_1);
        for (String canary : TestPdfs.canaries()) {
            assertThat(text).as("a string of the PDF").doesNotContain(canary);
        }
    }

    /** The largest channel value of any pixel in the region: 0 is pure black. */
    static int brightest(BufferedImage image, Region r) {
        int max = 0;
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                int rgb = image.getRGB(x, y);
                max = Math.max(max, Math.max((rgb >> 16) & 0xFF, Math.max((rgb >> 8) & 0xFF, rgb & 0xFF)));
            }
        }
        return max;
    }

    @Test
    void theCanaryPdfReallyCarriesTextLayersMetadataAnnotationsAttachmentsAndJavaScript() throws IOException {
        try (PDDocument document = Loader.loadPDF(TestPdfs.receipt())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains(TestPdfs.ACCOUNT, TestPdfs.INVISIBLE, TestPdfs.HIDDEN, TestPdfs.PAGE_TWO);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(TestPdfs.TITLE);
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo(TestPdfs.AUTHOR);
            assertThat(document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()).containsKey("secret.txt");
            assertThat(document.getDocumentCatalog().getOpenAction()).isNotNull();
            assertThat(document.getPage(0).getAnnotations()).hasSize(1);
            assertThat(document.getDocumentCatalog().getMetadata().toByteArray())
                    .asString(StandardCharsets.UTF_8).contains(TestPdfs.XMP_CANARY);
        }
    }

    @Test
    void pdfReceiptBecomesOneCleanImagePerPageWithNothingOfThePdfLeft() throws Exception {
        List<MediaItem> pages = processed(media, TestPdfs.receipt(), MediaOptions.RECEIPTS);

        assertThat(pages).hasSize(2).allMatch(MediaItem::ready).allMatch(MediaItem::hasOriginal)
                .allMatch(item -> item.kind() == MediaKind.IMAGE && item.pages() == 2);
        assertThat(pages).extracting(MediaItem::page).containsExactly(1, 2);
        MediaItem first = pages.get(0);
        MediaItem second = pages.get(1);
        assertThat((double) first.width() / first.height()).isCloseTo(4.0 / 3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(second.height()).as("the second page is portrait").isGreaterThan(second.width());
        assertThat(first.width()).as("rendered at 200 dpi").isEqualTo(1111);

        for (MediaItem page : pages) {
            for (Variant variant : List.of(Variant.WEB, Variant.THUMBNAIL)) {
                assertClean(bytes(media, page.id(), variant));
            }
        }
        BufferedImage web = image(bytes(media, first.id(), Variant.WEB));
        Region picture = pixels(first, TestPdfs.PICTURE);
        assertThat(MediaPipelineTest.colourAt(web, picture.x() + picture.width() / 2, picture.y() + picture.height() / 2))
                .as("the PDF's image is drawn").isEqualTo("red");
        assertThat(MediaPipelineTest.detail(web, pixels(first, TestPdfs.STRIPES).x(), pixels(first, TestPdfs.STRIPES).y() + 5,
                pixels(first, TestPdfs.STRIPES).width(), 20)).as("the stripes are drawn").isGreaterThan(15);
        Region hidden = pixels(first, TestPdfs.HIDDEN_BOX);
        assertThat(MediaPipelineTest.colourAt(web, hidden.x() + hidden.width() / 2, hidden.y() + hidden.height() / 2))
                .as("the layer that is off is not drawn").isEqualTo("grey");
        assertThat(web.getRGB(hidden.x() + hidden.width() / 2, hidden.y() + hidden.height() / 2) & 0xFF).isGreaterThan(230);
    }

    @Test
    void blackBoxesHideWhatLiesUnderThemAndChangeNothingElseInThePublishedBytes() throws Exception {
        MediaItem page = processed(media, TestPdfs.receipt(), MediaOptions.RECEIPTS).getFirst();
        BufferedImage before = image(bytes(media, page.id(), Variant.WEB));
        Region stripes = pixels(page, TestPdfs.STRIPES);
        assertThat(brightest(before, stripes)).as("white between the stripes").isGreaterThan(240);

        MediaItem redacted = media.redact(page.id(), List.of(stripes));
        assertThat(redacted.redactions()).containsExactly(stripes);
        assertThat(redacted.regions()).isEmpty();
        assertThat(redacted.webName()).isNotEqualTo(page.webName());
        MediaItem published = media.publish(page.id());

        HttpResponse<byte[]> served = browser.bytes(published.url(Variant.WEB).orElseThrow());
        assertThat(served.statusCode()).isEqualTo(200);
        assertClean(served.body());
        BufferedImage after = image(served.body());
        assertThat(brightest(after, new Region(stripes.x() + 8, stripes.y() + 8, stripes.width() - 16, stripes.height() - 16)))
                .as("inside the box: black").isLessThanOrEqualTo(8);
        assertThat(brightest(after, stripes)).as("up to its edges: nothing readable").isLessThan(64);
        int margin = 16; // JPEG encodes 16 x 16 blocks: those not touching the box are the same as before
        for (int y = 0; y < after.getHeight(); y++) {
            for (int x = 0; x < after.getWidth(); x++) {
                boolean near = x >= stripes.x() - margin && x < stripes.x() + stripes.width() + margin
                        && y >= stripes.y() - margin && y < stripes.y() + stripes.height() + margin;
                if (!near && after.getRGB(x, y) != before.getRGB(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y + " changed outside the box");
                }
            }
        }
        assertClean(browser.bytes(published.url(Variant.THUMBNAIL).orElseThrow()).body());
        assertThatThrownBy(() -> media.redact(page.id(), List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void redactingAgainReplacesTheBoxesAndKeepsBlurredRegions() throws Exception {
        MediaItem page = processed(media, TestPdfs.receipt(), MediaOptions.RECEIPTS).getFirst();
        Region stripes = pixels(page, TestPdfs.STRIPES);
        Region picture = pixels(page, TestPdfs.PICTURE);

        media.redact(page.id(), List.of(stripes));
        media.blur(page.id(), List.of(picture));
        MediaItem both = media.find(page.id()).orElseThrow();
        assertThat(both.redactions()).containsExactly(stripes);
        assertThat(both.regions()).containsExactly(picture);
        MediaItem moved = media.redact(page.id(), List.of(new Region(0, 0, 40, 40)));

        BufferedImage web = image(bytes(media, moved.id(), Variant.WEB));
        assertThat(moved.regions()).containsExactly(picture);
        assertThat(brightest(web, new Region(8, 8, 24, 24))).isLessThanOrEqualTo(8);
        assertThat(brightest(web, stripes)).as("the old box is gone: the stripes show again").isGreaterThan(240);
        assertThat(media.canRedact(moved)).isTrue();
    }

    @Test
    void theOriginalIsKeptPrivatelyForStaffAndDeletedWithTheLastPage() throws Exception {
        byte[] pdf = TestPdfs.receipt();
        long originalsBefore = MediaRefusalsTest.files(ORIGINALS);
        List<MediaItem> pages = processed(media, pdf, MediaOptions.RECEIPTS);
        assertThat(MediaRefusalsTest.files(ORIGINALS)).isEqualTo(originalsBefore + 1);

        for (MediaItem page : pages) {
            MediaContent original = media.openOriginal(page.id()).orElseThrow();
            try (InputStream in = original.stream()) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
            assertThat(original.contentType()).isEqualTo("application/pdf");
            assertThat(original.name()).matches("[0-9a-f]{32}\\.pdf");
            assertThat(browser.get("/media/" + original.name()).status()).isEqualTo(404);
            assertThat(browser.get("/media/original/" + original.name()).status()).isEqualTo(404);
            media.publish(page.id());
            assertThat(browser.get("/media/" + original.name()).status()).as("published or not").isEqualTo(404);
            assertThat(media.openOriginal(page.id())).as("publishing keeps it").isPresent();
        }

        media.discard(pages.get(0).id());
        assertThat(MediaRefusalsTest.files(ORIGINALS)).as("the second page still has it").isEqualTo(originalsBefore + 1);
        assertThat(media.openOriginal(pages.get(1).id())).isPresent();
        media.discard(pages.get(1).id());
        assertThat(MediaRefusalsTest.files(ORIGINALS)).isEqualTo(originalsBefore);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void discardingAllPagesInTheFeaturesTransactionDeletesTheOriginalAfterItCommits() {
        long before = MediaRefusalsTest.files(ORIGINALS);
        List<MediaItem> pages = processed(media, TestPdfs.receipt(), MediaOptions.RECEIPTS);

        transactions.executeWithoutResult(status -> {
            pages.forEach(page -> media.discard(page.id()));
            assertThat(MediaRefusalsTest.files(ORIGINALS)).as("not before the commit").isEqualTo(before + 1);
        });
        assertThat(MediaRefusalsTest.files(ORIGINALS)).isEqualTo(before);
        List<MediaItem> rolledBack = processed(media, TestPdfs.receipt(), MediaOptions.RECEIPTS);
        transactions.executeWithoutResult(status -> {
            media.discard(rolledBack.getFirst().id());
            media.discard(rolledBack.getLast().id());
            status.setRollbackOnly();
        });
        assertThat(media.openOriginal(rolledBack.getFirst().id())).as("a rollback keeps it").isPresent();
    }

    @Test
    void aPhotoOfAReceiptKeepsItsOriginalWithItsMetadataOnlyPrivately() throws Exception {
        byte[] canary = TestImages.canary(TestImages.marked(800, 600), 1);
        MediaItem item = processed(media, canary, MediaOptions.RECEIPTS).getFirst();

        assertThat(item.ready()).isTrue();
        assertThat(item.pages()).isZero();
        assertThat(item.page()).isZero();
        try (InputStream in = media.openOriginal(item.id()).orElseThrow().stream()) {
            assertThat(in.readAllBytes()).isEqualTo(canary);
        }
        assertThat(media.openOriginal(item.id()).orElseThrow().contentType()).isEqualTo("image/jpeg");
        assertThat(new String(bytes(media, item.id(), Variant.WEB), StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.SERIAL);
        long before = MediaRefusalsTest.files(ORIGINALS);
        media.discard(item.id());
        assertThat(MediaRefusalsTest.files(ORIGINALS)).isEqualTo(before - 1);
    }

    @Test
    void reportPhotosKeepNoOriginalAndStillRefusePdfs() {
        MediaItem photo = processed(media, TestImages.jpeg(300, 200), MediaOptions.PHOTOS).getFirst();
        assertThat(photo.hasOriginal()).isFalse();
        assertThat(media.openOriginal(photo.id())).isEmpty();

        byte[] pdf = TestPdfs.receipt();
        MediaRefusalsTest.assertRefused(media, db, new ByteArrayInputStream(pdf), pdf.length, MediaOptions.PHOTOS,
                "media.refused.type");
        MediaRefusalsTest.assertRefused(media, db, new ByteArrayInputStream(pdf), pdf.length, "media.refused.type");
    }

    void assertRefused(byte[] pdf, String key) {
        MediaRefusalsTest.assertRefused(media, db, new ByteArrayInputStream(pdf), pdf.length, MediaOptions.RECEIPTS, key);
    }

    @Test
    void encryptedPdfsAreRefusedWithOrWithoutAPasswordToOpenThem() {
        assertRefused(TestPdfs.encrypted(false), "media.refused.encrypted");
        assertRefused(TestPdfs.encrypted(true), "media.refused.encrypted");
    }

    @Test
    void truncatedPdfIsRefused() {
        byte[] pdf = TestPdfs.receipt();
        assertRefused(Arrays.copyOf(pdf, pdf.length / 2), "media.refused.truncated");
        assertRefused(Arrays.copyOf(pdf, pdf.length - 40), "media.refused.truncated");
    }

    @Test
    void brokenPdfIsRefused() {
        assertRefused("%PDF-1.7\nthis is not a PDF at all, only its header and its end\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1), "media.refused.truncated");
    }

    @Test
    void pdfWithoutPagesIsRefused() {
        assertRefused(TestPdfs.pages(0, 100, 100), "media.refused.noPages");
    }

    @Test
    void pdfWithTooManyPagesIsRefused() {
        assertRefused(TestPdfs.pages(21, 100, 100), "media.refused.tooManyPages");
        assertThat(processed(media, TestPdfs.pages(20, 100, 100), MediaOptions.RECEIPTS))
                .hasSize(20).allMatch(MediaItem::ready);
    }

    @Test
    void pdfWithAHugePageIsRefused() {
        assertRefused(TestPdfs.pages(1, 14_400, 14_400), "media.refused.pageTooLarge");
    }

    @Test
    void pdfDrawingAnImageOfTooManyPixelsIsRefusedWithoutDecodingItAndNothingIsKept() {
        long stored = MediaRefusalsTest.files(MediaRefusalsTest.STORE);
        List<MediaItem> items = processed(media, TestPdfs.imageFlood(100_000, 100_000), MediaOptions.RECEIPTS);

        assertThat(items).hasSize(1).allMatch(item -> item.state() == MediaState.REFUSED
                && "media.refused.pageTooLarge".equals(item.problemKey()) && !item.hasOriginal());
        assertThat(MediaRefusalsTest.files(MediaRefusalsTest.STORE)).as("no original, master or variant").isEqualTo(stored);
        assertThat(MediaRefusalsTest.files(MediaRefusalsTest.WORK)).isZero();
    }

    @Autowired
    PdfPages pdfs;

    @Test
    void renderingPastTheTimeLimitIsRefused(@org.junit.jupiter.api.io.TempDir Path scratch) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.write(scratch.resolve("receipt.pdf"), TestPdfs.receipt());
        try (PDDocument document = pdfs.open(file, scratch)) {
            assertThat(pdfs.render(document, 0, System.nanoTime() + 60_000_000_000L).getWidth()).isEqualTo(1111);
            assertThatThrownBy(() -> pdfs.render(document, 0, System.nanoTime() - 1))
                    .isInstanceOf(MediaRefusedException.class)
                    .extracting(e -> ((MediaRefusedException) e).reasonKey()).isEqualTo("media.refused.documentTooSlow");
        }
    }

    @Test
    void pdfThatIsAlsoAZipOrStartsAsSomethingElseIsRefused() throws IOException {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("payload.html"));
            out.write("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] pdf = TestPdfs.receipt();
        assertRefused(TestImages.concat(pdf, zip.toByteArray()), "media.refused.documentType");
        assertRefused(TestImages.concat("<html><!-- ".getBytes(StandardCharsets.US_ASCII), pdf), "media.refused.documentType");
        assertRefused("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8), "media.refused.documentType");
    }

    @Test
    void emptyAndOversizedReceiptsAreRefused() {
        assertRefused(new byte[0], "media.refused.empty");
        MediaRefusalsTest.assertRefused(media, db, new ByteArrayInputStream(new byte[0]), 400_000_000L,
                MediaOptions.RECEIPTS, "media.refused.tooLarge");
    }
}
