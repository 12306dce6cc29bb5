package org.solidarityhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where processed files live: a local folder under the data directory (the default) or an S3-compatible bucket,
 * chosen by {@code app.media.store}. Keys are random names made by media (letters, digits, '/', '.', '-'); several
 * app instances sharing one bucket see the same objects. Processed files and the private, metadata-free masters are
 * put here, and an upload as received only where its owner asked to keep it (receipts, under {@code original/},
 * never served publicly).
 */
public interface MediaStore {

    /** Stores a file under a key, replacing what was there. */
    void put(String key, Path file, String contentType) throws IOException;

    /** Opens a stored object, empty if there is none; the caller closes the stream. */
    Optional<Stored> open(String key) throws IOException;

    /**
     * Opens part of a stored object, from byte {@code offset} for {@code length} bytes (for HTTP range requests, which
     * browsers need to seek in a video); empty if there is none. Stores override it to avoid reading the skipped bytes.
     */
    default Optional<Stored> open(String key, long offset, long length) throws IOException {
        Optional<Stored> whole = open(key);
        if (whole.isPresent()) {
            whole.get().stream().skipNBytes(offset);
            return Optional.of(new Stored(whole.get().stream(), length, whole.get().contentType()));
        }
        return whole;
    }

    /** Deletes an object; deleting a missing one is no error. */
    void delete(String key) throws IOException;

    /** Whether an object exists under the key. */
    boolean exists(String key) throws IOException;

    /** An open stored object. */
    record Stored(InputStream stream, long length, String contentType) {
    }
}
