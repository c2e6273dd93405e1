package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar exactly as spark-submit does: a fresh JVM whose classpath is Spark alone,
 * {@code org.apache.spark.deploy.SparkSubmit --class io.hlsforge.cli.Main <shaded jar> ...}. This
 * catches a lost reference.conf merge, missing FFmpeg natives, relocation mistakes, and a master set
 * in code (spark-submit's --master must be the one used).
 */
class SparkSubmitIT {
  @TempDir static Path work;
  static Path catalogue;

  @BeforeAll
  static void tinyCatalogue() throws Exception {
    Path clip = SampleMedia.video(work.resolve("clip.mp4"), 320, 180, "24", 3, true);
    Path junk = SampleMedia.broken(work.resolve("junk.mp4"));
    catalogue = Files.writeString(work.resolve("catalogue.csv"), "asset_id,source_uri\nclip," + clip + "\njunk," + junk + "\n");
  }

  private static SparkProcesses.Result sparkSubmit(String... appArgs) throws Exception {
    return SparkProcesses.sparkSubmit(work, List.of("--master", "local[2]"), Map.of(), List.of(appArgs));
  }

  @Test
  void theShadedJarRunsTheWholePipelineUnderSparkSubmit() throws Exception {
    Path output = work.resolve("output");
    Path hosting = work.resolve("hosting");
    SparkProcesses.Result r = sparkSubmit("run", "--catalogue", catalogue.toString(), "--output", output.toString(), "--hosting", hosting.toString(),
        "--set", "hlsforge.video.preset=ultrafast", "--set", "hlsforge.segment-seconds=2", "--set", "hlsforge.max-failure-ratio=0.5");

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCEEDED", "junk [probe INPUT_CORRUPT]")
        .as("reference.conf survived shading").contains("hlsforge.segment-seconds = 2", "hlsforge.audio.kbps = 128");
    String master = Files.readString(hosting.resolve("clip/master.m3u8"));
    assertThat(master).contains("RESOLUTION=320x180", "CODECS=\"avc1.");
    assertThat(output.resolve("manifests/segments")).isDirectory();
    assertThat(output.resolve("manifests/failures")).isDirectory();
  }

  @Test
  void tooManyFailuresMakeTheRunExitOne() throws Exception {
    SparkProcesses.Result r = sparkSubmit("run", "--catalogue", catalogue.toString(), "--output", work.resolve("out-strict").toString(),
        "--hosting", work.resolve("host-strict").toString(), "--set", "hlsforge.video.preset=ultrafast", "--set", "hlsforge.max-failure-ratio=0");
    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).contains("FAILED", "(50% failed, limit 0%)");
    assertThat(work.resolve("host-strict/clip/master.m3u8")).as("good assets are still published").exists();
  }

  /**
   * A source the job's user may not read. The tests run as root, which reads anything, so the job
   * runs as root without the capabilities that bypass file permissions (what an unprivileged
   * service account is); as any other user it runs as that user.
   */
  @Test
  void anUnreadableSourceIsOneFailureRowNamingIt() throws Exception {
    Path locked = Files.copy(work.resolve("clip.mp4"), work.resolve("locked.mp4"));
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    Path cat = Files.writeString(work.resolve("unreadable.csv"), "asset_id,source_uri\nclip," + work.resolve("clip.mp4") + "\nlocked," + locked + "\n");
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> unprivileged = root ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search") : List.of();

    SparkProcesses.Result r = SparkProcesses.sparkSubmit(work, unprivileged, List.of("--master", "local[2]"), Map.of(), List.of("run",
        "--catalogue", cat.toString(), "--output", work.resolve("out-locked").toString(), "--hosting", work.resolve("host-locked").toString(),
        "--set", "hlsforge.video.preset=ultrafast", "--set", "hlsforge.segment-seconds=2", "--set", "hlsforge.max-failure-ratio=0.5"));

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("locked [probe INPUT_UNREADABLE]", "permission denied reading " + locked);
    assertThat(work.resolve("host-locked/clip/master.m3u8")).as("the readable title is published").exists();
    assertThat(work.resolve("host-locked/locked")).doesNotExist();
  }
}
