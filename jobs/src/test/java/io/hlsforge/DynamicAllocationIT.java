package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.run.Stage;
import io.hlsforge.testkit.StallHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark dynamic allocation on a standalone cluster whose worker runs the external shuffle service
 * (as the docs tell a user to run it): the application starts with one executor, asks for a second
 * while package tasks queue up, gives one back once it has been idle for the idle timeout while
 * another title is still encoding, and publishes what a run with a fixed pair of executors
 * publishes.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DynamicAllocationIT {
  private static final long IDLE_TIMEOUT_MS = 2_000;

  @TempDir static Path work;
  static StandaloneCluster cluster;
  static int shufflePort;
  static Path catalogue;

  @BeforeAll
  static void startCluster() throws Exception {
    shufflePort = LoopbackPorts.free();
    // One worker with two cores: two one-core executors fit, and one host means one shuffle
    // service (it listens on every address, so two workers on one machine would clash).
    cluster =
        StandaloneCluster.start(
            work,
            List.of(
                new StandaloneCluster.Worker(
                    "127.0.0.1",
                    2,
                    "3g",
                    List.of(
                        "-Dspark.shuffle.service.enabled=true",
                        "-Dspark.shuffle.service.port=" + shufflePort))),
            Map.of());
    Path media = Files.createDirectories(work.resolve("media"));
    StringBuilder csv = new StringBuilder("asset_id,source_uri\n");
    // "long" is the longest title, so the planner hands it out first: it is the unit that stalls
    // while the others are encoded by the executor dynamic allocation adds.
    csv.append("long,")
        .append(SampleMedia.testCard(media.resolve("long.mp4"), 320, 180, "25", 4))
        .append('\n');
    for (String id : List.of("b", "c", "d")) {
      csv.append(id)
          .append(',')
          .append(SampleMedia.testCard(media.resolve(id + ".mp4"), 320, 180, "25", 2))
          .append('\n');
    }
    catalogue = Files.writeString(media.resolve("catalogue.csv"), csv.toString());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void executorsComeWhenPackageTasksQueueAndGoWhenIdleAndThePackagesAreTheStaticOnes()
      throws Exception {
    Path events = Files.createDirectories(work.resolve("events"));
    SparkProcesses.Result fixed =
        submit(
            work.resolve("static"),
            List.of(
                "--conf", "spark.cores.max=2", "--conf", "spark.dynamicAllocation.enabled=false"),
            List.of());
    SparkProcesses.Result dynamic =
        submit(
            work.resolve("dynamic"),
            List.of(
                "--conf",
                "spark.dynamicAllocation.enabled=true",
                "--conf",
                "spark.shuffle.service.enabled=true",
                "--conf",
                "spark.shuffle.service.port=" + shufflePort,
                "--conf",
                "spark.dynamicAllocation.minExecutors=0",
                "--conf",
                "spark.dynamicAllocation.initialExecutors=1",
                "--conf",
                "spark.dynamicAllocation.maxExecutors=2",
                "--conf",
                "spark.dynamicAllocation.schedulerBacklogTimeout=1s",
                "--conf",
                "spark.dynamicAllocation.sustainedSchedulerBacklogTimeout=1s",
                "--conf",
                "spark.dynamicAllocation.executorIdleTimeout=" + IDLE_TIMEOUT_MS + "ms",
                "--conf",
                "spark.eventLog.enabled=true",
                "--conf",
                "spark.eventLog.dir=" + events.toUri()),
            // Long enough for the second executor to start, encode the three short titles and sit
            // idle past the timeout while the first one is still busy with "long".
            StallHooks.jvmOptions("long", Stage.PACKAGE, 25));
    assertThat(fixed.exit()).as(fixed.output()).isZero();
    assertThat(dynamic.exit()).as(dynamic.output()).isZero();

    EventLog log = EventLog.read(events);
    Set<Integer> packageStages = log.stagesOfJobGroup("hlsforge-package-");
    // When each executor last became idle: when it registered, or when its last task ended.
    Map<String, Long> idleSince = new HashMap<>();
    for (JsonNode e : log.ofType("SparkListenerExecutorAdded")) {
      idleSince.put(e.path("Executor ID").asText(), e.path("Timestamp").asLong());
    }
    Set<String> packagingExecutors = new HashSet<>();
    long packageEnd = 0;
    for (JsonNode e : log.ofType("SparkListenerTaskEnd")) {
      String executor = e.path("Task Info").path("Executor ID").asText();
      long finished = e.path("Task Info").path("Finish Time").asLong();
      idleSince.merge(executor, finished, Math::max);
      if (packageStages.contains(e.path("Stage ID").asInt())) {
        packagingExecutors.add(executor);
        packageEnd = Math.max(packageEnd, finished);
      }
    }
    assertThat(log.ofType("SparkListenerExecutorAdded"))
        .as("executors added")
        .hasSizeGreaterThan(1);
    assertThat(packagingExecutors).as("executors that ran package tasks").hasSizeGreaterThan(1);

    // One executor was given back while the stalled title was still encoding (before the package
    // stage's last task ended), and only after it had been idle for the idle timeout.
    List<String> removedMidRun = new ArrayList<>();
    for (JsonNode e : log.ofType("SparkListenerExecutorRemoved")) {
      String executor = e.path("Executor ID").asText();
      long at = e.path("Timestamp").asLong();
      if (at < packageEnd) {
        assertThat(e.path("Removed Reason").asText()).containsIgnoringCase("killed");
        assertThat(at - idleSince.get(executor))
            .as("executor %s idle before it was removed (ms)", executor)
            .isGreaterThanOrEqualTo(IDLE_TIMEOUT_MS);
        removedMidRun.add(executor);
      }
    }
    assertThat(removedMidRun).as("executors released during packaging").isNotEmpty();

    // The packages are those of the static run: same objects, same segment bytes.
    Map<String, String> hosted = SparkProcesses.files(work.resolve("dynamic/hosting"));
    assertThat(hosted)
        .as("same objects, byte for byte")
        .isEqualTo(SparkProcesses.files(work.resolve("static/hosting")));
    assertThat(hosted.keySet()).anyMatch(f -> f.startsWith("long/"));
    SparkSession reader =
        SparkSession.builder()
            .master("local[1]")
            .appName("read-manifests")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    try {
      assertThat(segments(reader, "dynamic"))
          .isEqualTo(segments(reader, "static"))
          .hasSizeGreaterThan(4);
    } finally {
      reader.stop();
    }
  }

  private static SparkProcesses.Result submit(
      Path dir, List<String> allocation, List<String> driverOptions) throws Exception {
    List<String> sparkArgs =
        new ArrayList<>(
            List.of(
                "--master",
                cluster.masterUrl(),
                "--deploy-mode",
                "client",
                "--executor-memory",
                "512m",
                "--executor-cores",
                "1",
                "--conf",
                "spark.executor.memoryOverhead=512m"));
    sparkArgs.addAll(allocation);
    return SparkProcesses.sparkSubmit(
        work,
        List.of(),
        driverOptions,
        sparkArgs,
        Map.of(),
        SparkProcesses.smallRunArgs(catalogue, dir));
  }

  /** Each segment as asset, rendition, index, duration, size and hash: what a viewer receives. */
  private static List<String> segments(SparkSession reader, String run) {
    Dataset<Row> rows =
        reader
            .read()
            .parquet(work.resolve(run + "/output/manifests/segments").toString())
            .selectExpr(
                "concat_ws(' ', asset_id, rendition, segment_index, duration_s, bytes, sha256)");
    return rows.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }

  /** A Spark event log (one JSON event per line), read without Spark's own replay classes. */
  private record EventLog(List<JsonNode> events) {
    static EventLog read(Path dir) throws IOException {
      ObjectMapper json = new ObjectMapper();
      List<JsonNode> events = new ArrayList<>();
      try (Stream<Path> logs = Files.list(dir)) {
        Path log = logs.filter(Files::isRegularFile).findFirst().orElseThrow();
        for (String line : Files.readAllLines(log)) {
          events.add(json.readTree(line));
        }
      }
      return new EventLog(events);
    }

    List<JsonNode> ofType(String event) {
      return events.stream().filter(e -> e.path("Event").asText().equals(event)).toList();
    }

    /** The stages of every job whose job group starts with {@code prefix}. */
    Set<Integer> stagesOfJobGroup(String prefix) {
      Set<Integer> stages = new HashSet<>();
      for (JsonNode job : ofType("SparkListenerJobStart")) {
        if (job.path("Properties").path("spark.jobGroup.id").asText().startsWith(prefix)) {
          job.path("Stage IDs").forEach(id -> stages.add(id.asInt()));
        }
      }
      assertThat(stages).as("stages of job group " + prefix + "*").isNotEmpty();
      return stages;
    }
  }
}
