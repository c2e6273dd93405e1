package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.run.RunHooks;
import io.hlsforge.run.Stage;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.S3aSettings;
import io.hlsforge.storage.SerializableHadoopConf;
import io.hlsforge.testkit.StallHooks;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pipeline with sources, catalogue (relative source paths), output and hosting on HDFS
 * (Hadoop's MiniDFSCluster) and on s3a:// (S3Proxy, a real S3 API server, through hadoop-aws).
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributedStorageIT extends SharedSparkSession {
  @TempDir static Path work;
  static MiniDFSCluster hdfs;
  static Path clip;
  static Path mp3;
  static S3ProxyServer s3proxy;

  @BeforeAll
  static void startStorage() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
    // Three datanodes, two replicas: losing one datanode loses no block.
    conf.setInt("dfs.replication", 2);
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(3).build();
    hdfs.waitActive();
    s3proxy = new S3ProxyServer(Files.createDirectories(work.resolve("s3proxy")));
    s3proxy.createBucket("media");
    clip = SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "25", 3);
    mp3 = SampleMedia.mp3(work.resolve("talk.mp3"), 3);
  }

  @AfterAll
  static void stopStorage() throws Exception {
    if (hdfs != null) {
      hdfs.shutdown();
    }
    if (s3proxy != null) {
      s3proxy.close();
    }
  }

  private static Path scratch() {
    try {
      return Files.createDirectories(work.resolve("scratch"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HlsforgeSettings settings(String layout) {
    Map<String, String> values =
        Map.of(
            "hlsforge.segment-seconds",
            "2",
            "hlsforge.video.preset",
            "ultrafast",
            "hlsforge.layout",
            layout,
            "hlsforge.ladder",
            "[{name = 180p, height = 180, video-kbps = 250}]",
            "hlsforge.s3.endpoint",
            "\"" + s3proxy.endpoint() + "\"",
            "hlsforge.s3.path-style-access",
            "true",
            // This class's own scratch: its leftovers check sees no other process's files.
            "hlsforge.scratch-dir",
            scratch().toString());
    return HlsforgeSettings.from(ConfigLoader.load(values, Optional.empty(), Optional.empty()));
  }

  /**
   * Uploads the sources and a catalogue under {@code base}, runs all stages, returns the report.
   */
  private static RunReport runOn(String base, String runId, String layout) throws Exception {
    return runOn(base, runId, layout, RunHooks.NONE);
  }

  private static RunReport runOn(String base, String runId, String layout, RunHooks hooks)
      throws Exception {
    HlsforgeSettings settings = settings(layout);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    S3aSettings.apply(conf, settings.s3());
    HadoopStorage storage = new HadoopStorage(conf);
    storage.upload(clip, base + "/sources/clip.mp4");
    storage.upload(mp3, base + "/sources/talk.mp3");
    storage.writeText(
        base + "/catalogue.csv",
        "asset_id,source_uri\nclip,sources/clip.mp4\ntalk," + base + "/sources/talk.mp3\n");
    RunContext run =
        new RunContext(
            runId,
            "2026-11-25",
            base + "/catalogue.csv",
            base + "/work",
            base + "/public",
            settings,
            new SerializableHadoopConf(new Configuration(conf)));
    return new Pipeline(run.withHooks(hooks), spark).execute(Pipeline.Stages.ALL);
  }

  private static void assertPublished(String base, RunReport report) throws Exception {
    assertThat(report.assetsSucceeded()).as(report.summary(base)).isEqualTo(2);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    HadoopStorage storage = new HadoopStorage(conf);
    assertThat(storage.status(base + "/public/clip/master.m3u8")).isPresent();
    assertThat(storage.status(base + "/public/talk/master.m3u8")).isPresent();
    RecordRows<SegmentRecord> rows = RecordRows.of(SegmentRecord.class);
    List<SegmentRecord> segments =
        new ManifestStore(spark, base + "/work")
            .read(ManifestStore.SEGMENTS, SegmentRecord.class).collectAsList().stream()
                .map(rows::fromRow)
                .toList();
    assertThat(segments)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.uri()).startsWith(base + "/work/media/"));
    ValidationReport r =
        new HlsValidator(new StorageResourceReader(storage))
            .validate(base + "/public/clip/master.m3u8");
    assertThat(r.errors()).as(r.toText()).isEmpty();
    // Scratch copies of remote sources are gone.
    try (var left = Files.list(scratch())) {
      assertThat(left.map(p -> p.getFileName().toString())).isEmpty();
    }
  }

  @Test
  void runsEntirelyOnHdfs() throws Exception {
    String base = "hdfs://localhost:" + hdfs.getNameNodePort() + "/hls";
    assertPublished(base, runOn(base, "hdfs-run", "single-file"));
    FileSystem fs = hdfs.getFileSystem();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/hls/work/manifests/renditions/_SUCCESS")))
        .isTrue();
    // The layout recommended for HDFS: one media object per rendition, however many segments.
    List<String> mediaFiles = new ArrayList<>();
    var it = fs.listFiles(new org.apache.hadoop.fs.Path("/hls/work/media"), true);
    while (it.hasNext()) {
      mediaFiles.add(it.next().getPath().getName());
    }
    assertThat(mediaFiles).containsOnly("media.ts").hasSize(3); // clip: 180p + audio; talk: audio
    HadoopStorage storage = new HadoopStorage(spark.sparkContext().hadoopConfiguration());
    String master = storage.readText(base + "/public/clip/master.m3u8");
    String media = master.lines().filter(l -> l.endsWith("index.m3u8")).findFirst().orElseThrow();
    assertThat(storage.readText(base + "/public/clip/" + media))
        .contains("#EXT-X-BYTERANGE:", "media.ts");
  }

  /**
   * Names with the characters URIs escape, on HDFS: typed literally (as {@code hdfs dfs -ls} shows
   * them) in a catalogue on HDFS, relative and absolute, and found by a directory scan; output and
   * hosting folders named the same way. The validator then reads the hosted package back.
   */
  @Test
  void namesThatNeedEscapingRoundTripOnHdfs() throws Exception {
    String base = "hdfs://localhost:" + hdfs.getNameNodePort() + "/Season 1 #2 [x] ü";
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    HadoopStorage storage = new HadoopStorage(conf);
    storage.upload(clip, base + "/a b#1.mp4");
    storage.upload(clip, base + "/sub dir/100% [x]?.mp4");
    storage.upload(mp3, base + "/Grüße 日本's,.mp3");
    storage.writeText(
        base + "/catalogue.csv",
        "asset_id,source_uri\n"
            + "rel,a b#1.mp4\n"
            + "abs,"
            + base
            + "/sub dir/100% [x]?.mp4\n"
            + "quoted,\"Grüße 日本's,.mp3\"\n");
    RunContext run =
        new RunContext(
            "hdfs-names",
            "2026-12-04",
            base + "/catalogue.csv",
            base + "/work [1]?",
            base + "/public 100%",
            settings("single-file"),
            new SerializableHadoopConf(new Configuration(conf)));
    RunReport report = new Pipeline(run, spark).execute(Pipeline.Stages.ALL);
    assertThat(report.assetsSucceeded()).as(report.summary(base)).isEqualTo(3);
    FileSystem fs = hdfs.getFileSystem();
    for (String id : List.of("rel", "abs", "quoted")) {
      // Hadoop's own Path(parent, child) is the oracle for where the object must be.
      assertThat(
              fs.exists(
                  new org.apache.hadoop.fs.Path(
                      new org.apache.hadoop.fs.Path("/Season 1 #2 [x] ü/public 100%"),
                      id + "/master.m3u8")))
          .as(id)
          .isTrue();
    }
    ValidationReport r =
        new HlsValidator(new StorageResourceReader(storage))
            .validate(base + "/public 100%/abs/master.m3u8");
    assertThat(r.errors()).as(r.toText()).isEmpty();

    RunContext scan =
        new RunContext(
            "hdfs-scan",
            "2026-12-04",
            base + "/sub dir",
            base + "/scan work",
            null,
            settings("single-file"),
            new SerializableHadoopConf(new Configuration(conf)));
    RunReport probed = new Pipeline(scan, spark).execute(Pipeline.Stages.PROBE);
    assertThat(probed.assetsSucceeded()).as(probed.summary(base)).isEqualTo(1);
    List<String> sources =
        new ManifestStore(spark, base + "/scan work")
                .read(ManifestStore.PROBES, ProbeRecord.class)
                .select("source_uri")
                .collectAsList()
                .stream()
                .map(row -> row.getString(0))
                .toList();
    assertThat(sources).containsExactly(base + "/sub dir/100% [x]?.mp4");
  }

  @Test
  void runsEntirelyOnS3a() throws Exception {
    // Test-only credentials in the job's Hadoop configuration; users rely on AWS_ACCESS_KEY_ID /
    // AWS_SECRET_ACCESS_KEY or the provider chain (README). Short retries keep a failure quick.
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    conf.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.access.key", S3ProxyServer.ACCESS_KEY);
    conf.set("fs.s3a.secret.key", S3ProxyServer.SECRET_KEY);
    conf.set("fs.s3a.attempts.maximum", "2");
    conf.set("fs.s3a.retry.limit", "2");
    conf.set("fs.s3a.connection.establish.timeout", "5000");
    conf.set("fs.s3a.connection.timeout", "20000");
    String base = "s3a://media/hls";
    assertPublished(base, runOn(base, "s3a-run", "segments"));
    assertThat(s3proxy.keys("media"))
        .contains("hls/public/clip/master.m3u8", "hls/work/manifests/segments/_SUCCESS");
    // An S3A committer writes _SUCCESS as a JSON record naming itself (the classic one writes 0
    // bytes).
    String success = new HadoopStorage(conf).readText(base + "/work/manifests/segments/_SUCCESS");
    assertThat(success).contains("\"committer\" : \"magic\"");
  }

  /** A datanode is stopped as the package stage starts writing segments: the run completes. */
  @Test
  void theRunCompletesWhenADatanodeStopsDuringWrites() throws Exception {
    String base = "hdfs://localhost:" + hdfs.getNameNodePort() + "/degraded";
    spark.sparkContext().hadoopConfiguration().setInt("dfs.replication", 2);
    CompletableFuture<String> stopped = new CompletableFuture<>();
    AtomicLong stoppedAt = new AtomicLong();
    SparkListener stopOnPackage =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            String group =
                start.properties() == null
                    ? null
                    : start.properties().getProperty("spark.jobGroup.id");
            if (group != null
                && group.startsWith("hlsforge-package-degraded")
                && !stopped.isDone()) {
              // Not on the listener bus thread: stopping a datanode takes a moment.
              new Thread(
                      () -> {
                        String name =
                            hdfs.getDataNodes()
                                .get(hdfs.getDataNodes().size() - 1)
                                .getDisplayName();
                        hdfs.stopDataNode(hdfs.getDataNodes().size() - 1);
                        stoppedAt.set(System.currentTimeMillis());
                        stopped.complete(name);
                      },
                      "stop-datanode")
                  .start();
            }
          }
        };
    spark.sparkContext().addSparkListener(stopOnPackage);
    RunReport report;
    try {
      // clip's package task holds back for 8 s, so its segments are written to the degraded
      // cluster.
      report = runOn(base, "degraded-run", "segments", new StallHooks("clip", Stage.PACKAGE, 8));
    } finally {
      spark.sparkContext().removeSparkListener(stopOnPackage);
    }
    assertThat(stopped.get(1, TimeUnit.MINUTES))
        .as("a datanode was stopped during the run")
        .isNotNull();
    assertThat(hdfs.getDataNodes()).hasSize(2);
    long packageEnd =
        report.stages().stream()
            .filter(st -> st.stage() == Stage.PACKAGE)
            .findFirst()
            .orElseThrow()
            .finishedAtMs();
    assertThat(stoppedAt.get())
        .as("the datanode was down before the package stage finished writing")
        .isLessThan(packageEnd);
    assertPublished(base, report);
    FileSystem fs = hdfs.getFileSystem();
    var it = fs.listFiles(new org.apache.hadoop.fs.Path("/degraded/work/media"), true);
    int read = 0;
    while (it.hasNext()) {
      try (var in = fs.open(it.next().getPath())) {
        assertThat(in.readAllBytes()).isNotEmpty(); // every block still has a live replica
      }
      read++;
    }
    assertThat(read).isGreaterThan(2);
  }
}
