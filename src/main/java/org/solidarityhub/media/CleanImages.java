package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.jfif.JfifDirectory;
import com.drew.metadata.jpeg.HuffmanTablesDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.imaging.png.PngChunkType;
import com.drew.metadata.png.PngDirectory;

/**
 * Writes decoded pixels as a new JPEG or PNG with no metadata at all, and proves it by reading the file back: with
 * metadata-extractor (every directory it finds must be on the allow-list below) and by walking the file's own
 * segments or chunks (only image structure, nothing after the end). Anything else fails the upload.
 *
 * <p>The allow-list: for JPEG the frame, quantization, Huffman and scan segments, and one JFIF APP0 header (version,
 * pixel density, no embedded thumbnail); for PNG the IHDR, IDAT and IEND chunks. So no EXIF (with its GPS, serial
 * numbers, dates and thumbnail), XMP, IPTC, Photoshop, ICC profile, comment, text chunk or trailing data remains.
 */
final class CleanImages {

    static final Set<String> JPEG_SEGMENTS = Set.of("APP0", "DQT", "SOF", "DHT", "DRI", "SOS");
    static final Set<String> PNG_CHUNKS = Set.of("IHDR", "IDAT", "IEND");
    private static final Set<Class<? extends Directory>> JPEG_DIRECTORIES = Set.of(
            JpegDirectory.class, JfifDirectory.class, HuffmanTablesDirectory.class, FileTypeDirectory.class);
    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png");

    /** Metadata (or trailing data) remained in an output: the upload is refused. */
    static final class MetadataLeft extends Exception {
        MetadataLeft(String what) {
            super("metadata left in the output: " + what, null, false, false);
        }
    }

    private CleanImages() {
    }

    /** The type media writes for these pixels: PNG when they have transparency, JPEG otherwise. */
    static String typeFor(BufferedImage image) {
        return Pixels.hasAlpha(image) ? "image/png" : "image/jpeg";
    }

    static String extension(String type) {
        return EXTENSIONS.get(type);
    }

    /** Writes the pixels into a new file in {@code folder} and checks it; returns the file. */
    static Path write(BufferedImage image, String type, float jpegQuality, Path folder) throws IOException, MetadataLeft {
        Path file = Files.createTempFile(folder, "out-", "." + extension(type));
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(type).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type.equals("image/jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
                param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        verify(file, type);
        return file;
    }

    /** Fails unless the file holds nothing but image structure (see the class comment). */
    static void verify(Path file, String type) throws IOException, MetadataLeft {
        ImageExtent extent = ImageExtent.of(file, type).orElseThrow(() -> new MetadataLeft("unreadable structure"));
        if (extent.end() != Files.size(file)) {
            throw new MetadataLeft("data after the image's end");
        }
        Set<String> allowed = type.equals("image/png") ? PNG_CHUNKS : JPEG_SEGMENTS;
        List<String> extra = extent.segments().stream().filter(s -> !allowed.contains(s)).toList();
        if (!extra.isEmpty()) {
            throw new MetadataLeft("segments " + extra);
        }
        if (type.equals("image/jpeg") && extent.segments().stream().filter("APP0"::equals).count() > 1) {
            throw new MetadataLeft("more than one APP0 segment");
        }
        Metadata metadata;
        try (InputStream in = Files.newInputStream(file)) {
            metadata = ImageMetadataReader.readMetadata(in);
        } catch (ImageProcessingException e) {
            throw new MetadataLeft("metadata-extractor could not read it");
        }
        for (Directory directory : metadata.getDirectories()) {
            if (directory.hasErrors() || !allowedDirectory(directory, type)) {
                throw new MetadataLeft("directory " + directory.getName());
            }
        }
    }

    private static boolean allowedDirectory(Directory directory, String type) {
        if (directory instanceof JfifDirectory jfif) {
            Integer thumbWidth = jfif.getInteger(JfifDirectory.TAG_THUMB_WIDTH);
            Integer thumbHeight = jfif.getInteger(JfifDirectory.TAG_THUMB_HEIGHT);
            return type.equals("image/jpeg") && (thumbWidth == null || thumbWidth == 0) && (thumbHeight == null || thumbHeight == 0);
        }
        if (directory instanceof PngDirectory png) {
            return type.equals("image/png") && png.getPngChunkType().equals(PngChunkType.IHDR);
        }
        if (directory instanceof FileTypeDirectory) {
            return true;
        }
        return type.equals("image/jpeg") && JPEG_DIRECTORIES.contains(directory.getClass());
    }
}
