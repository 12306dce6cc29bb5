package org.solidarityhub.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faces through OpenCV's Haar cascades, with Debian's packages: the Java bindings of {@code libopencv-java} (a jar
 * under /usr/share/java, its native library under /usr/lib/jni) and the cascades of {@code opencv-data}. The jar is
 * not on Maven Central, so it is loaded at run time in a class loader of its own that finds the native library by
 * its absolute path, and called by reflection: a machine without the packages builds, runs and tests everything
 * else, and the detector then says it is not {@link #available()}. Native code of the distribution is kept in step
 * with its security updates, which a jar bundling its own natives would not be.
 *
 * <p>Two cascades run on a grey, histogram-equalised copy at most {@link #DETECT_SIZE} pixels on its long side:
 * the frontal face one and the profile one (on the image and its mirror, for both sides). For privacy a missed face
 * costs more than a false one (a moderator removes it), so detection leans to finding more. Each found rectangle
 * is padded by a quarter on every side to cover hair, ears and chin. Detection is serialised: the classifiers are
 * not safe for concurrent use.
 */
class OpenCvFaceDetector implements FaceDetector {

    static final int DETECT_SIZE = 1280;

    private static final Logger log = LoggerFactory.getLogger(OpenCvFaceDetector.class);

    private final @Nullable OpenCv cv;

    /**
     * @param jar       Debian's {@code /usr/share/java/opencv.jar}
     * @param nativeDir Debian's {@code /usr/lib/jni}
     * @param cascades  Debian's {@code /usr/share/opencv4/haarcascades}
     */
    OpenCvFaceDetector(Path jar, Path nativeDir, Path cascades) {
        this.cv = OpenCv.load(jar, nativeDir, cascades);
    }

    @Override
    public boolean available() {
        return cv != null;
    }

    @Override
    public List<Region> detect(BufferedImage image) {
        if (cv == null) {
            return List.of();
        }
        double factor = Math.min(1.0, (double) DETECT_SIZE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        byte[] grey = grey(image, width, height);
        List<int[]> found;
        synchronized (cv) {
            found = cv.detect(grey, width, height);
        }
        List<Region> regions = new ArrayList<>();
        for (int[] r : found) {
            int padX = r[2] / 4;
            int padY = r[3] / 4;
            int x = Math.max(0, (int) Math.floor((r[0] - padX) / factor));
            int y = Math.max(0, (int) Math.floor((r[1] - padY) / factor));
            int w = (int) Math.ceil((r[2] + 2 * padX) / factor);
            int h = (int) Math.ceil((r[3] + 2 * padY) / factor);
            new Region(x, y, w, h).clippedTo(image.getWidth(), image.getHeight()).ifPresent(regions::add);
        }
        return regions;
    }

    private static byte[] grey(BufferedImage image, int width, int height) {
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }

    /** The reflective handles on OpenCV's classes, all from one class loader. */
    private static final class OpenCv {

        private final Constructor<?> newMat;
        private final Method put;
        private final Method release;
        private final Method equalizeHist;
        private final Method flip;
        private final Constructor<?> newRects;
        private final Method toArray;
        private final Method detect;
        private final Constructor<?> newSize;
        private final Object frontal;
        private final Object profile;
        private final int grey8;
        private final java.lang.reflect.Field rx;
        private final java.lang.reflect.Field ry;
        private final java.lang.reflect.Field rw;
        private final java.lang.reflect.Field rh;

        private OpenCv(ClassLoader loader, Path cascades) throws ReflectiveOperationException {
            Class<?> mat = loader.loadClass("org.opencv.core.Mat");
            Class<?> rects = loader.loadClass("org.opencv.core.MatOfRect");
            Class<?> size = loader.loadClass("org.opencv.core.Size");
            Class<?> rect = loader.loadClass("org.opencv.core.Rect");
            Class<?> classifier = loader.loadClass("org.opencv.objdetect.CascadeClassifier");
            Class<?> imgproc = loader.loadClass("org.opencv.imgproc.Imgproc");
            Class<?> core = loader.loadClass("org.opencv.core.Core");
            grey8 = loader.loadClass("org.opencv.core.CvType").getField("CV_8UC1").getInt(null);
            newMat = mat.getConstructor(int.class, int.class, int.class);
            put = mat.getMethod("put", int.class, int.class, byte[].class);
            release = mat.getMethod("release");
            equalizeHist = imgproc.getMethod("equalizeHist", mat, mat);
            flip = core.getMethod("flip", mat, mat, int.class);
            newRects = rects.getConstructor();
            toArray = rects.getMethod("toArray");
            newSize = size.getConstructor(double.class, double.class);
            detect = classifier.getMethod("detectMultiScale", mat, rects, double.class, int.class, int.class, size,
                    size);
            Constructor<?> newClassifier = classifier.getConstructor(String.class);
            frontal = newClassifier.newInstance(cascades.resolve("haarcascade_frontalface_alt2.xml").toString());
            profile = newClassifier.newInstance(cascades.resolve("haarcascade_profileface.xml").toString());
            if ((boolean) classifier.getMethod("empty").invoke(frontal)
                    || (boolean) classifier.getMethod("empty").invoke(profile)) {
                throw new IllegalStateException("a cascade file did not load");
            }
            rx = rect.getField("x");
            ry = rect.getField("y");
            rw = rect.getField("width");
            rh = rect.getField("height");
        }

        static @Nullable OpenCv load(Path jar, Path nativeDir, Path cascades) {
            if (!Files.isRegularFile(jar) || !Files.isDirectory(nativeDir)
                    || !Files.isRegularFile(cascades.resolve("haarcascade_frontalface_alt2.xml"))) {
                log.info("face detection is off: OpenCV's Java bindings or cascades are not installed (Debian: "
                        + "libopencv-java, opencv-data)");
                return null;
            }
            try {
                return new OpenCv(NativeLoader.of(jar, nativeDir), cascades);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException | IOException e) {
                Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
                log.warn("face detection is off: OpenCV did not load ({}: {})", cause.getClass().getSimpleName(),
                        cause.getMessage());
                return null;
            }
        }

        /** Rectangles {x, y, width, height} of faces in a grey image. */
        List<int[]> detect(byte[] grey, int width, int height) {
            List<int[]> found = new ArrayList<>();
            Object image = null;
            Object mirrored = null;
            try {
                image = newMat.newInstance(height, width, grey8);
                put.invoke(image, 0, 0, grey);
                equalizeHist.invoke(null, image, image);
                mirrored = newMat.newInstance(height, width, grey8);
                flip.invoke(null, image, mirrored, 1);
                int min = Math.max(20, Math.min(width, height) / 40);
                found.addAll(run(frontal, image, min));
                found.addAll(run(profile, image, min));
                for (int[] r : run(profile, mirrored, min)) {
                    found.add(new int[] {width - r[0] - r[2], r[1], r[2], r[3]});
                }
                return found;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("OpenCV face detection failed", e);
            } finally {
                releaseQuietly(image);
                releaseQuietly(mirrored);
            }
        }

        private List<int[]> run(Object classifier, Object image, int min) throws ReflectiveOperationException {
            Object rects = newRects.newInstance();
            try {
                detect.invoke(classifier, image, rects, 1.15, 3, 0, newSize.newInstance(min, min),
                        newSize.newInstance(0, 0));
                List<int[]> found = new ArrayList<>();
                for (Object r : (Object[]) toArray.invoke(rects)) {
                    found.add(new int[] {rx.getInt(r), ry.getInt(r), rw.getInt(r), rh.getInt(r)});
                }
                return found;
            } finally {
                releaseQuietly(rects);
            }
        }

        private void releaseQuietly(@Nullable Object mat) {
            if (mat != null) {
                try {
                    release.invoke(mat);
                } catch (ReflectiveOperationException e) {
                    // its native memory is then freed when the Mat is collected
                }
            }
        }
    }

    /**
     * Loads OpenCV's classes from its jar alone (nothing of the application leaks in) and finds
     * {@code System.loadLibrary}'s native libraries in the given folder, whatever java.library.path says: Debian's
     * JDKs include /usr/lib/jni in it, other JDKs do not.
     */
    private static final class NativeLoader extends URLClassLoader {

        /** The loaders made, by jar and folder: a native library can be loaded by one class loader only. */
        private static final Map<List<Path>, ClassLoader> LOADED = new HashMap<>();

        private final Path nativeDir;

        private NativeLoader(URL jar, Path nativeDir) {
            super("opencv", new URL[] {jar}, ClassLoader.getPlatformClassLoader());
            this.nativeDir = nativeDir;
        }

        /** The loader of this jar with its native library loaded, made on the first call. */
        static synchronized ClassLoader of(Path jar, Path nativeDir) throws IOException, ReflectiveOperationException {
            List<Path> key = List.of(jar.toRealPath(), nativeDir.toRealPath());
            ClassLoader known = LOADED.get(key);
            if (known == null) {
                NativeLoader loader = new NativeLoader(key.get(0).toUri().toURL(), key.get(1));
                Object initializer = loader.loadClass("org.opencv.osgi.OpenCVNativeLoader").getConstructor()
                        .newInstance();
                initializer.getClass().getMethod("init").invoke(initializer);
                LOADED.put(key, loader);
                known = loader;
            }
            return known;
        }

        @Override
        protected String findLibrary(String name) {
            Path library = nativeDir.resolve(System.mapLibraryName(name));
            return Files.isRegularFile(library) ? library.toString() : null;
        }
    }
}
