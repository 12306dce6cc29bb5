package org.solidarityhub.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the structure of a JPEG, PNG, WebP or HEIF file without decoding it: where the image ends (to find a
 * truncated file, or data appended after it, as in a JPEG that is also a ZIP), and which segments or chunks it has
 * (to check our own output carries nothing but image structure).
 *
 * @param end      offset just after the image's last byte
 * @param segments the JPEG markers ({@code APP1}, {@code COM}, ...), PNG chunk types or top-level boxes, in order
 */
record ImageExtent(long end, List<String> segments) {

    /** The extent of a file of the given type; empty when the file ends before its image does (truncated). */
    static Optional<ImageExtent> of(Path file, String type) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return switch (type) {
                case "image/jpeg" -> jpeg(bytes);
                case "image/png" -> png(bytes);
                case "image/webp" -> webp(bytes);
                case "image/heic", "image/heif" -> boxes(bytes);
                default -> throw new IllegalArgumentException("no extent for " + type);
            };
        } catch (IndexOutOfBoundsException | IllegalArgumentException truncated) {
            return Optional.empty();
        }
    }

    private static Optional<ImageExtent> jpeg(ByteBuffer b) {
        List<String> segments = new ArrayList<>();
        int pos = 2;
        if ((b.get(0) & 0xFF) != 0xFF || (b.get(1) & 0xFF) != 0xD8) {
            return Optional.empty();
        }
        while (true) {
            if ((b.get(pos) & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            while ((b.get(pos) & 0xFF) == 0xFF) {
                pos++;
            }
            int marker = b.get(pos++) & 0xFF;
            if (marker == 0xD9) {
                return Optional.of(new ImageExtent(pos, segments));
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            segments.add(jpegMarkerName(marker));
            int length = ((b.get(pos) & 0xFF) << 8) | (b.get(pos + 1) & 0xFF);
            if (length < 2) {
                return Optional.empty();
            }
            pos += length;
            if (marker == 0xDA) {
                pos = afterEntropyCodedData(b, pos);
            }
        }
    }

    /** The offset of the first marker after scan data (0xFF followed by neither 0x00 nor a restart marker). */
    private static int afterEntropyCodedData(ByteBuffer b, int pos) {
        while (true) {
            if ((b.get(pos) & 0xFF) == 0xFF) {
                int next = b.get(pos + 1) & 0xFF;
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    return pos;
                }
            }
            pos++;
        }
    }

    private static String jpegMarkerName(int marker) {
        if (marker >= 0xE0 && marker <= 0xEF) {
            return "APP" + (marker - 0xE0);
        }
        return switch (marker) {
            case 0xFE -> "COM";
            case 0xDA -> "SOS";
            case 0xDB -> "DQT";
            case 0xC4 -> "DHT";
            case 0xDD -> "DRI";
            case 0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> "SOF";
            default -> String.format("0x%02X", marker);
        };
    }

    private static Optional<ImageExtent> png(ByteBuffer b) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        for (int i = 0; i < signature.length; i++) {
            if (b.get(i) != signature[i]) {
                return Optional.empty();
            }
        }
        List<String> chunks = new ArrayList<>();
        long pos = 8;
        b.order(ByteOrder.BIG_ENDIAN);
        while (true) {
            long length = Integer.toUnsignedLong(b.getInt(Math.toIntExact(pos)));
            String type = ascii(b, Math.toIntExact(pos + 4), 4);
            long next = pos + 12 + length;
            if (next > b.limit()) {
                return Optional.empty();
            }
            chunks.add(type);
            pos = next;
            if (type.equals("IEND")) {
                return Optional.of(new ImageExtent(pos, chunks));
            }
        }
    }

    private static Optional<ImageExtent> webp(ByteBuffer b) {
        if (!ascii(b, 0, 4).equals("RIFF") || !ascii(b, 8, 4).equals("WEBP")) {
            return Optional.empty();
        }
        b.order(ByteOrder.LITTLE_ENDIAN);
        long size = Integer.toUnsignedLong(b.getInt(4));
        long end = 8 + size + (size & 1);
        if (end > b.limit()) {
            return Optional.empty();
        }
        List<String> chunks = new ArrayList<>();
        int pos = 12;
        while (pos + 8 <= end) {
            chunks.add(ascii(b, pos, 4));
            long length = Integer.toUnsignedLong(b.getInt(pos + 4));
            pos = Math.toIntExact(pos + 8 + length + (length & 1));
        }
        return Optional.of(new ImageExtent(end, chunks));
    }

    /** ISO base media (HEIF) top-level boxes; the image ends after the last well-formed box. */
    private static Optional<ImageExtent> boxes(ByteBuffer b) {
        b.order(ByteOrder.BIG_ENDIAN);
        List<String> boxes = new ArrayList<>();
        long pos = 0;
        while (pos + 8 <= b.limit()) {
            long size = Integer.toUnsignedLong(b.getInt(Math.toIntExact(pos)));
            String type = ascii(b, Math.toIntExact(pos + 4), 4);
            if (size == 1) {
                size = b.getLong(Math.toIntExact(pos + 8));
            } else if (size == 0) {
                size = b.limit() - pos;
            }
            if (size < 8 || !type.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                break;
            }
            if (pos + size > b.limit()) {
                return Optional.empty();
            }
            boxes.add(type);
            pos += size;
        }
        return boxes.isEmpty() ? Optional.empty() : Optional.of(new ImageExtent(pos, boxes));
    }

    private static String ascii(ByteBuffer b, int at, int length) {
        byte[] bytes = new byte[length];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
