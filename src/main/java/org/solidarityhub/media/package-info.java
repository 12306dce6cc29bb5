/**
 * Uploads for every feature (report photos and videos, receipts as photos or PDFs rendered page by page; news images
 * next): the acceptance checks (type from the content, size and pixel caps), the image pipeline that removes every
 * metadata tag, black-box redaction and private originals for receipts, the bounded
 * worker pool, the storage (local folder or S3-compatible), and serving of published variants under
 * {@code /media/{random-name}}. Features use the facade {@link org.solidarityhub.media.Media} and listen to
 * {@link org.solidarityhub.media.MediaProcessed} and {@link org.solidarityhub.media.MediaFailed}. Videos and face
 * detection plug in through {@link org.solidarityhub.media.VideoProcessor} and
 * {@link org.solidarityhub.media.FaceDetector}. See docs/media.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform"})
package org.solidarityhub.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
