package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.S3TestServer;
import org.solidarityhub.test.S3WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole media flow with the S3 store, against a real S3 API server (S3Proxy): processing, blurring, publishing,
 * serving over HTTP and discarding, checked in the bucket itself.
 */
class MediaOnS3Test extends S3WebTest {

    @Autowired
    Media media;

    @Test
    void canaryPhotoIsProcessedBlurredPublishedServedAndDiscardedOnS3() throws Exception {
        long before = S3TestServer.get().objects(PREFIX);
        byte[] canary = TestImages.canary(TestImages.marked(800, 600), 6);
        MediaItem accepted = media.accept(new ByteArrayInputStream(canary), canary.length, new MediaOwner("tests", "s3"));
        await().atMost(Duration.ofSeconds(30)).until(() -> media.find(accepted.id()).orElseThrow().ready());
        assertThat(S3TestServer.get().objects(PREFIX)).isEqualTo(before + 3); // master, web, thumbnail

        MediaItem blurred = media.blur(accepted.id(), List.of(new Region(10, 10, 50, 50)));
        assertThat(S3TestServer.get().objects(PREFIX)).as("old variants deleted").isEqualTo(before + 3);

        MediaItem published = media.publish(blurred.id());
        assertThat(S3TestServer.get().objects(PREFIX)).as("master deleted").isEqualTo(before + 2);

        HttpResponse<byte[]> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + published.url(Variant.WEB).orElseThrow()))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
        assertThat(MediaPipelineTest.tags(response.body())).allMatch(t -> t.startsWith("JPEG:") || t.startsWith("JFIF:")
                || t.startsWith("Huffman:") || t.startsWith("File Type:"));
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.SERIAL, TestImages.BYLINE);
        assertThat(published.width()).as("upright: as the camera saw it").isEqualTo(800);
        assertThat(published.height()).isEqualTo(600);

        media.discard(published.id());
        assertThat(S3TestServer.get().objects(PREFIX)).isEqualTo(before);
    }
}
