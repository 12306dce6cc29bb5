package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.Variant;
import org.solidarityhub.test.S3TestServer;
import org.solidarityhub.test.S3WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@link ReportsBrowserScenario} with the S3 store (against S3Proxy): the same steps pass, and the photo the site
 * serves is the bucket's object, byte for byte, with nothing of it in the local store's folder.
 */
class ReportsOnS3BrowserTest extends S3WebTest {

    /** The local store's folder in tests (application-test.properties). */
    private static final Path LOCAL_STORE = Path.of("target/test-media/store");

    @Autowired
    ApplicationContext context;

    @Test
    void theSameReportWithPhotosIsSentModeratedAndShownWithTheS3Store() throws Exception {
        MediaItem item = ReportsBrowserScenario.run(context, db, browser, port, "s3", uniqueEmail("e2e-moderator"));

        for (Variant variant : new Variant[] {Variant.WEB, Variant.THUMBNAIL}) {
            String name = item.name(variant).orElseThrow();
            byte[] served = browser.bytes(item.url(variant).orElseThrow()).body();
            assertThat(S3TestServer.get().object(PREFIX + name).orElse(null)).as("%s in the bucket", variant).isEqualTo(served);
            assertThat(localFile(name)).as("%s in the local folder", variant).isEmpty();
        }
    }

    /** A file of this name anywhere under the local store's folder. */
    static Optional<Path> localFile(String name) throws IOException {
        if (!Files.isDirectory(LOCAL_STORE)) {
            return Optional.empty();
        }
        try (var files = Files.walk(LOCAL_STORE)) {
            return files.filter(f -> f.getFileName().toString().equals(name)).findFirst();
        }
    }
}
