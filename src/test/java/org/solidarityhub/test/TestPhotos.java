package org.solidarityhub.test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.MediaState;

/** Photos the tests of features send through the media pipeline, and waiting for the pipeline. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A JPEG drawn with Java2D: a coloured field with a yellow disc, so that two photos differ. */
    public static byte[] jpeg(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Waits (at most 30 s) until none of these items is still processing; returns them. */
    public static List<MediaItem> processed(Media media, List<Long> ids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<MediaItem> items = media.findAll(ids);
            if (items.stream().noneMatch(i -> i.state() == MediaState.PROCESSING) || System.nanoTime() > deadline) {
                return items;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return items;
            }
        }
    }
}
