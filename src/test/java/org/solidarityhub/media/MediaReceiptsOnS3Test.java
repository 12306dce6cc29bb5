package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.S3TestServer;
import org.solidarityhub.test.S3WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A PDF receipt on the S3 store, against a real S3 API server (S3Proxy): its pages, the private original, a black
 * box, publishing and discarding, checked in the bucket itself.
 */
class MediaReceiptsOnS3Test extends S3WebTest {

    @Autowired
    Media media;

    @Test
    void pdfReceiptIsRenderedRedactedPublishedAndDiscardedWithItsOriginalOnS3() throws Exception {
        long before = S3TestServer.get().objects(PREFIX);
        byte[] pdf = TestPdfs.receipt();
        List<MediaItem> pages = MediaReceiptsTest.processed(media, pdf, MediaOptions.RECEIPTS);
        assertThat(pages).hasSize(2).allMatch(MediaItem::ready);
        assertThat(S3TestServer.get().objects(PREFIX)).as("the original, and a master, web and thumbnail per page")
                .isEqualTo(before + 7);
        try (InputStream in = media.openOriginal(pages.get(1).id()).orElseThrow().stream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }

        MediaItem first = pages.getFirst();
        Region stripes = MediaReceiptsTest.pixels(first, TestPdfs.STRIPES);
        media.redact(first.id(), List.of(stripes));
        assertThat(S3TestServer.get().objects(PREFIX)).as("old variants deleted").isEqualTo(before + 7);
        MediaItem published = media.publish(first.id());
        assertThat(S3TestServer.get().objects(PREFIX)).as("master deleted, original kept").isEqualTo(before + 6);

        HttpResponse<byte[]> served = browser.bytes(published.url(Variant.WEB).orElseThrow());
        assertThat(served.statusCode()).isEqualTo(200);
        MediaReceiptsTest.assertClean(served.body());
        BufferedImage web = MediaReceiptsTest.image(served.body());
        assertThat(MediaReceiptsTest.brightest(web, new Region(stripes.x() + 8, stripes.y() + 8,
                stripes.width() - 16, stripes.height() - 16))).isLessThanOrEqualTo(8);
        assertThat(browser.get("/media/" + media.openOriginal(first.id()).orElseThrow().name()).status()).isEqualTo(404);

        media.discard(first.id());
        assertThat(media.openOriginal(pages.get(1).id())).isPresent();
        media.discard(pages.get(1).id());
        assertThat(S3TestServer.get().objects(PREFIX)).isEqualTo(before);
    }
}
