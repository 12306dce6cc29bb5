package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every {@link MediaStore} shares; run against the local folder and against a real S3 API server. */
abstract class MediaStoreContract {

    @TempDir
    Path temp;

    abstract MediaStore store();

    /** A second store on the same storage, as a second app instance sees it. */
    abstract MediaStore sameStorageElsewhere();

    Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(temp, "f", ".bin"), content);
    }

    static byte[] read(MediaStore.Stored stored) throws IOException {
        try (InputStream in = stored.stream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void storedObjectIsReadBackWithItsLengthAndType() throws IOException {
        String key = MediaKeys.newName("jpg");
        store().put(key, file(new byte[] {1, 2, 3, 4, 5}), "image/jpeg");

        MediaStore.Stored stored = store().open(key).orElseThrow();

        assertThat(stored.length()).isEqualTo(5);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(read(stored)).containsExactly(1, 2, 3, 4, 5);
        assertThat(store().exists(key)).isTrue();
    }

    @Test
    void anotherInstanceOnTheSameStorageSeesTheSameObjects() throws IOException {
        String key = MediaKeys.newMasterKey("png");
        store().put(key, file(new byte[] {9, 8, 7}), "image/png");

        assertThat(read(sameStorageElsewhere().open(key).orElseThrow())).containsExactly(9, 8, 7);
        sameStorageElsewhere().delete(key);
        assertThat(store().open(key)).isEmpty();
    }

    @Test
    void keptOriginalsAreStoredUnderTheirOwnFolderWithTheirType() throws IOException {
        String key = MediaKeys.newOriginalKey("application/pdf");
        assertThat(key).matches("original/[0-9a-f]{32}\\.pdf");
        assertThat(MediaKeys.isPublicName(key)).isFalse();
        assertThat(MediaKeys.isPublicName(key.substring("original/".length()))).as("no public name is a pdf").isFalse();
        store().put(key, file(new byte[] {'%', 'P', 'D', 'F', '-'}), "application/pdf");

        MediaStore.Stored stored = store().open(key).orElseThrow();
        assertThat(read(stored)).containsExactly('%', 'P', 'D', 'F', '-');
        assertThat(sameStorageElsewhere().exists(key)).isTrue();
        store().delete(key);
        assertThat(store().exists(key)).isFalse();
    }

    @Test
    void partOfAnObjectCanBeRead() throws IOException {
        String key = MediaKeys.newName("mp4");
        store().put(key, file(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), "video/mp4");

        MediaStore.Stored part = store().open(key, 3, 4).orElseThrow();

        assertThat(part.length()).isEqualTo(4);
        assertThat(read(part)).containsExactly(3, 4, 5, 6);
    }

    @Test
    void putReplacesAndDeleteRemoves() throws IOException {
        String key = MediaKeys.newName("png");
        store().put(key, file(new byte[] {1}), "image/png");
        store().put(key, file(new byte[] {2, 2}), "image/png");
        assertThat(read(store().open(key).orElseThrow())).containsExactly(2, 2);

        store().delete(key);
        store().delete(key); // deleting a missing object is no error

        assertThat(store().open(key)).isEmpty();
        assertThat(store().exists(key)).isFalse();
    }

    @Test
    void missingObjectIsEmpty() throws IOException {
        assertThat(store().open(MediaKeys.newName("jpg"))).isEmpty();
        assertThat(store().exists(MediaKeys.newName("jpg"))).isFalse();
    }

    @Test
    void keysThatMediaDoesNotMakeAreRejected() {
        for (String key : new String[] {"../etc/passwd", "/abs.jpg", "master/../x.jpg", "x.jpg", "ABCDEF.html", "",
                "original/../x.pdf", "master/" + "0".repeat(32) + ".pdf", "0".repeat(32) + ".pdf"}) {
            assertThatThrownBy(() -> store().open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().put(key, temp, "image/jpeg")).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
