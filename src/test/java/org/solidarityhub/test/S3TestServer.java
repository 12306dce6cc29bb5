package org.solidarityhub.test;

import java.net.URI;
import java.util.Optional;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A real S3 API server for tests: S3Proxy, in this JVM, on a free loopback port, keeping objects in memory
 * (jclouds' transient store), with AWS signature checking on. One per JVM, started on first use. The app's tests
 * that use it extend {@link S3WebTest}.
 */
public final class S3TestServer {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String BUCKET = "media";

    private static S3TestServer running;

    private final S3Proxy proxy;
    private final BlobStore blobs;

    private S3TestServer() throws Exception {
        Properties properties = new Properties();
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential").overrides(properties).build(BlobStoreContext.class);
        blobs = context.getBlobStore();
        blobs.createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(25);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
    }

    public static synchronized S3TestServer get() {
        if (running == null) {
            try {
                running = new S3TestServer();
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy could not start", e);
            }
        }
        return running;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Objects in the bucket whose names start with the prefix (read behind the S3 API, from the server's store). */
    public long objects(String prefix) {
        return blobs.list(BUCKET, ListContainerOptions.Builder.prefix(prefix).recursive()).stream().count();
    }

    /** The bytes of one object of the bucket (read behind the S3 API, from the server's store), if it exists. */
    public Optional<byte[]> object(String key) {
        Blob blob = blobs.getBlob(BUCKET, key);
        if (blob == null) {
            return Optional.empty();
        }
        try (var in = blob.getPayload().openStream()) {
            return Optional.of(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
