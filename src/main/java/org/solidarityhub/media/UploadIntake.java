package org.solidarityhub.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.Tika;

/**
 * The checks an upload passes on the request thread, before it is queued: it is copied into the private work folder
 * under the size cap, its type is decided from its content (Apache Tika's detector; no name and no client header is
 * ever consulted), an image's dimensions are read from its header, and data appended after the image (a JPEG that is
 * also a ZIP) is refused. Whatever is refused is deleted at once.
 */
final class UploadIntake {

    /**
     * An upload that passed the checks, lying in the work folder. A PDF is of kind {@link MediaKind#IMAGE}, type
     * {@code application/pdf}, with the rendered size of each page in {@code pages} (empty for anything else).
     */
    record Accepted(Path file, MediaKind kind, String type, int width, int height, long size,
                    List<PdfPages.PageSize> pages) {

        Accepted(Path file, MediaKind kind, String type, int width, int height, long size) {
            this(file, kind, type, width, height, size, List.of());
        }

        boolean pdf() {
            return type.equals(PDF);
        }
    }

    static final String PDF = "application/pdf";

    static final Map<String, MediaKind> ALLOWED = Map.of(
            "image/jpeg", MediaKind.IMAGE,
            "image/png", MediaKind.IMAGE,
            "image/webp", MediaKind.IMAGE,
            "image/heic", MediaKind.IMAGE,
            "image/heif", MediaKind.IMAGE,
            "video/mp4", MediaKind.VIDEO,
            "video/quicktime", MediaKind.VIDEO,
            "video/webm", MediaKind.VIDEO);

    /** What may follow an image's end without refusing it: nothing recognizable, or a phone's "motion photo" video. */
    private static final Set<String> HARMLESS_TRAILERS = Set.of(
            "application/octet-stream", "video/mp4", "video/quicktime");
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final byte[] PDF_START = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PDF_END = {'%', '%', 'E', 'O', 'F'};

    private final MediaProperties settings;
    private final Path workDir;
    private final Heif heif;
    private final PdfPages pdfs;
    private final Tika tika = new Tika();

    UploadIntake(MediaProperties settings, Path workDir, Heif heif, PdfPages pdfs) {
        this.settings = settings;
        this.workDir = workDir;
        this.heif = heif;
        this.pdfs = pdfs;
    }

    /**
     * Checks an upload. {@code videoAvailable} says whether videos can be processed now, the owner's options whether
     * videos and PDFs (receipts) are taken at all.
     *
     * @throws MediaRefusedException with the reason; nothing of the upload is left behind
     */
    Accepted take(InputStream content, long declaredSize, boolean videoAvailable, MediaOptions options) throws IOException {
        boolean documents = options.documents();
        long cap = options.videos() ? Math.max(settings.maxImageSize().toBytes(), settings.maxVideoSize().toBytes())
                : settings.maxImageSize().toBytes();
        if (documents) {
            cap = Math.max(cap, settings.pdf().maxSize().toBytes());
        }
        if (declaredSize > cap) {
            throw new MediaRefusedException("media.refused.tooLarge");
        }
        Path file = Files.createTempFile(workDir, "upload-", ".bin");
        boolean keep = false;
        try {
            long size = copyCapped(content, file, cap);
            Accepted accepted = documents && detect(file).equals(PDF) && size > 0
                    ? checkPdf(file, size) : check(file, size, videoAvailable, options.videos());
            keep = true;
            return accepted;
        } catch (MediaRefusedException refused) {
            // the message names what is accepted: for owners of documents PDFs too, for owners of pictures no video
            if (!refused.reasonKey().equals("media.refused.type")) {
                throw refused;
            }
            throw documents ? new MediaRefusedException("media.refused.documentType")
                    : options.videos() ? refused : new MediaRefusedException("media.refused.imageOnly");
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static long copyCapped(InputStream content, Path file, long cap) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                total += read;
                if (total > cap) {
                    throw new MediaRefusedException("media.refused.tooLarge");
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    private Accepted check(Path file, long size, boolean videoAvailable, boolean videosTaken) throws IOException {
        if (size == 0) {
            throw new MediaRefusedException("media.refused.empty");
        }
        String type = detect(file);
        MediaKind kind = ALLOWED.get(type);
        if (kind == null || opensAsZipOrPdf(file)) {
            throw new MediaRefusedException("media.refused.type");
        }
        if (kind == MediaKind.VIDEO) {
            if (!videosTaken) {
                throw new MediaRefusedException("media.refused.imageOnly");
            }
            if (!videoAvailable) {
                throw new MediaRefusedException("media.refused.videoUnavailable");
            }
            if (size > settings.maxVideoSize().toBytes()) {
                throw new MediaRefusedException("media.refused.tooLarge");
            }
            return new Accepted(file, kind, type, 0, 0, size);
        }
        if (size > settings.maxImageSize().toBytes()) {
            throw new MediaRefusedException("media.refused.tooLarge");
        }
        boolean isHeif = type.equals("image/heic") || type.equals("image/heif");
        if (isHeif && !heif.available()) {
            throw new MediaRefusedException("media.refused.heicUnavailable");
        }
        int[] dimensions = isHeif ? Heif.declaredSize(file) : headerSize(file, type);
        if (dimensions[0] <= 0 || dimensions[1] <= 0) {
            throw new MediaRefusedException("media.refused.truncated");
        }
        if ((long) dimensions[0] * dimensions[1] > settings.maxPixels()) {
            throw new MediaRefusedException("media.refused.tooManyPixels");
        }
        ImageExtent extent = ImageExtent.of(file, type)
                .orElseThrow(() -> new MediaRefusedException("media.refused.truncated"));
        if (extent.end() < size && !harmlessTrailer(file, extent.end())) {
            throw new MediaRefusedException("media.refused.type");
        }
        return new Accepted(file, kind, type, dimensions[0], dimensions[1], size);
    }

    /**
     * A PDF (for owners that accept documents): it must start with its header and end with its end marker (a PDF
     * cut off is refused as truncated, not repaired), must not also open as a ZIP, and must pass {@link PdfPages}'
     * checks (not encrypted, 1 to max-pages pages of a sane size).
     */
    private Accepted checkPdf(Path file, long size) throws IOException {
        if (size > settings.pdf().maxSize().toBytes()) {
            throw new MediaRefusedException("media.refused.tooLarge");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, PDF_START.length));
            if (indexOf(head, PDF_START).orElse(-1) != 0) {
                throw new MediaRefusedException("media.refused.type");
            }
            long tailStart = Math.max(0, size - 65_557);
            ByteBuffer tail = channel.map(FileChannel.MapMode.READ_ONLY, tailStart, size - tailStart);
            if (indexOf(tail, ZIP_END).isPresent()) {
                throw new MediaRefusedException("media.refused.type");
            }
            long endStart = Math.max(0, size - 1024);
            if (indexOf(channel.map(FileChannel.MapMode.READ_ONLY, endStart, size - endStart), PDF_END).isEmpty()) {
                throw new MediaRefusedException("media.refused.truncated");
            }
        }
        Path scratch = Files.createTempDirectory(workDir, "pdf-check-");
        try {
            List<PdfPages.PageSize> pages = pdfs.inspect(file, scratch);
            return new Accepted(file, MediaKind.IMAGE, PDF, pages.getFirst().width(), pages.getFirst().height(), size, pages);
        } finally {
            MediaProcessing.deleteQuietly(scratch);
        }
    }

    private String detect(Path file) throws IOException {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = tika.detect(in);
        }
        return type.endsWith("/x-matroska") && isWebm(file) ? "video/webm" : type;
    }

    /**
     * Whether a Matroska file is WebM: its EBML header's DocType element (id 0x4282) says {@code webm}. Tika's
     * detector alone does not tell WebM from other Matroska files, which are not accepted.
     */
    static boolean isWebm(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        for (int i = 4; i + 3 < head.length; i++) {
            if ((head[i] & 0xFF) == 0x42 && (head[i + 1] & 0xFF) == 0x82 && (head[i + 2] & 0x80) != 0) {
                int length = head[i + 2] & 0x7F;
                return length == 4 && i + 3 + length <= head.length
                        && new String(head, i + 3, length, java.nio.charset.StandardCharsets.US_ASCII).equals("webm");
            }
        }
        return false;
    }

    /** Width and height from the image's header, without decoding its pixels; zeros when unreadable. */
    private static int[] headerSize(Path file, String type) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (in == null || !readers.hasNext()) {
                return new int[] {0, 0};
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } catch (IOException | RuntimeException unreadable) {
                return new int[] {0, 0};
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Whether a ZIP reader (which looks for the end record in the last 64 KiB) or a PDF reader (which looks for its
     * header in the first KiB) would open the file as theirs: such polyglots are refused whatever they start with.
     */
    static boolean opensAsZipOrPdf(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long tailStart = Math.max(0, size - 65_557);
            ByteBuffer tail = channel.map(FileChannel.MapMode.READ_ONLY, tailStart, size - tailStart);
            ByteBuffer head = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, 1024));
            return indexOf(tail, ZIP_END).isPresent() || indexOf(head, PDF_START).isPresent();
        }
    }

    private boolean harmlessTrailer(Path file, long end) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.skipNBytes(end);
            in.mark(64 * 1024);
            boolean allZero = true;
            int b;
            int seen = 0;
            while (seen < 64 * 1024 && (b = in.read()) != -1) {
                allZero &= b == 0;
                seen++;
            }
            in.reset();
            return allZero || HARMLESS_TRAILERS.contains(tika.detect(in));
        }
    }

    private static Optional<Integer> indexOf(ByteBuffer haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.limit(); i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return Optional.of(i);
        }
        return Optional.empty();
    }
}
