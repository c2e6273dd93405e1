package io.hlsforge;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API server (S3Proxy) in its own JVM, on a loopback port. It keeps objects in memory
 * ("transient" backend): its filesystem backends answer HEAD on a directory as if it were an
 * object, which confuses s3a's directory logic; real S3 has no such directories.
 */
final class S3ProxyServer implements AutoCloseable {
  static final String ACCESS_KEY = "hlsforge-test-access";
  static final String SECRET_KEY = "hlsforge-test-secret";

  private final Process process;
  final int port;

  S3ProxyServer(Path dir) throws IOException, InterruptedException {
    port = LoopbackPorts.free();
    Path props =
        Files.writeString(
            dir.resolve("s3proxy.conf"),
            String.join(
                    "\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "s3proxy.cors-allow-all=true",
                    "jclouds.provider=transient",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY)
                + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx512m",
                    "-jar",
                    System.getProperty("hlsforge.s3proxyJar"),
                    "--properties",
                    props.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("s3proxy.log").toFile())
            .redirectInput(new File("/dev/null"))
            .start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(process::destroy)); // no orphan if the test JVM is killed
    LoopbackPorts.awaitListening(port, process, dir.resolve("s3proxy.log"), Duration.ofSeconds(30));
  }

  /** Creates a bucket through the S3 API (s3a cannot create buckets). */
  void createBucket(String bucket) {
    try (S3Client s3 = client()) {
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  /** Object keys in the bucket (without S3Proxy's filesystem directory markers, "x/"). */
  List<String> keys(String bucket) {
    try (S3Client s3 = client()) {
      return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
          .map(S3Object::key)
          .filter(k -> !k.endsWith("/"))
          .toList();
    }
  }

  S3Client client() {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
