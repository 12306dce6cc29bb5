package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * Face detection with Debian's OpenCV Java bindings and cascades (libopencv-java, opencv-data: installed by
 * .ci/run), and the blur it feeds ({@link StrongBlur}): nothing of a face's detail may survive it.
 */
class FaceDetectionTest {

    static final Path JAR = Path.of("/usr/share/java/opencv.jar");
    static final Path JNI = Path.of("/usr/lib/jni");
    static final Path CASCADES = Path.of("/usr/share/opencv4/haarcascades");

    private final OpenCvFaceDetector detector = new OpenCvFaceDetector(JAR, JNI, CASCADES);

    private static BufferedImage astronaut() throws IOException {
        try (var in = FaceDetectionTest.class.getResourceAsStream("/media/faces/astronaut.jpg")) {
            return ImageIO.read(in);
        }
    }

    @Test
    void findsTheFaceInARealPhotographAndPadsIt() throws IOException {
        BufferedImage photo = astronaut();

        assertThat(detector.available()).isTrue();
        List<Region> faces = detector.detect(photo);

        // Eileen Collins' face lies around x 170-250, y 60-160 of the 512 x 512 photograph
        assertThat(faces).isNotEmpty().anySatisfy(face -> {
            assertThat(face.x()).isLessThan(180);
            assertThat(face.y()).isLessThan(70);
            assertThat(face.x() + face.width()).isGreaterThan(240);
            assertThat(face.y() + face.height()).isGreaterThan(150);
            assertThat(face.width()).isLessThan(300);
        });
        assertThat(faces).allSatisfy(face -> {
            assertThat(face.x() + face.width()).isLessThanOrEqualTo(photo.getWidth());
            assertThat(face.y() + face.height()).isLessThanOrEqualTo(photo.getHeight());
        });
    }

    @Test
    void findsTheFaceInALargePhotographScaledDownForDetectionInItsOwnPixels() throws IOException {
        BufferedImage small = astronaut();
        BufferedImage large = new BufferedImage(2048, 2048, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.drawImage(small, 0, 0, 2048, 2048, null);
        g.dispose();

        assertThat(detector.detect(large)).anySatisfy(face -> {
            assertThat(face.x()).isLessThan(4 * 180);
            assertThat(face.x() + face.width()).isGreaterThan(4 * 240);
        });
    }

    @Test
    void findsNoFaceInAPlainPicture() {
        BufferedImage plain = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = plain.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.YELLOW);
        g.fillRect(0, 240, 640, 240);
        g.dispose();

        assertThat(detector.detect(plain)).isEmpty();
    }

    @Test
    void withoutTheLibraryOrTheCascadesTheDetectorIsUnavailableAndFindsNothing() throws IOException {
        var noJar = new OpenCvFaceDetector(Path.of("/nonexistent/opencv.jar"), JNI, CASCADES);
        var noCascades = new OpenCvFaceDetector(JAR, JNI, Path.of("/nonexistent/haarcascades"));

        assertThat(noJar.available()).isFalse();
        assertThat(noCascades.available()).isFalse();
        assertThat(noJar.detect(astronaut())).isEmpty();
    }

    @Test
    void blurringAFaceLeavesNothingThatCorrelatesWithItAndTouchesNothingOutside() throws IOException {
        BufferedImage original = astronaut();
        Region face = detector.detect(original).getFirst();

        BufferedImage photo = StrongBlur.apply(original, List.of(face));

        assertThat(detailCorrelation(original, photo, face)).as("detail kept inside the face").isLessThan(0.1);
        assertOutsideUnchanged(original, photo, grown(face));
        assertThat(detector.detect(photo)).as("faces found after blurring")
                .noneSatisfy(found -> assertThat(overlap(found, face)).isGreaterThan(0.3));
    }

    @Test
    void blurredTextAndNoiseCannotBeReadBack() {
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("OLENA K.", 20, 60);
        g.dispose();
        Random random = new Random(3);
        for (int y = 120; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        BufferedImage original = image;
        Region text = new Region(10, 10, 380, 80);
        Region noise = new Region(0, 120, 400, 80);

        image = StrongBlur.apply(original, List.of(text, noise));

        // where on the banner the text was at all may stay as light and dark; its letters must not
        assertThat(correlation(original, image, text)).isLessThan(0.4);
        assertThat(correlation(original, image, noise)).isLessThan(0.2);
        assertThat(detailCorrelation(original, image, text)).isLessThan(0.1);
        assertOutsideUnchanged(original, image, grown(text), grown(noise));
    }

    @Test
    void blurringTwiceGivesDifferentNoiseSoItCannotBeSubtracted() throws IOException {
        Region region = new Region(150, 40, 120, 140);

        BufferedImage first = StrongBlur.apply(astronaut(), List.of(region));
        BufferedImage second = StrongBlur.apply(astronaut(), List.of(region));

        int differing = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                differing += first.getRGB(x, y) != second.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).isGreaterThan(region.width() * region.height() / 2);
    }

    @Test
    void aRegionReachingOverTheEdgeIsCutToTheImage() {
        BufferedImage original = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 50; x++) {
                original.setRGB(x, y, random.nextInt(0x1000000));
            }
        }

        BufferedImage image = StrongBlur.apply(original, List.of(new Region(40, 30, 100, 100),
                new Region(60, 50, 5, 5)));

        assertThat(image.getWidth()).isEqualTo(50);
        assertThat(correlation(original, image, new Region(40, 30, 10, 10))).isLessThan(0.3);
        assertOutsideUnchanged(original, image, grown(new Region(40, 30, 100, 100)));
    }

    /** The region with a fifth of its size added on every side: the blur may cover a margin around it, no more. */
    private static Region grown(Region r) {
        int dx = r.width() / 5;
        int dy = r.height() / 5;
        return new Region(Math.max(0, r.x() - dx), Math.max(0, r.y() - dy), r.width() + 2 * dx, r.height() + 2 * dy);
    }

    private static void assertOutsideUnchanged(BufferedImage original, BufferedImage blurred, Region... regions) {
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                boolean inside = false;
                for (Region r : regions) {
                    inside |= x >= r.x() && x < r.x() + r.width() && y >= r.y() && y < r.y() + r.height();
                }
                if (!inside && original.getRGB(x, y) != blurred.getRGB(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y + " outside the regions changed");
                }
            }
        }
    }

    private static double overlap(Region a, Region b) {
        int w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        int h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        return w <= 0 || h <= 0 ? 0 : (double) w * h / Math.min(a.width() * a.height(), b.width() * b.height());
    }

    /** Pearson correlation of the luminance of two images inside a region. */
    static double correlation(BufferedImage a, BufferedImage b, Region r) {
        return pearson(luminance(a, r), luminance(b, r));
    }

    /**
     * Correlation of the detail (each pixel minus the mean of its 9 x 9 neighbourhood): what identifies a face is
     * there, while the overall light and dark of a region may survive any blur.
     */
    static double detailCorrelation(BufferedImage a, BufferedImage b, Region r) {
        return pearson(detail(luminance(a, r), r.width(), r.height()), detail(luminance(b, r), r.width(), r.height()));
    }

    private static double[] luminance(BufferedImage image, Region r) {
        double[] values = new double[r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                int rgb = image.getRGB(r.x() + x, r.y() + y);
                values[y * r.width() + x] = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff)
                        + 0.114 * (rgb & 0xff);
            }
        }
        return values;
    }

    private static double[] detail(double[] values, int w, int h) {
        double[] detail = new double[values.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int dy = -4; dy <= 4; dy++) {
                    for (int dx = -4; dx <= 4; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            sum += values[yy * w + xx];
                            n++;
                        }
                    }
                }
                detail[y * w + x] = values[y * w + x] - sum / n;
            }
        }
        return detail;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : Math.abs(cov / Math.sqrt(va * vb));
    }
}
