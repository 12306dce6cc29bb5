package org.solidarityhub.media;

import java.net.URI;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server for tests: S3Proxy, in this JVM, on a free loopback port, keeping objects in memory
 * (jclouds' transient store), with AWS signature checking on. One per JVM, started on first use.
 */
final class S3TestServer {

    static final String ACCESS_KEY = "test-access";
    static final String SECRET_KEY = "test-secret-key";
    static final String BUCKET = "media";

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

    static synchronized S3TestServer get() {
        if (running == null) {
            try {
                running = new S3TestServer();
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy could not start", e);
            }
        }
        return running;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The store's settings for this server, with a key prefix of its own. */
    MediaProperties.S3 settings(String prefix) {
        return new MediaProperties.S3(endpoint(), "us-east-1", BUCKET, ACCESS_KEY, SECRET_KEY, true, prefix);
    }

    /** Objects in the bucket whose names start with the prefix (read behind the S3 API, from the server's store). */
    long objects(String prefix) {
        return blobs.list(BUCKET, org.jclouds.blobstore.options.ListContainerOptions.Builder.prefix(prefix).recursive())
                .stream().count();
    }
}
