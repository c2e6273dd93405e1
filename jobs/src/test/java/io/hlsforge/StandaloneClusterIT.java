package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import java.io.File;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment a user runs: a Spark standalone master and two workers (separate JVMs on
 * loopback, Spark's jars only), the shaded jar submitted with spark-submit in client mode, sources
 * and catalogue read from HDFS (MiniDFSCluster), output written to HDFS, packages published to an
 * S3 bucket (S3Proxy). Credentials reach the driver and the workers as the standard AWS
 * environment variables, never on the command line.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {
  @TempDir static Path work;
  static MiniDFSCluster hdfs;
  static S3ProxyServer s3proxy;
  static final List<Process> daemons = new ArrayList<>();
  static String masterUrl;
  static final Map<String, String> AWS_ENV = Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY",
      S3ProxyServer.SECRET_KEY, "AWS_REGION", "us-east-1");

  @BeforeAll
  static void startCluster() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    s3proxy = new S3ProxyServer(Files.createDirectories(work.resolve("s3proxy")));
    s3proxy.createBucket("hosting");

    Path sparkHome = sparkHome();
    int port = LoopbackPorts.free();
    masterUrl = "spark://127.0.0.1:" + port;
    Path masterLog = work.resolve("master.log");
    daemons.add(start(sparkHome, masterLog, "org.apache.spark.deploy.master.Master",
        List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(LoopbackPorts.free()))));
    awaitLog(masterLog, "I have been elected leader", 1);
    for (int i = 1; i <= 2; i++) {
      Path dir = Files.createDirectories(work.resolve("worker-" + i));
      daemons.add(start(sparkHome, work.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
          List.of("--host", "127.0.0.1", "--cores", "1", "--memory", "1536m", "--webui-port", Integer.toString(LoopbackPorts.free()),
              "--work-dir", dir.toString(), masterUrl)));
    }
    awaitLog(masterLog, "Registering worker", 2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    java.util.Collections.reverse(daemons); // workers first, then the master
    for (Process p : daemons) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (s3proxy != null) {
      s3proxy.close();
    }
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  /** A SPARK_HOME as an installation lays it out: RELEASE and jars/ (Spark's jars, linked). */
  private static Path sparkHome() throws IOException {
    Path home = Files.createDirectories(work.resolve("spark-home"));
    Files.writeString(home.resolve("RELEASE"), "Spark 3.5 (jars of the build's provided classpath)\n");
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String jar : SparkProcesses.sparkClasspath().split(File.pathSeparator)) {
      Path target = Path.of(jar);
      Path link = jars.resolve(target.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, target);
      }
    }
    return home;
  }

  private static Process start(Path sparkHome, Path log, String mainClass, List<String> args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(SparkProcesses.javaCommand("512m", mainClass, args)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.12");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(AWS_ENV); // the executors a worker starts inherit its environment
    return pb.start();
  }

  private static void awaitLog(Path log, String line, int times) throws Exception {
    for (int i = 0; i < 1200; i++) {
      if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.contains(line)).count() >= times) {
        return;
      }
      for (Process p : daemons) {
        if (!p.isAlive()) {
          throw new AssertionError("a Spark daemon exited:\n" + Files.readString(log));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("'" + line + "' did not appear " + times + " time(s) in 2 minutes:\n" + Files.readString(log));
  }

  @Test
  void sparkSubmitToTheClusterPackagesFromHdfsAndPublishesToS3() throws Exception {
    FileSystem fs = hdfs.getFileSystem();
    String base = "hdfs://localhost:" + hdfs.getNameNodePort() + "/media";
    List<String> ids = List.of("a", "b", "c");
    StringBuilder csv = new StringBuilder("asset_id,source_uri\n");
    for (String id : ids) {
      Path clip = SampleMedia.video(work.resolve(id + ".mp4"), 320, 180, "25", 3, true);
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(clip.toString()), new org.apache.hadoop.fs.Path("/media/sources/" + id + ".mp4"));
      csv.append(id).append(",sources/").append(id).append(".mp4\n");
    }
    try (var out = fs.create(new org.apache.hadoop.fs.Path("/media/catalogue.csv"))) {
      out.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    SparkProcesses.Result r = SparkProcesses.sparkSubmit(work,
        List.of("--master", masterUrl, "--deploy-mode", "client", "--executor-memory", "512m", "--executor-cores", "1",
            "--conf", "spark.executor.memoryOverhead=512m", "--conf", "spark.task.cpus=1"),
        AWS_ENV,
        List.of("run", "--catalogue", base + "/catalogue.csv", "--output", base + "/output", "--hosting", "s3://hosting/vod",
            "--set", "hlsforge.s3.endpoint=\"" + s3proxy.endpoint() + "\"", "--set", "hlsforge.s3.path-style-access=true",
            "--set", "hlsforge.video.preset=ultrafast", "--set", "hlsforge.segment-seconds=2", "--set", "hlsforge.layout=single-file",
            "--set", "hlsforge.ladder=[{name = 180p, height = 180, video-kbps = 250}]"));

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCEEDED").doesNotContain(S3ProxyServer.SECRET_KEY);
    List<String> keys = s3proxy.keys("hosting");
    for (String id : ids) {
      assertThat(keys).contains("vod/" + id + "/master.m3u8");
    }
    assertThat(keys).contains("vod/index.json").anyMatch(k -> k.endsWith("/180p/media.ts"));
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/media/output/manifests/segments/_SUCCESS"))).isTrue();
    // The secret key is in no log line (driver, master, workers, executors), report or manifest.
    try (Stream<Path> logs = Files.walk(work)) {
      // (S3Proxy's own files are the server's, which holds the key by definition.)
      for (Path log : logs.filter(p -> !p.startsWith(work.resolve("s3proxy")))
          .filter(p -> p.toString().endsWith(".log") || p.getFileName().toString().matches("stdout|stderr")).toList()) {
        assertThat(Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1)).as(log.toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
      }
    }
    var files = fs.listFiles(new org.apache.hadoop.fs.Path("/media/output"), true);
    int scanned = 0;
    while (files.hasNext()) {
      org.apache.hadoop.fs.Path p = files.next().getPath();
      try (var in = fs.open(p)) {
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).as(p.toString())
            .doesNotContain(S3ProxyServer.SECRET_KEY);
      }
      scanned++;
    }
    assertThat(scanned).as("manifests and reports were scanned").isGreaterThan(10);
    // Both workers ran an executor for the application (the work really left the driver).
    for (int i = 1; i <= 2; i++) {
      try (Stream<Path> apps = Files.list(work.resolve("worker-" + i))) {
        assertThat(apps.map(p -> p.getFileName().toString())).as("worker-" + i + " ran an executor").anyMatch(n -> n.startsWith("app-"));
      }
    }
  }
}
