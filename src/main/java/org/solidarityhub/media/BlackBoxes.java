package org.solidarityhub.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Redaction for receipts: each region is filled with opaque black on a copy of the master, so the variants (and the
 * thumbnail scaled from them) are encoded from pixels in which nothing of what lay there is left. Unlike
 * {@link StrongBlur} nothing of the region's average colour or layout survives either.
 */
final class BlackBoxes {

    private BlackBoxes() {
    }

    static BufferedImage apply(BufferedImage image, List<Region> regions) {
        BufferedImage out = Pixels.copy(image);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.setColor(Color.BLACK);
            for (Region region : regions) {
                g.fillRect(region.x(), region.y(), region.width(), region.height());
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
