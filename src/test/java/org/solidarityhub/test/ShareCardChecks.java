package org.solidarityhub.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Document;

/** What every share card and every page with one must do (platform.ShareCards, docs/og-images.md). */
public final class ShareCardChecks {

    private ShareCardChecks() {
    }

    /**
     * The card at this path: a 1200×630 PNG with an ETag and a lifetime a front cache may share, the same bytes when
     * asked again, and 304 for its ETag. Returns its bytes.
     */
    public static byte[] aCachedCard(Browser reader, String path) {
        HttpResponse<byte[]> first = reader.bytes(path);
        assertThat(first.statusCode()).as(path).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).as(path).contains("image/png");
        assertThat(first.headers().firstValue("Content-Encoding")).as("a PNG is not compressed again").isEmpty();
        assertThat(first.headers().allValues("Set-Cookie")).as(path).isEmpty();
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).as(path)
                .matches("public, max-age=[1-9][0-9]*, stale-while-revalidate=[0-9]+, stale-if-error=[0-9]+");
        String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
        decode(first.body());

        HttpResponse<byte[]> again = reader.bytes(path);
        assertThat(again.body()).as("the same card again").isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(reader.bytes(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
        return first.body();
    }

    /** The PNG decoded, 1200×630. */
    public static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("a PNG").isNotNull();
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(630);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's head names the card (absolute address) for Open Graph and as a large Twitter card. */
    public static void namesItsCard(Document page, String cardUrl, String title) {
        assertThat(page.select("meta[property=og:image]").attr("content")).isEqualTo(cardUrl);
        assertThat(page.select("meta[property=og:image:width]").attr("content")).isEqualTo("1200");
        assertThat(page.select("meta[property=og:image:height]").attr("content")).isEqualTo("630");
        assertThat(page.select("meta[property=og:image:type]").attr("content")).isEqualTo("image/png");
        assertThat(page.select("meta[property=og:image:alt]").attr("content")).isEqualTo(title);
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(title);
        assertThat(page.select("meta[property=og:url]").attr("content")).startsWith("http");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select("meta[name=twitter:image]").attr("content")).isEqualTo(cardUrl);
        assertThat(page.select("meta[name=twitter:title]").attr("content")).isEqualTo(title);
        assertThat(page.select("meta[name=twitter:description]").attr("content")).isNotBlank();
    }
}
