package org.solidarityhub.media;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ffmpeg video processor and the OpenCV face detector, found by media as its {@link VideoProcessor} and
 * {@link FaceDetector}. Both are always there: where their tools are missing they say they are not available, and
 * media refuses videos or hides face detection.
 */
@Configuration(proxyBeanMethods = false)
class VideoAndFaceConfiguration {

    @Bean
    VideoProcessor videoProcessor(MediaProperties settings) {
        return new FfmpegVideoProcessor(settings.video());
    }

    /** None when {@code app.media.faces.enabled=false}: media then hides face detection. */
    @Bean
    @ConditionalOnProperty(name = "app.media.faces.enabled", havingValue = "true", matchIfMissing = true)
    FaceDetector faceDetector(MediaProperties settings) {
        FaceSettings faces = settings.faces();
        return new OpenCvFaceDetector(faces.opencvJar(), faces.nativeDir(), faces.cascades());
    }
}
