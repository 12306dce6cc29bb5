package org.solidarityhub.media;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the media feature, under {@code app.media.*} (see docs/media.md).
 *
 * @param maxImageSize  largest image upload accepted
 * @param maxVideoSize  largest video upload accepted
 * @param maxPixels     most pixels (width × height, from the header) an image may have
 * @param workers       threads that process uploads
 * @param queue         uploads that may wait for a worker; beyond, uploads are refused as busy (never queued without
 *                      bound)
 * @param webSize       longest side of the web variant (and of the private master), in pixels
 * @param thumbnailSize longest side of the thumbnail, in pixels
 * @param jpegQuality   JPEG quality of the web variant and thumbnail, 0 to 1
 * @param workDir       private folder of uploads being checked and processed; empty: {@code <app.data-dir>/media-work}
 * @param heifConvert   the {@code heif-convert} command of Debian's libheif-examples, which decodes HEIC/HEIF;
 *                      when it cannot be run, HEIC uploads are refused with a message
 * @param processingTimeout an item still processing after this long (its instance stopped meanwhile) is marked
 *                      failed
 * @param resumableExpiry a resumable upload (see {@link ResumableUploads}) not taken by its form this long after it
 *                      was started is erased with its bytes
 * @param store         {@code local} (the default) or {@code s3}
 * @param local         the local folder store
 * @param s3            the S3-compatible store
 * @param video         how videos are transcoded with ffmpeg (see docs/media.md, "Videos")
 * @param faces         where face detection finds OpenCV ({@code app.media.faces.enabled=false} turns it off)
 * @param pdf           how PDF receipts are checked and rendered (see docs/media.md, "Receipts")
 */
@ConfigurationProperties("app.media")
record MediaProperties(
        @DefaultValue("20MB") DataSize maxImageSize,
        @DefaultValue("300MB") DataSize maxVideoSize,
        @DefaultValue("50000000") long maxPixels,
        @DefaultValue("2") int workers,
        @DefaultValue("20") int queue,
        @DefaultValue("2048") int webSize,
        @DefaultValue("480") int thumbnailSize,
        @DefaultValue("0.85") float jpegQuality,
        @Nullable Path workDir,
        @DefaultValue("heif-convert") String heifConvert,
        @DefaultValue("1h") java.time.Duration processingTimeout,
        @DefaultValue("24h") java.time.Duration resumableExpiry,
        @DefaultValue("local") StoreKind store,
        @DefaultValue Local local,
        @DefaultValue S3 s3,
        @DefaultValue VideoSettings video,
        @DefaultValue FaceSettings faces,
        @DefaultValue PdfSettings pdf) {

    enum StoreKind { LOCAL, S3 }

    MediaProperties {
        if (workers < 1 || queue < 0 || webSize < 64 || thumbnailSize < 16 || maxPixels < 1
                || jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("app.media: workers >= 1, queue >= 0, web-size >= 64, thumbnail-size >= 16,"
                    + " max-pixels >= 1 and 0 < jpeg-quality <= 1");
        }
    }

    /** @param folder where the local store keeps files; empty: {@code <app.data-dir>/media} */
    record Local(@Nullable Path folder) {
    }

    /**
     * @param endpoint   the S3 API's address, for example {@code https://s3.eu-central-1.amazonaws.com} or a MinIO or
     *                   Garage server's; empty: AWS's endpoint for the region
     * @param region     the region (MinIO accepts any, Garage usually {@code garage})
     * @param bucket     the bucket, which must exist
     * @param accessKey  the access key id
     * @param secretKey  the secret key
     * @param pathStyle  address the bucket in the path ({@code endpoint/bucket/key}) rather than the host name; true for
     *                   most self-hosted servers
     * @param prefix     prefix of every key, to share a bucket with other data (for example {@code media/})
     */
    record S3(@Nullable URI endpoint, @DefaultValue("us-east-1") String region, @DefaultValue("") String bucket,
              @DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
              @DefaultValue("true") boolean pathStyle, @DefaultValue("") String prefix) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle + "]";
        }
    }
}
