package org.solidarityhub.platform;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code made on the server (ZXing): as inline SVG for pages (no script, no image service, nothing from
 * elsewhere), or as its grid of modules for a writer that draws them itself (the posters' PDF draws each dark module
 * as a rectangle). The grid includes the quiet zone of four modules around the code.
 */
public final class QrCode {

    /** The quiet zone around the code, in modules (the standard's minimum). */
    public static final int MARGIN = 4;

    private final BitMatrix matrix;

    private QrCode(BitMatrix matrix) {
        this.matrix = matrix;
    }

    /** The code of this text (UTF-8, error correction M); IllegalArgumentException when it is too long for one. */
    public static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, MARGIN, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8")));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code", e);
        }
    }

    /** The code of this text as inline SVG, 240 pixels wide unless CSS says otherwise, named by {@code label}. */
    public static String svg(String text, String label) {
        return of(text).svg(label);
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return matrix.getWidth();
    }

    /** Whether the module at column x, row y (from the top left) is dark. */
    public boolean dark(int x, int y) {
        return matrix.get(x, y);
    }

    /** Inline SVG: one path of unit squares on a white square, crisp at any size. */
    public String svg(String label) {
        int size = size();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (dark(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\""
                + escape(label) + "\"><rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
