package org.solidarityhub.media;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.solidarityhub.test.S3TestServer;

/** The S3 store, against a real S3 API server (S3Proxy) on a loopback port, with the shared store behaviour. */
class S3MediaStoreTest extends MediaStoreContract {

    private S3MediaStore store;
    private S3MediaStore other;

    @BeforeEach
    void connect() {
        String prefix = "contract-" + UUID.randomUUID() + "/";
        store = new S3MediaStore(settings(prefix));
        other = new S3MediaStore(settings(prefix));
    }

    /** The store's settings for the test server, with a key prefix of its own. */
    private static MediaProperties.S3 settings(String prefix) {
        S3TestServer server = S3TestServer.get();
        return new MediaProperties.S3(server.endpoint(), "us-east-1", S3TestServer.BUCKET, S3TestServer.ACCESS_KEY,
                S3TestServer.SECRET_KEY, true, prefix);
    }

    @AfterEach
    void close() {
        store.close();
        other.close();
    }

    @Override
    MediaStore store() {
        return store;
    }

    @Override
    MediaStore sameStorageElsewhere() {
        return other;
    }
}
