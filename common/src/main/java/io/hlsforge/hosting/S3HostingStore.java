package io.hlsforge.hosting;

import io.hlsforge.config.S3Spec;
import io.hlsforge.storage.HadoopStorage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Hosting in an S3 bucket ({@code s3://bucket/prefix}) through the AWS SDK v2, so every object
 * carries its Content-Type and Cache-Control for the CDN. Credentials come from the SDK's default
 * provider chain (environment, profile, instance role) and are never logged.
 */
public final class S3HostingStore implements HostingStore {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final HadoopStorage sources;

  public S3HostingStore(String hostingUri, S3Spec spec, HadoopStorage sources) {
    URI uri = URI.create(hostingUri);
    this.bucket = uri.getHost();
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
    this.prefix = path.isEmpty() ? "" : path + "/";
    this.sources = sources;
    S3ClientBuilder builder = S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(spec.region()))
        .forcePathStyle(spec.pathStyleAccess())
        // Flexible checksums only where S3 requires them: S3-compatible stores (S3Proxy, MinIO,
        // Ceph, older appliances) reject the newer checksum headers on plain GET/PUT.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (!spec.endpoint().isBlank()) {
      builder.endpointOverride(URI.create(spec.endpoint()));
    }
    this.s3 = builder.build();
  }

  private PutObjectRequest request(String key, String contentType, String cacheControl, long length) {
    return PutObjectRequest.builder().bucket(bucket).key(prefix + key).contentType(contentType).cacheControl(cacheControl)
        .contentLength(length).build();
  }

  @Override
  public void put(String key, byte[] body, String contentType, String cacheControl) throws IOException {
    try {
      s3.putObject(request(key, contentType, cacheControl, body.length), RequestBody.fromBytes(body));
    } catch (S3Exception e) {
      throw new IOException("Cannot write " + uri(key) + ": " + e.awsErrorDetails().errorMessage(), e);
    }
  }

  @Override
  public void copyFrom(String sourceUri, String key, String contentType, String cacheControl) throws IOException {
    Path source = new Path(sourceUri);
    FileStatus status = sources.status(sourceUri).orElseThrow(() -> new IOException("Cannot publish " + sourceUri + ": it does not exist"));
    try (InputStream in = sources.fileSystem(sourceUri).open(source)) {
      s3.putObject(request(key, contentType, cacheControl, status.getLen()), RequestBody.fromInputStream(in, status.getLen()));
    } catch (S3Exception e) {
      throw new IOException("Cannot write " + uri(key) + ": " + e.awsErrorDetails().errorMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    try {
      return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(prefix + key).build()).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      throw new IOException("Cannot read " + uri(key) + ": " + e.awsErrorDetails().errorMessage(), e);
    }
  }

  @Override
  public String uri(String key) {
    return "s3://" + bucket + "/" + prefix + key;
  }

  @Override
  public void close() {
    s3.close();
  }
}
