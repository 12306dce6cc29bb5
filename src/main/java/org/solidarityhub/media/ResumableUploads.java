package org.solidarityhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.solidarityhub.platform.Tokens;
import org.springframework.stereotype.Service;

/**
 * Uploads sent in pieces that survive a slow or interrupted connection (the core of the tus protocol: a feature's
 * controller speaks the HTTP, see docs/media.md, "Resumable uploads"). An upload is {@link #start started} with its
 * total length, bound to the form it belongs to, and named by an unguessable id (only its hash is stored); pieces
 * are {@link #append appended} at the offset the server has, which a client asks for again after an interruption;
 * once complete, the form {@link #take takes} it through {@link Media#accept}, with exactly the checks of any other
 * upload, and the bytes are deleted whatever the outcome. The bytes lie in the private work folder; uploads not
 * taken within {@code app.media.resumable-expiry} are {@link #eraseStartedBefore erased}.
 */
@Service
public class ResumableUploads {

    /** A piece was sent for another offset than the one the server has: send from {@link #current()}. */
    public static final class OffsetMismatch extends RuntimeException {
        private final long current;

        OffsetMismatch(long current) {
            super("offset mismatch", null, false, false);
            this.current = current;
        }

        public long current() {
            return current;
        }
    }

    /** How far an upload has come. */
    public record Progress(long offset, long length) {

        public boolean complete() {
            return offset == length;
        }
    }

    private final ResumableUploadRows rows;
    private final Media media;
    private final MediaProperties settings;
    private final Path folder;
    private final Set<String> writing = ConcurrentHashMap.newKeySet();

    ResumableUploads(ResumableUploadRows rows, Media media, MediaProperties settings,
                     MediaConfiguration.MediaWorkFolder work) throws IOException {
        this.rows = rows;
        this.media = media;
        this.settings = settings;
        this.folder = Files.createDirectories(work.path().resolve("resumable"));
    }

    /** The largest upload accepted (the larger of the image and video caps; the type's own cap applies at the end). */
    public long maxSize() {
        return Math.max(settings.maxImageSize().toBytes(), settings.maxVideoSize().toBytes());
    }

    /** How long an upload may wait to be taken. */
    public Duration expiry() {
        return settings.resumableExpiry();
    }

    /**
     * Starts an upload of {@code length} bytes for {@code form} (a feature's name for the form, such as
     * {@code reports:event:12}).
     *
     * @return its id, the only way to reach it
     * @throws MediaRefusedException {@code media.refused.empty} or {@code media.refused.tooLarge}
     */
    public String start(String form, long length) {
        if (length <= 0) {
            throw new MediaRefusedException("media.refused.empty");
        }
        if (length > maxSize()) {
            throw new MediaRefusedException("media.refused.tooLarge");
        }
        String id = Tokens.newToken();
        rows.insert(Tokens.hash(id), form, length);
        return id;
    }

    /** How far the upload has come; {@link NoSuchElementException} for an unknown, forged or erased id. */
    public Progress progress(String id) {
        ResumableUploadRows.Row row = row(id);
        return new Progress(row.received(), row.length());
    }

    /**
     * Appends a piece at {@code offset}. Bytes that arrive before the connection breaks are kept and counted, so the
     * client resumes from there. A piece that would go past the declared length refuses the whole upload and deletes
     * its bytes.
     *
     * @return the new offset
     * @throws OffsetMismatch         when {@code offset} is not the server's (or another piece is being written)
     * @throws MediaRefusedException  {@code media.refused.tooLarge} past the declared length
     * @throws NoSuchElementException for an unknown id
     */
    public Progress append(String id, long offset, InputStream piece) {
        ResumableUploadRows.Row row = row(id);
        if (offset != row.received() || !writing.add(row.idHash())) {
            throw new OffsetMismatch(row.received());
        }
        long written = 0;
        if (offset > 0 && !hasBytes(row.idHash(), offset)) {
            // the work folder was emptied (a restart): the bytes are gone, so is the upload
            erase(row.idHash());
            writing.remove(row.idHash());
            throw new NoSuchElementException("no such upload");
        }
        try (FileChannel out = FileChannel.open(file(row.idHash()), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(offset); // a piece cut off while being written counts only as far as it was recorded
            out.position(offset);
            byte[] buffer = new byte[64 * 1024];
            int read;
            try {
                while ((read = piece.read(buffer)) != -1) {
                    if (offset + written + read > row.length()) {
                        erase(row.idHash());
                        throw new MediaRefusedException("media.refused.tooLarge");
                    }
                    out.write(ByteBuffer.wrap(buffer, 0, read));
                    written += read;
                }
            } catch (IOException broken) {
                // the connection broke: keep what arrived (recorded below), the client asks for the offset and resumes
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("a piece of an upload could not be stored", e);
        } finally {
            writing.remove(row.idHash());
        }
        if (!rows.advance(row.idHash(), offset, offset + written)) {
            throw new OffsetMismatch(row(id).received());
        }
        return new Progress(offset + written, row.length());
    }

    /** Ends an upload at the client's wish (tus termination): its bytes are deleted. */
    public void cancel(String id) {
        erase(row(id).idHash());
    }

    /**
     * Hands a complete upload of this form to {@link Media#accept}, with exactly the checks of any upload, and deletes
     * its bytes whatever the outcome: an id is taken once.
     *
     * @throws NoSuchElementException for an unknown id, one of another form, or one not complete
     * @throws MediaRefusedException  as {@link Media#accept} refuses
     */
    public MediaItem take(String id, String form, MediaOwner owner) {
        ResumableUploadRows.Row row = row(id);
        if (!row.form().equals(form) || !row.complete()) {
            throw new NoSuchElementException("no complete upload for this form");
        }
        try (InputStream in = Files.newInputStream(file(row.idHash()))) {
            return media.accept(in, row.length(), owner);
        } catch (IOException e) {
            throw new UncheckedIOException("an upload could not be read", e);
        } finally {
            erase(row.idHash());
        }
    }

    /** Erases the uploads started before the cut-off, with their bytes (run by the retention job); returns how many. */
    public int eraseStartedBefore(Instant cutOff) {
        int erased = 0;
        for (String idHash : rows.startedBefore(cutOff)) {
            if (erase(idHash)) {
                erased++;
            }
        }
        return erased;
    }

    private ResumableUploadRows.Row row(String id) {
        if (!Tokens.looksLikeToken(id)) {
            throw new NoSuchElementException("no such upload");
        }
        return rows.find(Tokens.hash(id)).orElseThrow(() -> new NoSuchElementException("no such upload"));
    }

    private boolean erase(String idHash) {
        boolean deleted = rows.delete(idHash);
        MediaProcessing.deleteQuietly(file(idHash));
        return deleted;
    }

    private boolean hasBytes(String idHash, long count) {
        try {
            return Files.size(file(idHash)) >= count;
        } catch (IOException missing) {
            return false;
        }
    }

    private Path file(String idHash) {
        return folder.resolve(idHash + ".part");
    }
}
