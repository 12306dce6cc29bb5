package org.solidarityhub.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Plain Java2D work on decoded images: a standard sRGB buffer, transparency, fitting within a size. */
final class Pixels {

    private Pixels() {
    }

    /**
     * The image as 8-bit sRGB (with alpha only if it has any transparent pixel): drawing converts any colour space or
     * profile the decoder kept, so no profile travels on.
     */
    static BufferedImage standard(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha() && hasTransparentPixel(image);
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        return redraw(image, image.getWidth(), image.getHeight(), type);
    }

    static boolean hasAlpha(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_INT_ARGB;
    }

    private static boolean hasTransparentPixel(BufferedImage image) {
        var alpha = image.getAlphaRaster();
        if (alpha == null) {
            return false;
        }
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            alpha.getPixels(0, y, image.getWidth(), 1, row);
            for (int a : row) {
                if (a < 255) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The image scaled down so that its longer side is at most {@code maxSide} (never up), by halving steps. */
    static BufferedImage fit(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = redraw(current, current.getWidth() / 2, current.getHeight() / 2, image.getType());
        }
        if (current.getWidth() != targetW || current.getHeight() != targetH) {
            current = redraw(current, targetW, targetH, image.getType());
        }
        return current;
    }

    static BufferedImage copy(BufferedImage image) {
        return redraw(image, image.getWidth(), image.getHeight(), image.getType());
    }

    static BufferedImage redraw(BufferedImage image, int width, int height, int type) {
        BufferedImage out = new BufferedImage(width, height, type == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
