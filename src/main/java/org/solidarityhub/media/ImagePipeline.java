package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.jspecify.annotations.Nullable;

/**
 * The image pipeline, run on a worker: decode (ImageIO with TwelveMonkeys for JPEG with CMYK or odd profiles and
 * WebP; HEIC through {@link Heif}), subsampled while decoding when the image is far larger than needed, converted to
 * plain sRGB, turned upright by its EXIF orientation and fitted to the web size: that is the master. From the master
 * (with regions blurred, if any) come the web variant and the thumbnail, each written fresh without any metadata and
 * checked by {@link CleanImages}.
 */
final class ImagePipeline {

    /** The variants rendered from a master. */
    record Rendered(Path web, Path thumbnail, String type, int width, int height) {
    }

    private final MediaProperties settings;
    private final Heif heif;

    ImagePipeline(MediaProperties settings, Heif heif) {
        this.settings = settings;
        this.heif = heif;
    }

    /** The upright, metadata-free master of an accepted image upload (or of a video's poster frame). */
    BufferedImage master(Path upload, @Nullable String type, Path workDir) throws IOException {
        boolean isHeif = "image/heic".equals(type) || "image/heif".equals(type);
        Path pixels = isHeif ? heif.toPng(upload, workDir) : upload;
        int orientation = isHeif ? 1 : Orientation.of(upload);
        BufferedImage decoded = decode(pixels, isHeif ? "image/png" : type);
        BufferedImage fitted = Pixels.fit(Pixels.standard(decoded), settings.webSize());
        return Orientation.upright(fitted, orientation);
    }

    /** The master of pixels media drew itself (a PDF's rendered page): plain sRGB, fitted to the web size. */
    BufferedImage master(BufferedImage drawn) {
        return Pixels.fit(Pixels.standard(drawn), settings.webSize());
    }

    /** Writes a master as a lossless PNG (no metadata, checked) to keep privately until publishing. */
    Path writeMaster(BufferedImage master, Path workDir) throws IOException, CleanImages.MetadataLeft {
        return CleanImages.write(master, "image/png", settings.jpegQuality(), workDir);
    }

    /** The web variant and thumbnail of a master, with the regions blurred. */
    Rendered render(BufferedImage master, List<Region> regions, Path workDir) throws IOException, CleanImages.MetadataLeft {
        return render(master, regions, List.of(), workDir);
    }

    /** The web variant and thumbnail of a master, with {@code regions} blurred and {@code redactions} filled black. */
    Rendered render(BufferedImage master, List<Region> regions, List<Region> redactions, Path workDir)
            throws IOException, CleanImages.MetadataLeft {
        BufferedImage blurred = regions.isEmpty() ? master : StrongBlur.apply(master, regions);
        if (!redactions.isEmpty()) {
            blurred = BlackBoxes.apply(blurred, redactions);
        }
        String type = CleanImages.typeFor(blurred);
        Path web = CleanImages.write(blurred, type, settings.jpegQuality(), workDir);
        Path thumbnail = CleanImages.write(Pixels.fit(blurred, settings.thumbnailSize()), type, settings.jpegQuality(), workDir);
        return new Rendered(web, thumbnail, type, blurred.getWidth(), blurred.getHeight());
    }

    /** Decodes an image file (a master or a poster) as it is. */
    static BufferedImage read(Path file) throws IOException {
        return Pixels.standard(decode(file, null, Integer.MAX_VALUE));
    }

    private BufferedImage decode(Path file, @Nullable String type) throws IOException {
        return decode(file, type, settings.webSize());
    }

    /** Decodes, skipping rows and columns while reading when the image is at least twice as large as {@code needed}. */
    private static BufferedImage decode(Path file, @Nullable String type, int needed) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = type == null ? ImageIO.getImageReaders(in) : ImageIO.getImageReadersByMIMEType(type);
            if (!readers.hasNext()) {
                throw new IOException("no image reader for this file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                int step = Math.max(1, longest / Math.max(1, needed));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
