package org.solidarityhub.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

/**
 * Blurs regions so that what was there cannot be recovered: each region (grown by a margin) is shrunk to a handful of
 * pixels, which throws away the detail for good, then drawn back smoothly and overlaid with random noise. Unlike a
 * mosaic or a light Gaussian blur, no deconvolution or "depixelation" can bring the face back: the information is not
 * in the output. Runs on the upright master; the web size and thumbnail are made from its result.
 */
final class StrongBlur {

    /** Pixels a region keeps across its larger side: this few, and a face is a smooth patch of colour. */
    private static final int KEPT_PIXELS = 6;
    private static final double MARGIN = 0.15;
    private static final Random NOISE = new SecureRandom();

    private StrongBlur() {
    }

    /** A copy of the image with the regions blurred; the image itself is left alone. */
    static BufferedImage apply(BufferedImage image, List<Region> regions) {
        BufferedImage out = Pixels.copy(image);
        for (Region region : regions) {
            grown(region).clippedTo(out.getWidth(), out.getHeight()).ifPresent(r -> blur(out, r));
        }
        return out;
    }

    private static Region grown(Region r) {
        int dx = (int) Math.ceil(r.width() * MARGIN);
        int dy = (int) Math.ceil(r.height() * MARGIN);
        return new Region(Math.max(0, r.x() - dx), Math.max(0, r.y() - dy), r.width() + 2 * dx, r.height() + 2 * dy);
    }

    private static void blur(BufferedImage image, Region r) {
        double shrink = (double) KEPT_PIXELS / Math.max(r.width(), r.height());
        int smallW = Math.max(1, (int) Math.round(r.width() * shrink));
        int smallH = Math.max(1, (int) Math.round(r.height() * shrink));
        BufferedImage part = image.getSubimage(r.x(), r.y(), r.width(), r.height());
        BufferedImage tiny = Pixels.fit(Pixels.copy(part), Math.max(smallW, smallH));
        BufferedImage smooth = Pixels.redraw(tiny, r.width(), r.height(), image.getType());
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(smooth, r.x(), r.y(), null);
        } finally {
            g.dispose();
        }
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                image.setRGB(x, y, noisy(image.getRGB(x, y)));
            }
        }
    }

    private static int noisy(int argb) {
        int n = NOISE.nextInt(25) - 12;
        int red = clamp(((argb >> 16) & 0xFF) + n);
        int green = clamp(((argb >> 8) & 0xFF) + n);
        int blue = clamp((argb & 0xFF) + n);
        return (argb & 0xFF000000) | (red << 16) | (green << 8) | blue;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
