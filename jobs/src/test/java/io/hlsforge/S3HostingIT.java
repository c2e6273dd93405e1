package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.SerializableHadoopConf;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Publishing to an S3 bucket (S3Proxy, a real S3 API server): every object carries its Content-Type
 * and Cache-Control, checked with HEAD requests; credentials come from the standard AWS chain.
 */
class S3HostingIT extends SharedSparkSession {
  @TempDir static Path work;
  static S3ProxyServer s3proxy;
  static S3Client s3;
  static RunReport report;

  @BeforeAll
  static void publishToS3() throws Exception {
    s3proxy = new S3ProxyServer(Files.createDirectories(work.resolve("s3proxy")));
    // The SDK's default chain reads these system properties (as it reads AWS_ACCESS_KEY_ID/...).
    System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
    s3 =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create(s3proxy.endpoint()))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
            .build();
    s3.createBucket(b -> b.bucket("hosting"));

    Path clip = SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "25", 3);
    Path catalogue =
        Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\nclip," + clip + "\n");
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 250}]",
                    "hlsforge.s3.endpoint",
                    "\"" + s3proxy.endpoint() + "\"",
                    "hlsforge.s3.path-style-access",
                    "true"),
                Optional.empty(),
                Optional.empty()));
    report =
        new Pipeline(
                new RunContext(
                    "s3",
                    "2026-11-25",
                    catalogue.toUri().toString(),
                    work.resolve("out").toUri().toString(),
                    "s3://hosting/vod",
                    settings,
                    new SerializableHadoopConf(
                        new Configuration(spark.sparkContext().hadoopConfiguration()))),
                spark)
            .execute(Pipeline.Stages.ALL);
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    if (s3 != null) {
      s3.close();
    }
    if (s3proxy != null) {
      s3proxy.close();
    }
  }

  private static HeadObjectResponse head(String key) {
    return s3.headObject(b -> b.bucket("hosting").key(key));
  }

  @Test
  void everyObjectHasItsContentTypeAndCacheControl() {
    assertThat(report.assetsSucceeded()).as(report.summary("s3")).isEqualTo(1);
    // (S3Proxy's filesystem backend also lists directory markers, "x/"; they are not objects we
    // wrote.)
    List<String> keys =
        s3.listObjectsV2Paginator(b -> b.bucket("hosting").prefix("vod/")).contents().stream()
            .map(S3Object::key)
            .filter(k -> !k.endsWith("/"))
            .toList();
    assertThat(keys).contains("vod/clip/master.m3u8", "vod/index.json");
    assertThat(keys)
        .anyMatch(k -> k.endsWith("/180p/segment_00000.ts"))
        .anyMatch(k -> k.endsWith("/audio-stereo/index.m3u8"))
        .anyMatch(k -> k.endsWith("/180p/iframes.m3u8"));
    for (String key : keys) {
      HeadObjectResponse h = head(key);
      if (key.endsWith(".m3u8")) {
        assertThat(h.contentType()).as(key).isEqualTo("application/vnd.apple.mpegurl");
      } else if (key.endsWith(".ts")) {
        assertThat(h.contentType()).as(key).isEqualTo("video/mp2t");
      } else {
        assertThat(h.contentType()).as(key).isEqualTo("application/json");
      }
      boolean stable = key.equals("vod/clip/master.m3u8") || key.equals("vod/index.json");
      assertThat(h.cacheControl())
          .as(key)
          .isEqualTo(stable ? "public, max-age=60" : "public, max-age=31536000, immutable");
    }
  }

  @Test
  void theStableMasterPointsIntoTheVersionedEncoding() {
    String master =
        s3.getObjectAsBytes(b -> b.bucket("hosting").key("vod/clip/master.m3u8")).asUtf8String();
    String mediaUri =
        master.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
    assertThat(head("vod/clip/" + mediaUri).contentLength()).isPositive();
  }
}
