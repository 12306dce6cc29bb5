package org.solidarityhub.media;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where face detection finds Debian's OpenCV (under {@code app.media.faces.*}, all optional;
 * {@code app.media.faces.enabled=false} turns detection off, and the option is hidden as without OpenCV).
 *
 * @param opencvJar OpenCV's Java bindings ({@code libopencv-java})
 * @param nativeDir the folder of their native library, {@code libopencv_java*.so}
 * @param cascades  the Haar cascades ({@code opencv-data})
 */
record FaceSettings(
        @DefaultValue("/usr/share/java/opencv.jar") Path opencvJar,
        @DefaultValue("/usr/lib/jni") Path nativeDir,
        @DefaultValue("/usr/share/opencv4/haarcascades") Path cascades) {
}
