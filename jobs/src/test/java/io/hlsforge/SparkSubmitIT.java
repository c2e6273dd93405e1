package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  private record Result(int exit, String output) {}

  private static Result sparkSubmit(String... appArgs) throws Exception {
    String jar = System.getProperty("hlsforge.shadedJar");
    String sparkClasspath = Files.readString(Path.of(System.getProperty("hlsforge.sparkClasspath"))).strip();
    assertThat(Path.of(jar)).as("shaded jar built by the package phase").exists();
    assertThat(sparkClasspath).as("the JVM's classpath is Spark only").doesNotContain("hlsforge", "bytedeco", "picocli", "typesafe");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Arrays.asList(System.getProperty("hlsforge.jdkOpens").trim().split("\\s+")));
    cmd.addAll(List.of("-Xmx1g", "-cp", sparkClasspath, "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
        "--class", "io.hlsforge.cli.Main", jar));
    cmd.addAll(Arrays.asList(appArgs));
    Path log = Files.createTempFile(work, "spark-submit", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("spark-submit did not finish in 10 minutes:\n" + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void theShadedJarRunsTheWholePipelineUnderSparkSubmit() throws Exception {
    Path output = work.resolve("output");
    Path hosting = work.resolve("hosting");
    Result r = sparkSubmit("run", "--catalogue", catalogue.toString(), "--output", output.toString(), "--hosting", hosting.toString(),
        "--set", "hlsforge.video.preset=ultrafast", "--set", "hlsforge.segment-seconds=2", "--set", "hlsforge.max-failure-ratio=0.5");

    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCEEDED", "junk [probe PROBE_FAILED]")
        .as("reference.conf survived shading").contains("hlsforge.segment-seconds = 2", "hlsforge.audio.kbps = 128");
    String master = Files.readString(hosting.resolve("clip/master.m3u8"));
    assertThat(master).contains("RESOLUTION=320x180", "CODECS=\"avc1.");
    assertThat(output.resolve("manifests/segments")).isDirectory();
    assertThat(output.resolve("manifests/failures")).isDirectory();
  }

  @Test
  void tooManyFailuresMakeTheRunExitOne() throws Exception {
    Result r = sparkSubmit("run", "--catalogue", catalogue.toString(), "--output", work.resolve("out-strict").toString(),
        "--hosting", work.resolve("host-strict").toString(), "--set", "hlsforge.video.preset=ultrafast", "--set", "hlsforge.max-failure-ratio=0");
    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).contains("FAILED", "(50% failed, limit 0%)");
    assertThat(work.resolve("host-strict/clip/master.m3u8")).as("good assets are still published").exists();
  }
}
