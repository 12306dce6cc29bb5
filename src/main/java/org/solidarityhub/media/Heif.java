package org.solidarityhub.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HEIC/HEIF photos (what iPhones take). No maintained pure-Java decoder exists, so they are decoded by Debian's
 * {@code heif-convert} (package libheif-examples), run as a separate process with no input, into a PNG that the
 * image pipeline then treats like any upload (the PNG's pixels only; libheif has already applied the rotation and
 * mirroring the HEIF file asks for). Without the command, HEIC uploads are refused with a message.
 */
final class Heif {

    private static final Logger log = LoggerFactory.getLogger(Heif.class);
    private static final long TIMEOUT_SECONDS = 120;

    private final String command;
    private final boolean available;

    Heif(String command) {
        this.command = command;
        this.available = runs(command);
        if (!available) {
            log.info("HEIC/HEIF photos are refused: '{}' cannot be run (install Debian's libheif-examples)", command);
        }
    }

    boolean available() {
        return available;
    }

    /** Width and height of the largest image the file declares (its 'ispe' properties), read without decoding. */
    static int[] declaredSize(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.BIG_ENDIAN);
            int[] largest = {0, 0};
            walk(b, 0, b.limit(), largest);
            return largest;
        } catch (IndexOutOfBoundsException | ArithmeticException broken) {
            return new int[] {0, 0};
        }
    }

    private static void walk(ByteBuffer b, int from, int to, int[] largest) {
        int pos = from;
        while (pos + 8 <= to) {
            long size = Integer.toUnsignedLong(b.getInt(pos));
            String type = new String(new byte[] {b.get(pos + 4), b.get(pos + 5), b.get(pos + 6), b.get(pos + 7)},
                    StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = b.getLong(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < header || pos + size > to) {
                return;
            }
            int end = Math.toIntExact(pos + size);
            switch (type) {
                case "meta" -> walk(b, pos + header + 4, end, largest); // a full box: version and flags first
                case "iprp", "ipco" -> walk(b, pos + header, end, largest);
                case "ispe" -> {
                    int width = b.getInt(pos + header + 4);
                    int height = b.getInt(pos + header + 8);
                    if ((long) width * height > (long) largest[0] * largest[1] || width < 0 || height < 0) {
                        largest[0] = width < 0 ? Integer.MAX_VALUE : width;
                        largest[1] = height < 0 ? Integer.MAX_VALUE : height;
                    }
                }
                default -> {
                }
            }
            pos = end;
        }
    }

    /** Decodes the primary image into a PNG in {@code workDir}. */
    Path toPng(Path heif, Path workDir) throws IOException {
        Path png = Files.createTempFile(workDir, "heif-", ".png");
        Files.delete(png);
        Process process = new ProcessBuilder(List.of(command, "--quiet", heif.toString(), png.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("heif-convert took longer than " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding HEIF", e);
        }
        // a file with several top-level images gives name-1.png, name-2.png, ...: the first is the primary one
        Path first = png.resolveSibling(png.getFileName().toString().replace(".png", "-1.png"));
        Path decoded = Files.isRegularFile(png) ? png : first;
        if (process.exitValue() != 0 || !Files.isRegularFile(decoded)) {
            throw new IOException("heif-convert failed with exit code " + process.exitValue());
        }
        return decoded;
    }

    private static boolean runs(String command) {
        try {
            Process process = new ProcessBuilder(command, "--help")
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
