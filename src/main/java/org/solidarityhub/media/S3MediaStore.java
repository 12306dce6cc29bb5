package org.solidarityhub.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The store for an S3-compatible object store (AWS S3, MinIO, Garage, Ceph): every instance of the app that is
 * configured with the same bucket serves the same media. Objects are written whole by one PUT, so a reader never
 * sees half an object.
 */
final class S3MediaStore implements MediaStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3MediaStore(MediaProperties.S3 settings) {
        if (settings.bucket().isBlank()) {
            throw new IllegalStateException("app.media.store=s3 needs app.media.s3.bucket");
        }
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                // checksums only where the API requires them: self-hosted servers (MinIO, Garage, Ceph) differ in
                // which newer checksum headers and trailers they understand
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        MediaKeys.check(key);
        call("store an object", () -> s3.putObject(put -> put.bucket(bucket).key(prefix + key).contentType(contentType),
                RequestBody.fromFile(file)));
    }

    @Override
    public Optional<Stored> open(String key) throws IOException {
        return get(key, null);
    }

    @Override
    public Optional<Stored> open(String key, long offset, long length) throws IOException {
        return get(key, "bytes=" + offset + "-" + (offset + length - 1));
    }

    private Optional<Stored> get(String key, String range) throws IOException {
        MediaKeys.check(key);
        return call("read an object", () -> {
            try {
                ResponseInputStream<GetObjectResponse> stream = s3.getObject(get -> get.bucket(bucket).key(prefix + key).range(range));
                GetObjectResponse response = stream.response();
                String type = response.contentType() == null ? MediaKeys.contentType(key) : response.contentType();
                return Optional.of(new Stored(stream, response.contentLength(), type));
            } catch (NoSuchKeyException missing) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void delete(String key) throws IOException {
        MediaKeys.check(key);
        call("delete an object", () -> s3.deleteObject(delete -> delete.bucket(bucket).key(prefix + key)));
    }

    @Override
    public boolean exists(String key) throws IOException {
        MediaKeys.check(key);
        return call("look for an object", () -> {
            try {
                s3.headObject(head -> head.bucket(bucket).key(prefix + key));
                return true;
            } catch (NoSuchKeyException missing) {
                return false;
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Runs a call to the store; its failures become IOExceptions that name the kind of failure only. */
    private static <T> T call(String what, Supplier<T> call) throws IOException {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new IOException("the S3 store could not " + what + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
