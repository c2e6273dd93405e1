package io.hlsforge.hosting;

import io.hlsforge.config.S3Spec;
import io.hlsforge.run.WorkClock;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
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
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();

  public S3HostingStore(String hostingUri, S3Spec spec, HadoopStorage sources) {
    Locations.Parts uri = Locations.parts(hostingUri);
    this.bucket = uri.authority();
    String path = uri.path().replaceAll("^/+", "").replaceAll("/+$", "");
    this.prefix = path.isEmpty() ? "" : path + "/";
    this.sources = sources;
    S3ClientBuilder builder =
        S3Client.builder()
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
    // The SDK retries throttling, 5xx and dropped connections itself, with backoff (its default
    // retry policy); counting attempts against calls tells the run how often that happened.
    builder.overrideConfiguration(
        o ->
            o.addExecutionInterceptor(
                new ExecutionInterceptor() {
                  @Override
                  public void beforeExecution(
                      Context.BeforeExecution context, ExecutionAttributes attributes) {
                    calls.incrementAndGet();
                  }

                  @Override
                  public void beforeTransmission(
                      Context.BeforeTransmission context, ExecutionAttributes attributes) {
                    attempts.incrementAndGet();
                  }
                }));
    this.s3 = builder.build();
  }

  @Override
  public long retriedRequests() {
    return attempts.get() - calls.get();
  }

  private PutObjectRequest request(
      String key, String contentType, String cacheControl, long length) {
    return PutObjectRequest.builder()
        .bucket(bucket)
        .key(prefix + key)
        .contentType(contentType)
        .cacheControl(cacheControl)
        .contentLength(length)
        .build();
  }

  @Override
  public void put(String key, byte[] body, String contentType, String cacheControl)
      throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      s3.putObject(
          request(key, contentType, cacheControl, body.length), RequestBody.fromBytes(body));
    } catch (SdkException e) {
      throw failed("write", key, e);
    }
  }

  @Override
  public void copyFrom(String sourceUri, String key, String contentType, String cacheControl)
      throws IOException {
    Path source = Locations.hadoopPath(sourceUri);
    FileStatus status =
        sources
            .status(sourceUri)
            .orElseThrow(
                () -> new IOException("Cannot publish " + sourceUri + ": it does not exist"));
    // A retried PUT must send the body again from its first byte: each attempt opens the source
    // anew.
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE);
        ReopeningStream body = new ReopeningStream(sources, source)) {
      s3.putObject(
          request(key, contentType, cacheControl, status.getLen()),
          RequestBody.fromContentProvider(body, status.getLen(), contentType));
    } catch (SdkException e) {
      throw failed("write", key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      return Optional.of(
          s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(prefix + key).build())
              .asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failed("read", key, e);
    }
  }

  /**
   * Every SDK failure as an IOException, so it becomes a failure row of its asset instead of an
   * unchecked exception that fails the Spark task (and, after retries, the whole stage).
   */
  private IOException failed(String verb, String key, SdkException e) {
    String why =
        e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
            ? s3e.statusCode()
                + " "
                + s3e.awsErrorDetails().errorCode()
                + ": "
                + s3e.awsErrorDetails().errorMessage()
            : e.getMessage();
    return new IOException("Cannot " + verb + " " + uri(key) + ": " + why, e);
  }

  /** Opens the source again for every attempt, closing the stream of the attempt before. */
  private static final class ReopeningStream implements ContentStreamProvider, AutoCloseable {
    private final HadoopStorage storage;
    private final Path source;
    private InputStream current;

    ReopeningStream(HadoopStorage storage, Path source) {
      this.storage = storage;
      this.source = source;
    }

    @Override
    public InputStream newStream() {
      try {
        close();
        current = storage.fileSystem(source.toString()).open(source);
        return current;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
        current = null;
      }
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
