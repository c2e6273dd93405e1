package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import io.hlsforge.run.Stage;
import io.hlsforge.testkit.StallHooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment a user runs: a Spark standalone master and two workers (separate JVMs on loopback,
 * Spark's jars only), the shaded jar submitted with spark-submit in client mode, sources and
 * catalogue read from HDFS (MiniDFSCluster), output written to HDFS, packages published to an S3
 * bucket (S3Proxy). Credentials reach the driver and the workers as the standard AWS environment
 * variables, never on the command line.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {
  @TempDir static Path work;
  static MiniDFSCluster hdfs;
  static S3ProxyServer s3proxy;
  static StandaloneCluster cluster;
  static final Map<String, String> AWS_ENV =
      Map.of(
          "AWS_ACCESS_KEY_ID",
          S3ProxyServer.ACCESS_KEY,
          "AWS_SECRET_ACCESS_KEY",
          S3ProxyServer.SECRET_KEY,
          "AWS_REGION",
          "us-east-1");

  @BeforeAll
  static void startCluster() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    s3proxy = new S3ProxyServer(Files.createDirectories(work.resolve("s3proxy")));
    s3proxy.createBucket("hosting");
    // Each worker on its own loopback address: two hosts to the scheduler, so it can place a
    // speculative copy of a task on a host other than the one running the original.
    cluster =
        StandaloneCluster.start(
            work,
            List.of(
                new StandaloneCluster.Worker("127.0.0.1", 1, "1536m", List.of()),
                new StandaloneCluster.Worker("127.0.0.2", 1, "1536m", List.of())),
            AWS_ENV);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (s3proxy != null) {
      s3proxy.close();
    }
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  @Test
  void sparkSubmitToTheClusterPackagesFromHdfsAndPublishesToS3() throws Exception {
    FileSystem fs = hdfs.getFileSystem();
    String base = "hdfs://localhost:" + hdfs.getNameNodePort() + "/media";
    List<String> ids = List.of("a", "b", "c");
    StringBuilder csv = new StringBuilder("asset_id,source_uri\n");
    for (String id : ids) {
      Path clip = SampleMedia.testCard(work.resolve(id + ".mp4"), 320, 180, "25", 3);
      fs.copyFromLocalFile(
          new org.apache.hadoop.fs.Path(clip.toString()),
          new org.apache.hadoop.fs.Path("/media/sources/" + id + ".mp4"));
      csv.append(id).append(",sources/").append(id).append(".mp4\n");
    }
    try (var out = fs.create(new org.apache.hadoop.fs.Path("/media/catalogue.csv"))) {
      out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    SparkProcesses.Result r =
        SparkProcesses.sparkSubmit(
            work,
            clientModeArgs(),
            AWS_ENV,
            List.of(
                "run",
                "--catalogue",
                base + "/catalogue.csv",
                "--output",
                base + "/output",
                "--hosting",
                "s3://hosting/vod",
                "--set",
                "hlsforge.s3.endpoint=\"" + s3proxy.endpoint() + "\"",
                "--set",
                "hlsforge.s3.path-style-access=true",
                "--set",
                "hlsforge.video.preset=ultrafast",
                "--set",
                "hlsforge.segment-seconds=2",
                "--set",
                "hlsforge.layout=single-file",
                "--set",
                "hlsforge.ladder=[{name = 180p, height = 180, video-kbps = 250}]"));

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCEEDED").doesNotContain(S3ProxyServer.SECRET_KEY);
    List<String> keys = s3proxy.keys("hosting");
    for (String id : ids) {
      assertThat(keys).contains("vod/" + id + "/master.m3u8");
    }
    assertThat(keys).contains("vod/index.json").anyMatch(k -> k.endsWith("/180p/media.ts"));
    assertThat(
            fs.exists(new org.apache.hadoop.fs.Path("/media/output/manifests/segments/_SUCCESS")))
        .isTrue();
    // The secret key is in no log line (driver, master, workers, executors), report or manifest.
    try (Stream<Path> logs = Files.walk(work)) {
      // (S3Proxy's own files are the server's, which holds the key by definition.)
      for (Path log :
          logs.filter(p -> !p.startsWith(work.resolve("s3proxy")))
              .filter(
                  p ->
                      p.toString().endsWith(".log")
                          || p.getFileName().toString().matches("stdout|stderr"))
              .toList()) {
        assertThat(Files.readString(log, StandardCharsets.ISO_8859_1))
            .as(log.toString())
            .doesNotContain(S3ProxyServer.SECRET_KEY);
      }
    }
    var files = fs.listFiles(new org.apache.hadoop.fs.Path("/media/output"), true);
    int scanned = 0;
    while (files.hasNext()) {
      org.apache.hadoop.fs.Path p = files.next().getPath();
      try (var in = fs.open(p)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
            .as(p.toString())
            .doesNotContain(S3ProxyServer.SECRET_KEY);
      }
      scanned++;
    }
    assertThat(scanned).as("manifests and reports were scanned").isGreaterThan(10);
    // Both workers ran an executor for the application (the work really left the driver).
    for (int i = 1; i <= 2; i++) {
      try (Stream<Path> apps = Files.list(cluster.workerDir(i))) {
        assertThat(apps.map(p -> p.getFileName().toString()))
            .as("worker-" + i + " ran an executor")
            .anyMatch(n -> n.startsWith("app-"));
      }
    }
  }

  /**
   * spark-submit to this cluster in client mode: one-core executors that fit the two small workers.
   */
  private static List<String> clientModeArgs() {
    return List.of(
        "--master",
        cluster.masterUrl(),
        "--deploy-mode",
        "client",
        "--executor-memory",
        "512m",
        "--executor-cores",
        "1",
        "--conf",
        "spark.executor.memoryOverhead=512m",
        "--conf",
        "spark.task.cpus=1");
  }

  private static SparkProcesses.Result submitLocalRun(
      Path catalogue, Path dir, List<String> sparkConf, List<String> driverOptions)
      throws Exception {
    List<String> sparkArgs = new ArrayList<>(clientModeArgs());
    sparkArgs.addAll(sparkConf);
    return SparkProcesses.sparkSubmit(
        work,
        List.of(),
        driverOptions,
        sparkArgs,
        Map.of(),
        SparkProcesses.smallRunArgs(catalogue, dir));
  }

  /**
   * Speculative execution forced on, with a forced straggler: the first attempt of one asset's
   * package task sleeps, Spark launches a copy on the other host, the copy wins and the original is
   * killed. Published objects and manifest rows are those of a clean run, with no duplicate rows.
   */
  @Test
  void aSpeculatedStragglerLeavesExactlyWhatACleanRunLeaves() throws Exception {
    Path media = Files.createDirectories(work.resolve("speculation"));
    StringBuilder csv = new StringBuilder("asset_id,source_uri\n");
    for (String id : List.of("s1", "s2", "s3")) {
      csv.append(id)
          .append(',')
          .append(SampleMedia.testCard(media.resolve(id + ".mp4"), 320, 180, "25", 3))
          .append('\n');
    }
    Path catalogue = Files.writeString(media.resolve("catalogue.csv"), csv.toString());
    Path events = Files.createDirectories(work.resolve("speculation-events"));

    SparkProcesses.Result clean =
        submitLocalRun(catalogue, media.resolve("clean"), List.of(), List.of());
    SparkProcesses.Result speculative =
        submitLocalRun(
            catalogue,
            media.resolve("speculative"),
            List.of(
                "--conf",
                "spark.speculation=true",
                "--conf",
                "spark.speculation.interval=200ms",
                "--conf",
                "spark.speculation.quantile=0.5",
                "--conf",
                "spark.speculation.multiplier=2",
                "--conf",
                "spark.speculation.minTaskRuntime=2s",
                "--conf",
                "spark.speculation.efficiency.enabled=false",
                "--conf",
                "spark.eventLog.enabled=true",
                "--conf",
                "spark.eventLog.dir=" + events.toUri()),
            StallHooks.jvmOptions("s2", Stage.PACKAGE, 600));

    assertThat(clean.exit()).as(clean.output()).isZero();
    assertThat(speculative.exit()).as(speculative.output()).isZero();
    String eventLog;
    try (Stream<Path> logs = Files.list(events)) {
      Path log = logs.filter(Files::isRegularFile).findFirst().orElseThrow();
      eventLog = Files.readString(log);
    }
    List<String> taskEnds =
        eventLog.lines().filter(l -> l.contains("\"Event\":\"SparkListenerTaskEnd\"")).toList();
    assertThat(taskEnds)
        .as("a speculative copy ran and succeeded")
        .anyMatch(l -> l.contains("\"Speculative\":true") && l.contains("\"Reason\":\"Success\""));
    assertThat(taskEnds)
        .as("the straggling original was killed")
        .anyMatch(l -> l.contains("\"Reason\":\"TaskKilled\""));

    assertThat(SparkProcesses.files(media.resolve("speculative/hosting")))
        .as("same published objects")
        .isEqualTo(SparkProcesses.files(media.resolve("clean/hosting")));
    assertThat(SparkProcesses.files(media.resolve("speculative/output/media")))
        .as("same stored segments")
        .isEqualTo(SparkProcesses.files(media.resolve("clean/output/media")));
    SparkSession reader =
        SparkSession.builder()
            .master("local[1]")
            .appName("read-manifests")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    try {
      var cleanRows =
          reader.read().parquet(media.resolve("clean/output/manifests/segments").toString());
      var rows =
          reader.read().parquet(media.resolve("speculative/output/manifests/segments").toString());
      assertThat(rows.count()).isEqualTo(cleanRows.count()).isPositive();
      assertThat(
              rows.select("asset_id", "encoding_id", "rendition", "segment_index")
                  .distinct()
                  .count())
          .as("no duplicate segment rows")
          .isEqualTo(rows.count());
      assertThat(
              reader
                  .read()
                  .parquet(media.resolve("speculative/output/manifests/renditions").toString())
                  .count())
          .isEqualTo(
              reader
                  .read()
                  .parquet(media.resolve("clean/output/manifests/renditions").toString())
                  .count());
    } finally {
      reader.stop();
    }
  }
}
