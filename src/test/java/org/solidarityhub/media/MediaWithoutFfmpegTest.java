package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app where ffmpeg is missing ({@code app.media.video.ffmpeg} names no file), on every machine, whether ffmpeg
 * is installed or not: video uploads are refused through the facade with their message and nothing is kept, and
 * photos still go through.
 */
class MediaWithoutFfmpegTest extends WebTest {

    @DynamicPropertySource
    static void noFfmpeg(DynamicPropertyRegistry registry) {
        registry.add("app.media.video.ffmpeg", () -> "target/no-such-dir/ffmpeg");
    }

    @Autowired
    Media media;

    @Test
    void mp4AndWebmAreRefusedWithAMessageAndNothingIsKept() {
        assertThat(media.acceptsVideo()).isFalse();

        for (byte[] video : new byte[][] {MediaRefusalsTest.mp4(), MediaRefusalsTest.matroska("webm")}) {
            MediaRefusalsTest.assertRefused(media, db, new ByteArrayInputStream(video), video.length,
                    "media.refused.videoUnavailable");
        }
    }

    @Test
    void photosStillGoThrough() {
        byte[] jpeg = TestImages.jpeg(320, 240);
        MediaItem accepted = media.accept(new ByteArrayInputStream(jpeg), jpeg.length, new MediaOwner("tests", "no-ffmpeg"));

        await().atMost(Duration.ofSeconds(30)).until(() -> media.find(accepted.id()).orElseThrow().ready());
        assertThat(media.find(accepted.id()).orElseThrow().kind()).isEqualTo(MediaKind.IMAGE);
    }
}
