package org.solidarityhub.media;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The S3 store, against a real S3 API server (S3Proxy) on a loopback port, with the shared store behaviour. */
class S3MediaStoreTest extends MediaStoreContract {

    private S3MediaStore store;
    private S3MediaStore other;

    @BeforeEach
    void connect() {
        String prefix = "contract-" + UUID.randomUUID() + "/";
        store = new S3MediaStore(S3TestServer.get().settings(prefix));
        other = new S3MediaStore(S3TestServer.get().settings(prefix));
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
