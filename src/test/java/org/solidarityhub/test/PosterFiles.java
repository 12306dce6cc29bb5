package org.solidarityhub.test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading a poster's PDF as a person would: its pages, its text, its picture, and the QR code on it. */
public final class PosterFiles {

    /** What a test needs of a one-page PDF. */
    public record Pdf(int pages, PDRectangle size, String text, BufferedImage picture, int fonts, boolean fontsEmbedded) {
    }

    private PosterFiles() {
    }

    /** Loads the PDF with PDFBox (failing when it is not one) and renders its first page at 100 dpi. */
    public static Pdf read(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            var page = document.getPage(0);
            int fonts = 0;
            boolean embedded = true;
            for (var name : page.getResources().getFontNames()) {
                var font = page.getResources().getFont(name);
                fonts++;
                embedded &= font.isEmbedded();
            }
            BufferedImage picture = new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.RGB);
            return new Pdf(document.getNumberOfPages(), page.getMediaBox(), new PDFTextStripper().getText(document), picture,
                    fonts, embedded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the QR code in the picture, read by ZXing. */
    public static String qr(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] pixels = picture.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.QR_CODE))).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in the picture", e);
        }
    }

    /** Keeps the picture under target/posters/ to look at. */
    public static void keep(BufferedImage picture, String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "posters"));
            ImageIO.write(picture, "png", folder.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
