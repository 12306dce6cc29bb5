package org.solidarityhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The default store: a folder (under the data directory). Each file is written beside its place and moved in, so a
 * reader never sees half a file; the content type is told by the key's extension, which media always sets.
 */
final class LocalMediaStore implements MediaStore {

    private final Path root;

    LocalMediaStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<Stored> open(String key) throws IOException {
        Path file = resolve(key);
        try {
            InputStream stream = Files.newInputStream(file);
            return Optional.of(new Stored(stream, Files.size(file), MediaKeys.contentType(key)));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Stored> open(String key, long offset, long length) throws IOException {
        Path file = resolve(key);
        try {
            var channel = java.nio.channels.FileChannel.open(file).position(offset);
            InputStream stream = java.nio.channels.Channels.newInputStream(channel);
            return Optional.of(new Stored(new BoundedInput(stream, length), length, MediaKeys.contentType(key)));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    private Path resolve(String key) {
        MediaKeys.check(key);
        return root.resolve(key);
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class BoundedInput extends java.io.FilterInputStream {

        private long remaining;

        BoundedInput(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }
    }
}
