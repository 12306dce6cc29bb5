package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Blurs regions of an image so that what was there cannot be recovered: each region is averaged down to at most
 * {@link #CELLS} x {@link #CELLS} cells (every detail of a face, a tattoo or a badge is gone: at that size one cell
 * covers a whole eye or mouth), random noise is added to the cells, and the region is painted back from them by
 * bilinear interpolation with fine random grain on top. Unlike a mosaic of the original pixels or a light Gaussian
 * blur, nothing of the original's detail is kept to deconvolve or match, and the noise is drawn from a
 * {@link SecureRandom} so it cannot be subtracted. Pixels outside the regions are not touched. Works on the upright,
 * metadata-free master (or a video's poster frame) in place.
 */
final class FaceBlur {

    /** Cells along the longer side of a region. */
    static final int CELLS = 4;
    /** Noise added to each cell's channels, up to plus or minus this. */
    static final int CELL_NOISE = 24;
    /** Grain added to each output pixel's channels, up to plus or minus this. */
    static final int GRAIN = 6;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private FaceBlur() {
    }

    /** Blurs every region (cut to the image) of the image, in place. */
    static void blur(BufferedImage image, List<Region> regions) {
        for (Region region : regions) {
            region.clippedTo(image.getWidth(), image.getHeight()).ifPresent(r -> blur(image, r, RANDOM));
        }
    }

    static void blur(BufferedImage image, Region r, RandomGenerator random) {
        int w = r.width();
        int h = r.height();
        int[] pixels = image.getRGB(r.x(), r.y(), w, h, null, 0, w);
        int cw = Math.max(1, Math.min(CELLS, (int) Math.round((double) CELLS * w / Math.max(w, h))));
        int ch = Math.max(1, Math.min(CELLS, (int) Math.round((double) CELLS * h / Math.max(w, h))));
        double[][] cells = cells(pixels, w, h, cw, ch);
        for (double[] cell : cells) {
            for (int c = 0; c < 3; c++) {
                cell[c] += random.nextInt(-CELL_NOISE, CELL_NOISE + 1);
            }
        }
        for (int y = 0; y < h; y++) {
            double fy = Math.clamp((y + 0.5) * ch / h - 0.5, 0, ch - 1);
            int y0 = (int) fy;
            int y1 = Math.min(ch - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.clamp((x + 0.5) * cw / w - 0.5, 0, cw - 1);
                int x0 = (int) fx;
                int x1 = Math.min(cw - 1, x0 + 1);
                double tx = fx - x0;
                int argb = pixels[y * w + x] & 0xff000000;
                for (int c = 0; c < 3; c++) {
                    double top = cells[y0 * cw + x0][c] * (1 - tx) + cells[y0 * cw + x1][c] * tx;
                    double bottom = cells[y1 * cw + x0][c] * (1 - tx) + cells[y1 * cw + x1][c] * tx;
                    int value = (int) Math.round(top * (1 - ty) + bottom * ty) + random.nextInt(-GRAIN, GRAIN + 1);
                    argb |= Math.clamp(value, 0, 255) << (16 - 8 * c);
                }
                pixels[y * w + x] = argb;
            }
        }
        image.setRGB(r.x(), r.y(), w, h, pixels, 0, w);
    }

    /** The mean red, green and blue of each cell, row by row. */
    private static double[][] cells(int[] pixels, int w, int h, int cw, int ch) {
        double[][] sums = new double[cw * ch][4];
        for (int y = 0; y < h; y++) {
            int cy = Math.min(ch - 1, y * ch / h);
            for (int x = 0; x < w; x++) {
                double[] cell = sums[cy * cw + Math.min(cw - 1, x * cw / w)];
                int rgb = pixels[y * w + x];
                cell[0] += (rgb >> 16) & 0xff;
                cell[1] += (rgb >> 8) & 0xff;
                cell[2] += rgb & 0xff;
                cell[3]++;
            }
        }
        for (double[] cell : sums) {
            for (int c = 0; c < 3; c++) {
                cell[c] /= Math.max(1, cell[3]);
            }
        }
        return sums;
    }
}
