package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds faces to offer for blurring: a Spring bean implementing it (OpenCV with Debian's cascades) is found by the
 * facade. Without such a bean, or while {@link #available()} is false, {@link Media#canDetectFaces()} is false and
 * features hide the option; moderators can still draw regions by hand.
 */
public interface FaceDetector {

    /** Whether detection works on this machine now (for example: the native library and its model were found). */
    boolean available();

    /** The faces found in an upright image (a master image, or a video's poster frame), in its pixels. */
    List<Region> detect(BufferedImage image);
}
