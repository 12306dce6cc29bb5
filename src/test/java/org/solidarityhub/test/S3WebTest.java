package org.solidarityhub.test;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application with the S3 media store ({@code app.media.store=s3}) against
 * {@link S3TestServer}, under a key prefix of this JVM's own. Its subclasses share one Spring context (the
 * properties come from here only), next to {@link WebTest}'s.
 */
public abstract class S3WebTest extends WebTest {

    /** The prefix of every key the app writes to the bucket. */
    protected static final String PREFIX = "app-" + UUID.randomUUID() + "/";

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("app.media.store", () -> "s3");
        registry.add("app.media.s3.endpoint", () -> S3TestServer.get().endpoint().toString());
        registry.add("app.media.s3.bucket", () -> S3TestServer.BUCKET);
        registry.add("app.media.s3.access-key", () -> S3TestServer.ACCESS_KEY);
        registry.add("app.media.s3.secret-key", () -> S3TestServer.SECRET_KEY);
        registry.add("app.media.s3.prefix", () -> PREFIX);
    }
}
