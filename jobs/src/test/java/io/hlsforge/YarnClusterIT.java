package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YARN cluster mode for real: an in-process YARN cluster (Hadoop's MiniYARNCluster: a resource
 * manager and a node manager) over HDFS (MiniDFSCluster), and {@code spark-submit --master yarn
 * --deploy-mode cluster} of the shaded jar, so the driver runs inside YARN's ApplicationMaster
 * container. YARN's own report of the application is the oracle: SUCCEEDED for a good run (and its
 * packages on HDFS), FAILED with a diagnostic that says why for a run past max-failure-ratio.
 */
class YarnClusterIT {
  @TempDir static Path work;
  static MiniDFSCluster hdfs;
  static MiniYARNCluster yarn;
  static Path hadoopConf;
  static Path clip;
  static SparkProcesses.Result good;
  static SparkProcesses.Result bad;

  @BeforeAll
  static void startCluster() throws Exception {
    Configuration conf = new YarnConfiguration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    conf.set("fs.defaultFS", hdfs.getURI().toString());
    // One node with room for an ApplicationMaster (the driver) and an executor; no disk or
    // virtual-memory checks (a busy CI disk must not mark the node unhealthy).
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    // The capacity scheduler with one queue (a distribution's capacity-scheduler.xml says so).
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
    conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
    conf.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
    conf.setInt(YarnConfiguration.NM_VCORES, 4);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.set(
        "yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "100");
    yarn = new MiniYARNCluster("hlsforge", 1, 1, 1);
    yarn.init(conf);
    yarn.start();
    // The resource manager's real address is in the configuration once it listens.
    for (int i = 0;
        i < 600 && yarn.getConfig().get(YarnConfiguration.RM_ADDRESS).endsWith(":0");
        i++) {
      Thread.sleep(100);
    }
    // What spark-submit reads from HADOOP_CONF_DIR: the running clusters' addresses.
    hadoopConf = Files.createDirectories(work.resolve("hadoop-conf"));
    Configuration running = new Configuration(yarn.getConfig());
    running.set("fs.defaultFS", hdfs.getURI().toString());
    // MiniDFSCluster's rack mapping is a class of Hadoop's tests, not on a cluster's classpath.
    running.unset("net.topology.node.switch.mapping.impl");
    for (String file : List.of("core-site.xml", "yarn-site.xml", "hdfs-site.xml")) {
      try (OutputStream out = Files.newOutputStream(hadoopConf.resolve(file))) {
        running.writeXml(out);
      }
    }
    clip = SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "25", 3);
    Path junk = SampleMedia.broken(work.resolve("junk.mp4"));
    // One application after the other (submitted together, both waited for executors here).
    Path goodLog = work.resolve("good.log");
    good =
        finish(
            submit(
                "hlsforge-good",
                Files.writeString(
                    work.resolve("good.csv"), "asset_id,source_uri\nclip," + clip + "\n"),
                goodLog),
            goodLog);
    Path badLog = work.resolve("bad.log");
    bad =
        finish(
            submit(
                "hlsforge-bad",
                Files.writeString(
                    work.resolve("bad.csv"),
                    "asset_id,source_uri\nclip," + clip + "\njunk," + junk + "\n"),
                badLog),
            badLog);
  }

  private static SparkProcesses.Result finish(Process p, Path log) throws Exception {
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(
          "spark-submit did not finish in 10 minutes:\n" + Files.readString(log));
    }
    return new SparkProcesses.Result(p.exitValue(), Files.readString(log));
  }

  @AfterAll
  static void stopCluster() {
    if (yarn != null) {
      yarn.stop();
    }
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  /**
   * Starts spark-submit in cluster mode (its output goes to {@code log}); Spark's jars are taken
   * from this machine ({@code local:}).
   */
  private static Process submit(String name, Path catalogue, Path log) throws Exception {
    String jars =
        Arrays.stream(SparkProcesses.sparkClasspath().split(File.pathSeparator))
            .filter(j -> j.endsWith(".jar"))
            .map(j -> "local:" + j)
            .collect(Collectors.joining(","));
    String dfs = hdfs.getURI().toString();
    return SparkProcesses.startSparkSubmit(
        log,
        List.of(),
        List.of(),
        List.of(
            "--master",
            "yarn",
            "--deploy-mode",
            "cluster",
            "--name",
            name,
            "--driver-memory",
            "1g",
            "--executor-memory",
            "1g",
            "--num-executors",
            "1",
            "--conf",
            "spark.yarn.jars=" + jars,
            "--conf",
            "spark.yarn.maxAppAttempts=1",
            "--conf",
            "spark.driver.extraJavaOptions=" + System.getProperty("hlsforge.jdkOpens").trim(),
            "--conf",
            "spark.executor.extraJavaOptions=" + System.getProperty("hlsforge.jdkOpens").trim()),
        Map.of("HADOOP_CONF_DIR", hadoopConf.toString(), "YARN_CONF_DIR", hadoopConf.toString()),
        List.of(
            "run",
            "--catalogue",
            catalogue.toString(),
            "--output",
            dfs + "/" + name + "/output",
            "--hosting",
            dfs + "/" + name + "/hosting",
            "--set",
            "hlsforge.segment-seconds=2",
            "--set",
            "hlsforge.video.preset=ultrafast",
            "--set",
            "hlsforge.ladder=[{name = 180p, height = 180, video-kbps = 250}]"));
  }

  private static ApplicationReport report(String name) throws Exception {
    try (YarnClient client = YarnClient.createYarnClient()) {
      client.init(yarn.getConfig());
      client.start();
      return client.getApplications().stream()
          .filter(a -> a.getName().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("YARN has no application " + name));
    }
  }

  @Test
  void aGoodRunSucceedsInYarnClusterMode() throws Exception {
    SparkProcesses.Result r = good;
    ApplicationReport app = report("hlsforge-good");
    assertThat(app.getFinalApplicationStatus())
        .as("%s\n%s", app.getDiagnostics(), r.output())
        .isEqualTo(FinalApplicationStatus.SUCCEEDED);
    assertThat(r.exit()).as(r.output()).isZero();
    Configuration dfs = new Configuration(yarn.getConfig());
    dfs.set("fs.defaultFS", hdfs.getURI().toString());
    ValidationReport v =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(dfs)))
            .validate(hdfs.getURI() + "/hlsforge-good/hosting/clip/master.m3u8");
    assertThat(v.errors()).as(v.toText()).isEmpty();
  }

  @Test
  void aRunPastTheFailureLimitFailsWithADiagnostic() throws Exception {
    SparkProcesses.Result r = bad;
    ApplicationReport app = report("hlsforge-bad");
    assertThat(app.getFinalApplicationStatus())
        .as(r.output())
        .isEqualTo(FinalApplicationStatus.FAILED);
    assertThat(app.getDiagnostics()).contains("FAILED: 1 of 2 assets failed (50%, limit 25%)");
    assertThat(r.exit()).isNotZero();
  }
}
