package org.solidarityhub.media;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The local folder store against the shared store behaviour. */
class LocalMediaStoreTest extends MediaStoreContract {

    @Override
    MediaStore store() {
        return at();
    }

    @Override
    MediaStore sameStorageElsewhere() {
        return at();
    }

    private LocalMediaStore at() {
        try {
            return new LocalMediaStore(temp.resolve("store"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
