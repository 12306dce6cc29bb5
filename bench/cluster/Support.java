// What bench/cluster/run needs from the project's test classpath, as small commands (run with java -cp CLASSPATH):
//   s3 PORT BUCKET ACCESS_KEY SECRET_KEY   an S3 API server (S3Proxy, as the tests' S3TestServer) on 127.0.0.1:PORT
//                                          with one bucket, objects in memory, AWS signatures checked; runs until killed
//   bcrypt PASSWORD                        a bcrypt hash of PASSWORD, as the app's staff sign-in checks it
import java.net.URI;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class Support {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "s3" -> s3(Integer.parseInt(args[1]), args[2], args[3], args[4]);
            case "bcrypt" -> System.out.println(new BCryptPasswordEncoder().encode(args[1]));
            default -> throw new IllegalArgumentException("s3 or bcrypt, not " + args[0]);
        }
    }

    static void s3(int port, String bucket, String accessKey, String secretKey) throws Exception {
        BlobStore blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class).getBlobStore();
        blobs.createContainerInLocation(null, bucket);
        S3Proxy proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey).build();
        proxy.start();
        System.out.println("S3Proxy on 127.0.0.1:" + port + ", bucket " + bucket);
        Thread.currentThread().join();
    }
}
