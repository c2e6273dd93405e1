package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import io.hlsforge.run.Stage;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.testkit.StallHooks;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar exactly as spark-submit does: a fresh JVM whose classpath is Spark alone,
 * {@code org.apache.spark.deploy.SparkSubmit --class io.hlsforge.cli.Main <shaded jar> ...}. This
 * catches a lost reference.conf merge, missing FFmpeg natives, relocation mistakes, and a master
 * set in code (spark-submit's --master must be the one used).
 */
class SparkSubmitIT {
  @TempDir static Path work;
  static Path catalogue;

  @BeforeAll
  static void tinyCatalogue() throws Exception {
    Path clip = SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "24", 3);
    Path junk = SampleMedia.broken(work.resolve("junk.mp4"));
    catalogue =
        Files.writeString(
            work.resolve("catalogue.csv"),
            "asset_id,source_uri\nclip," + clip + "\njunk," + junk + "\n");
  }

  private static SparkProcesses.Result sparkSubmit(String... appArgs) throws Exception {
    return SparkProcesses.sparkSubmit(
        work, List.of("--master", "local[2]"), Map.of(), List.of(appArgs));
  }

  @Test
  void theShadedJarRunsTheWholePipelineUnderSparkSubmit() throws Exception {
    Path output = work.resolve("output");
    Path hosting = work.resolve("hosting");
    SparkProcesses.Result r =
        sparkSubmit(
            "run",
            "--catalogue",
            catalogue.toString(),
            "--output",
            output.toString(),
            "--hosting",
            hosting.toString(),
            "--set",
            "hlsforge.video.preset=ultrafast",
            "--set",
            "hlsforge.segment-seconds=2",
            "--set",
            "hlsforge.max-failure-ratio=0.5");

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCEEDED", "junk [probe INPUT_CORRUPT]");
    Path settings;
    try (var runs = Files.list(output.resolve("runs"))) {
      settings = runs.map(d -> d.resolve("settings.conf")).filter(Files::exists).findFirst().get();
    }
    assertThat(Files.readString(settings))
        .as("reference.conf survived shading: the run's effective settings hold its defaults")
        .contains("hlsforge.segment-seconds = 2", "hlsforge.audio.kbps = 128");
    String master = Files.readString(hosting.resolve("clip/master.m3u8"));
    assertThat(master).contains("RESOLUTION=320x180", "CODECS=\"avc1.");
    assertThat(output.resolve("manifests/segments")).isDirectory();
    assertThat(output.resolve("manifests/failures")).isDirectory();
  }

  @Test
  void tooManyFailuresMakeTheRunExitOne() throws Exception {
    SparkProcesses.Result r =
        sparkSubmit(
            "run",
            "--catalogue",
            catalogue.toString(),
            "--output",
            work.resolve("out-strict").toString(),
            "--hosting",
            work.resolve("host-strict").toString(),
            "--set",
            "hlsforge.video.preset=ultrafast",
            "--set",
            "hlsforge.max-failure-ratio=0");
    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).contains("FAILED", "(50% failed, limit 0%)");
    assertThat(work.resolve("host-strict/clip/master.m3u8"))
        .as("good assets are still published")
        .exists();
  }

  /**
   * A source the job's user may not read. The tests run as root, which reads anything, so the job
   * runs as root without the capabilities that bypass file permissions (what an unprivileged
   * service account is); as any other user it runs as that user.
   */
  @Test
  void anUnreadableSourceIsOneFailureRowNamingIt() throws Exception {
    Path locked = Files.copy(work.resolve("clip.mp4"), work.resolve("locked.mp4"));
    Files.setPosixFilePermissions(locked, Set.of());
    Path cat =
        Files.writeString(
            work.resolve("unreadable.csv"),
            "asset_id,source_uri\nclip," + work.resolve("clip.mp4") + "\nlocked," + locked + "\n");
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> unprivileged =
        root ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search") : List.of();

    SparkProcesses.Result r =
        SparkProcesses.sparkSubmit(
            work,
            unprivileged,
            List.of("--master", "local[2]"),
            Map.of(),
            List.of(
                "run",
                "--catalogue",
                cat.toString(),
                "--output",
                work.resolve("out-locked").toString(),
                "--hosting",
                work.resolve("host-locked").toString(),
                "--set",
                "hlsforge.video.preset=ultrafast",
                "--set",
                "hlsforge.segment-seconds=2",
                "--set",
                "hlsforge.max-failure-ratio=0.5"));

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("locked [probe INPUT_UNREADABLE]", "permission denied reading " + locked.toUri());
    assertThat(work.resolve("host-locked/clip/master.m3u8"))
        .as("the readable title is published")
        .exists();
    assertThat(work.resolve("host-locked/locked")).doesNotExist();
  }

  private static void assertPlayable(Path master) {
    var report =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())))
            .validate(master.toUri().toString());
    assertThat(report.errors()).as(master + "\n" + report.toText()).isEmpty();
  }

  /**
   * The driver (and with it, in local mode, every executor) is SIGKILLed while it publishes: one
   * new title is live, another is stalled before its first object. Masters published earlier stay
   * byte-identical and playable, no master points at missing objects, and the next run publishes
   * the rest.
   */
  @Test
  void aDriverKilledMidPublishLeavesLiveMastersUntouchedAndTheNextRunFinishes() throws Exception {
    Path dir = Files.createDirectories(work.resolve("killed"));
    StringBuilder first = new StringBuilder("asset_id,source_uri\n");
    StringBuilder all = new StringBuilder("asset_id,source_uri\n");
    for (String id : List.of("a", "b", "c", "d")) {
      String row =
          id + "," + SampleMedia.testCard(dir.resolve(id + ".mp4"), 320, 180, "25", 3) + "\n";
      all.append(row);
      if (id.equals("a") || id.equals("b")) {
        first.append(row);
      }
    }
    Path firstCatalogue = Files.writeString(dir.resolve("first.csv"), first.toString());
    Path allCatalogue = Files.writeString(dir.resolve("all.csv"), all.toString());
    Path hosting = dir.resolve("hosting");

    SparkProcesses.Result r1 =
        SparkProcesses.sparkSubmit(
            work,
            List.of("--master", "local[2]"),
            Map.of(),
            SparkProcesses.smallRunArgs(firstCatalogue, dir));
    assertThat(r1.exit()).as(r1.output()).isZero();
    Map<String, byte[]> live =
        Map.of(
            "a",
            Files.readAllBytes(hosting.resolve("a/master.m3u8")),
            "b",
            Files.readAllBytes(hosting.resolve("b/master.m3u8")));
    String indexBefore = Files.readString(hosting.resolve("index.json"));

    Path log = dir.resolve("killed-run.log");
    Process driver =
        SparkProcesses.startSparkSubmit(
            log,
            List.of(),
            StallHooks.jvmOptions("d", Stage.PUBLISH, 600),
            List.of("--master", "local[2]"),
            Map.of(),
            SparkProcesses.smallRunArgs(allCatalogue, dir));
    try {
      for (int i = 0; i < 3000 && !Files.exists(hosting.resolve("c/master.m3u8")); i++) {
        assertThat(driver.isAlive())
            .as("the run is still going:\n" + (Files.exists(log) ? Files.readString(log) : ""))
            .isTrue();
        Thread.sleep(100);
      }
      assertThat(hosting.resolve("c/master.m3u8")).as("c was published before the kill").exists();
    } finally {
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      driver.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
      driver.waitFor();
    }
    byte[] cMaster = Files.readAllBytes(hosting.resolve("c/master.m3u8"));

    live.forEach(
        (id, bytes) -> {
          try {
            assertThat(Files.readAllBytes(hosting.resolve(id + "/master.m3u8")))
                .as(id + " master byte-identical")
                .isEqualTo(bytes);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
    assertThat(hosting.resolve("d/master.m3u8")).as("d never went live").doesNotExist();
    for (String id : List.of("a", "b", "c")) {
      assertPlayable(hosting.resolve(id + "/master.m3u8"));
    }
    assertThat(Files.readString(hosting.resolve("index.json")))
        .as("the index is written after publishing")
        .isEqualTo(indexBefore);

    SparkProcesses.Result r3 =
        SparkProcesses.sparkSubmit(
            work,
            List.of("--master", "local[2]"),
            Map.of(),
            SparkProcesses.smallRunArgs(allCatalogue, dir));
    assertThat(r3.exit()).as(r3.output()).isZero();
    assertPlayable(hosting.resolve("d/master.m3u8"));
    assertThat(Files.readAllBytes(hosting.resolve("a/master.m3u8"))).isEqualTo(live.get("a"));
    assertThat(Files.readAllBytes(hosting.resolve("b/master.m3u8"))).isEqualTo(live.get("b"));
    assertThat(Files.readAllBytes(hosting.resolve("c/master.m3u8"))).isEqualTo(cMaster);
    assertThat(Files.readString(hosting.resolve("index.json"))).contains("\"d\"", "\"c\"", "\"a\"");
  }
}
