package org.solidarityhub.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.JpegImageData;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Real image files made in the test: drawn with Java2D, encoded by ImageIO, and given metadata by a real writer
 * (Apache Commons Imaging for EXIF with GPS, XMP and IPTC; a comment segment written by hand).
 */
public final class TestImages {

    static final String SERIAL = "CANARY-SERIAL-4711";
    static final String BYLINE = "Canary Photographer";
    static final String XMP_CITY = "CanaryCity";
    static final String COMMENT = "canary comment: taken at the square";
    static final String THUMB_SERIAL = "CANARY-THUMB-SERIAL";

    private TestImages() {
    }

    /**
     * An upright picture, {@code width} × {@code height}: grey, with a red block in the top-left corner and a blue
     * block in the top-right corner, so that its orientation can be told from its pixels.
     */
    static BufferedImage marked(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 4, height / 4);
        g.setColor(Color.BLUE);
        g.fillRect(width - width / 4, 0, width / 4, height / 4);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(int width, int height) {
        return encode(marked(width, height), "jpeg");
    }

    /**
     * How a camera stores the upright {@code picture} for an orientation tag: the stored pixels are the upright
     * picture turned back, so that applying the tag shows it upright.
     */
    static BufferedImage storedFor(BufferedImage picture, int orientation) {
        int inverse = switch (orientation) {
            case 6 -> 8;
            case 8 -> 6;
            default -> orientation; // 1-5 and 7 are their own inverses
        };
        return Orientation.upright(picture, inverse);
    }

    /**
     * The canary: a JPEG carrying GPS, a camera serial number, an orientation, an EXIF thumbnail that has its own
     * EXIF (with another serial), XMP with a location, an IPTC by-line and a comment segment.
     */
    static byte[] canary(BufferedImage picture, int orientation) {
        try {
            byte[] thumbnail = withExif(encode(marked(160, 120), "jpeg"), 1, THUMB_SERIAL, null);
            byte[] jpeg = withExif(encode(storedFor(picture, orientation), "jpeg"), orientation, SERIAL, thumbnail);
            ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
            new JpegXmpRewriter().updateXmpXml(jpeg, withXmp, """
                    <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
                      photoshop:City="%s" photoshop:Country="Canaryland"/></rdf:RDF></x:xmpmeta>""".formatted(XMP_CITY));
            ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
            new JpegIptcRewriter().writeIptc(withXmp.toByteArray(), withIptc,
                    new PhotoshopApp13Data(List.of(new IptcRecord(IptcTypes.BYLINE, BYLINE),
                            new IptcRecord(IptcTypes.CITY, XMP_CITY)), List.of()));
            return withComment(withIptc.toByteArray(), COMMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withExif(byte[] jpeg, int orientation, String serial, byte[] thumbnail) throws IOException {
        TiffOutputSet exif = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "CanaryCam");
        root.add(TiffTagConstants.TIFF_TAG_MODEL, "Canary 1");
        TiffOutputDirectory exifDirectory = exif.getOrCreateExifDirectory();
        exifDirectory.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, serial);
        exifDirectory.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2025:02:24 10:00:00");
        exif.setGpsInDegrees(30.5234, 50.4501);
        if (thumbnail != null) {
            TiffOutputDirectory ifd1 = new TiffOutputDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_DIR_1, ByteOrder.BIG_ENDIAN);
            ifd1.setJpegImageData(new JpegImageData(0, thumbnail.length, thumbnail));
            exif.addDirectory(ifd1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        } catch (ImagingException e) {
            throw new IOException(e);
        }
        return out.toByteArray();
    }

    /** A COM segment right after the start of image. */
    static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        out.write((text.length + 2) >> 8);
        out.write((text.length + 2) & 0xFF);
        out.writeBytes(text);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
