package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.jobs.StageReport;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.run.Stage;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.S3aSettings;
import io.hlsforge.storage.SerializableHadoopConf;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.statistics.IOStatisticsSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 misbehaving under the pipeline: output on s3a:// and hosting on s3:// both go through a front
 * ({@link FaultyS3Front}) that throttles, delays and forbids requests to a real S3 API server.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StorageFaultsIT extends SharedSparkSession {
  @TempDir static Path work;
  static S3ProxyServer s3proxy;
  static FaultyS3Front front;
  static Map<String, Path> sources = new HashMap<>();

  @BeforeAll
  static void startStorage() throws Exception {
    s3proxy = new S3ProxyServer(Files.createDirectories(work.resolve("s3proxy")));
    s3proxy.createBucket("faulty-media");
    s3proxy.createBucket("faulty-hosting");
    front = new FaultyS3Front(s3proxy.port);
    // The hosting client (AWS SDK) takes credentials from the standard chain; s3a from its config.
    System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    conf.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.access.key", S3ProxyServer.ACCESS_KEY);
    conf.set("fs.s3a.secret.key", S3ProxyServer.SECRET_KEY);
    conf.set("fs.s3a.retry.throttle.interval", "50ms");
    sources.put("clip", SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "25", 3));
    sources.put("denied", SampleMedia.testCard(work.resolve("denied.mp4"), 320, 180, "25", 3));
    sources.put("talk", SampleMedia.mp3(work.resolve("talk.mp3"), 3));
  }

  @AfterAll
  static void stopStorage() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    // s3a file systems are cached per bucket for the JVM: drop ours, whose endpoint is about to go.
    FileSystem.get(URI.create("s3a://faulty-media/"), spark.sparkContext().hadoopConfiguration())
        .close();
    if (front != null) {
      front.close();
    }
    if (s3proxy != null) {
      s3proxy.close();
    }
  }

  private static RunReport run(String name, List<String> assets) throws Exception {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 250}]",
                    "hlsforge.max-failure-ratio",
                    "0.5",
                    "hlsforge.s3.endpoint",
                    "\"" + front.endpoint() + "\"",
                    "hlsforge.s3.path-style-access",
                    "true"),
                Optional.empty(),
                Optional.empty()));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    S3aSettings.apply(conf, settings.s3());
    HadoopStorage storage = new HadoopStorage(conf);
    String base = "s3a://faulty-media/" + name;
    StringBuilder csv = new StringBuilder("asset_id,source_uri\n");
    for (String id : assets) {
      Path source = sources.get(id);
      storage.upload(source, base + "/sources/" + source.getFileName());
      csv.append(id).append(",sources/").append(source.getFileName()).append('\n');
    }
    storage.writeText(base + "/catalogue.csv", csv.toString());
    RunContext run =
        new RunContext(
            "run-" + name,
            "2026-11-25",
            base + "/catalogue.csv",
            base + "/work",
            "s3://faulty-hosting/" + name,
            settings,
            new SerializableHadoopConf(new Configuration(conf)));
    return new Pipeline(run, spark).execute(Pipeline.Stages.ALL);
  }

  /**
   * Keys under {@code prefix}, relative to it, with encoding ids (which hash the source URI)
   * masked.
   */
  private static TreeSet<String> keys(String bucket, String prefix) {
    return s3proxy.keys(bucket).stream()
        .filter(k -> k.startsWith(prefix))
        .map(k -> k.substring(prefix.length()))
        .map(k -> k.replaceAll("e[0-9a-f]{16}", "<encoding>"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static <T extends Record> List<T> rows(String name, String table, Class<T> type) {
    RecordRows<T> r = RecordRows.of(type);
    return new ManifestStore(spark, "s3a://faulty-media/" + name + "/work")
        .read(table, type).collectAsList().stream().map(r::fromRow).toList();
  }

  /** What s3a's own statistics say it retried (throttled = 503 SlowDown answers it waited out). */
  private static long s3aRetriesCounted() throws Exception {
    var fs =
        new org.apache.hadoop.fs.Path("s3a://faulty-media/")
            .getFileSystem(spark.sparkContext().hadoopConfiguration());
    Map<String, Long> counters = ((IOStatisticsSource) fs).getIOStatistics().counters();
    return counters.getOrDefault("store_io_throttled", 0L)
        + counters.getOrDefault("store_io_retry", 0L);
  }

  @Test
  void throttledAndSlowRequestsAreRetriedAndLeaveWhatACleanRunLeaves() throws Exception {
    List<String> assets = List.of("clip", "talk");
    RunReport clean = run("clean", assets);
    long retriesBefore = s3aRetriesCounted();
    front.throttleEvery = 4;
    front.delayEvery = 7;
    front.delayMillis = 300;
    RunReport faulty;
    try {
      faulty = run("throttled", assets);
    } finally {
      front.behave();
    }

    assertThat(clean.assetsSucceeded()).isEqualTo(2);
    assertThat(faulty.assetsSucceeded()).as(faulty.summary("throttled")).isEqualTo(2);
    assertThat(front.throttled.get()).as("503 SlowDown answers").isGreaterThan(10);
    assertThat(front.delayed.get()).isGreaterThan(0);
    assertThat(s3aRetriesCounted() - retriesBefore).as("s3a counted its retries").isGreaterThan(0);
    StageReport publish =
        faulty.stages().stream()
            .filter(st -> st.stage() == Stage.PUBLISH)
            .findFirst()
            .orElseThrow();
    assertThat(publish.retriedRequests())
        .as("the hosting client counted its retries")
        .isGreaterThan(0);
    assertThat(faulty.summary("throttled")).contains("storage requests retried");

    assertThat(keys("faulty-hosting", "throttled/"))
        .as("same published objects")
        .isEqualTo(keys("faulty-hosting", "clean/"))
        .isNotEmpty();
    assertThat(keys("faulty-media", "throttled/work/media/"))
        .as("same stored segments")
        .isEqualTo(keys("faulty-media", "clean/work/media/"));
    List<SegmentRecord> cleanSegments = rows("clean", ManifestStore.SEGMENTS, SegmentRecord.class);
    List<SegmentRecord> faultySegments =
        rows("throttled", ManifestStore.SEGMENTS, SegmentRecord.class);
    assertThat(faultySegments).hasSameSizeAs(cleanSegments);
    assertThat(
            faultySegments.stream()
                .map(
                    s ->
                        s.assetId()
                            + "/"
                            + s.encodingId()
                            + "/"
                            + s.rendition()
                            + "/"
                            + s.segmentIndex())
                .distinct()
                .count())
        .as("no duplicate segment rows")
        .isEqualTo(faultySegments.size());
  }

  @Test
  void aPermanentlyForbiddenPrefixFailsOnlyItsAssetAsStorage() throws Exception {
    front.forbidden = Pattern.compile("^/faulty-media/forbidden/work/media/denied/");
    RunReport report;
    try {
      report = run("forbidden", List.of("clip", "denied", "talk"));
    } finally {
      front.behave();
    }

    assertThat(front.denied.get()).isGreaterThan(0);
    assertThat(report.assetsSucceeded()).as(report.summary("forbidden")).isEqualTo(2);
    List<FailureRecord> failures = rows("forbidden", ManifestStore.FAILURES, FailureRecord.class);
    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.assetId()).isEqualTo("denied");
              assertThat(f.reason()).isEqualTo("STORAGE");
              assertThat(f.message()).contains("denied", "403");
            });
    assertThat(keys("faulty-hosting", "forbidden/"))
        .anyMatch(k -> k.startsWith("clip/"))
        .anyMatch(k -> k.startsWith("talk/"))
        .noneMatch(k -> k.startsWith("denied/"));
  }
}
