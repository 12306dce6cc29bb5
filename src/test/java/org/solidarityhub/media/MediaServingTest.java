package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Serving processed files over HTTP: only published variants, with headers that keep a browser from running them. */
class MediaServingTest extends WebTest {

    @Autowired
    Media media;

    MediaItem ready() {
        byte[] jpeg = TestImages.jpeg(640, 480);
        MediaItem item = media.accept(new ByteArrayInputStream(jpeg), jpeg.length, new MediaOwner("tests", UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> media.find(item.id()).orElseThrow().ready());
        return media.find(item.id()).orElseThrow();
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    @Test
    void publishedVariantIsServedInlineWithNosniffSandboxAndImmutableCaching() throws Exception {
        MediaItem item = media.publish(ready().id());

        HttpResponse<byte[]> response = get(item.url(Variant.WEB).orElseThrow());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + item.webName() + "\"");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.body()).hasSize((int) item.size());
        assertThat(get(item.url(Variant.THUMBNAIL).orElseThrow()).statusCode()).isEqualTo(200);
    }

    @Test
    void unpublishedAndUnknownNamesAreNotFound() throws Exception {
        MediaItem item = ready();

        assertThat(get(item.url(Variant.WEB).orElseThrow()).statusCode()).isEqualTo(404);
        assertThat(get("/media/00000000000000000000000000000000.jpg").statusCode()).isEqualTo(404);
        assertThat(get("/media/..%2Fmaster%2Fx.png").statusCode()).isIn(400, 404);
        assertThat(get("/media/master").statusCode()).isEqualTo(404);

        media.publish(item.id());
        assertThat(get(item.url(Variant.WEB).orElseThrow()).statusCode()).isEqualTo(200);
        media.unpublish(item.id());
        assertThat(get(item.url(Variant.WEB).orElseThrow()).statusCode()).isEqualTo(404);
    }

    @Test
    void masterIsDeletedOnPublishingAndEverythingOnDiscarding() throws Exception {
        MediaItem item = ready();
        long before = MediaRefusalsTest.files(MediaRefusalsTest.STORE);

        media.publish(item.id());
        assertThat(MediaRefusalsTest.files(MediaRefusalsTest.STORE)).isEqualTo(before - 1);

        media.discard(item.id());
        assertThat(MediaRefusalsTest.files(MediaRefusalsTest.STORE)).isEqualTo(before - 3);
        assertThat(media.find(item.id())).isEmpty();
        assertThat(get(item.url(Variant.WEB).orElseThrow()).statusCode()).isEqualTo(404);
    }

    @Test
    void rangeRequestGetsThePartAsked() throws Exception {
        MediaItem item = media.publish(ready().id());
        byte[] whole = get(item.url(Variant.WEB).orElseThrow()).body();

        HttpResponse<byte[]> part = get(item.url(Variant.WEB).orElseThrow(), "Range", "bytes=10-19");

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + whole.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 10, 20));
        assertThat(get(item.url(Variant.WEB).orElseThrow(), "Range", "bytes=999999-").statusCode()).isEqualTo(416);
    }

    @Test
    void staffPreviewNeedsASignedInStaffMember() throws Exception {
        MediaItem item = ready();

        HttpResponse<byte[]> anonymous = get(item.previewUrl(Variant.WEB));

        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
        assertThat(anonymous.body().length).isLessThan(1000);
    }
}
