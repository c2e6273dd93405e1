package io.hlsforge.spark4;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark 4 job jar as a Spark 4 cluster runs it: a fresh JVM whose classpath is Spark 4.2's own
 * (Scala 2.13, Hadoop 3.5, as Maven resolves spark-sql_2.13), {@code SparkSubmit --class
 * io.hlsforge.cli.Main <spark4 jar> …}: the pipeline packages and publishes a generated clip, the
 * package validates, and the manifests read back through the jar's own {@code sql} command.
 */
class Spark4SubmitIT {
  @TempDir static Path work;
  static Path catalogue;

  @BeforeAll
  static void tinyCatalogue() throws Exception {
    // 3 s in 2 s segments: 2 segments per rendition (2 s + 1 s).
    Path clip = SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "25", 3);
    catalogue =
        Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\nclip," + clip + "\n");
  }

  /** {exit code, stdout, stderr} of spark-submit of the Spark 4 jar with these arguments. */
  private static String[] sparkSubmit(String... appArgs) throws Exception {
    String cp = Files.readString(Path.of(System.getProperty("hlsforge.sparkClasspath"))).strip();
    assertThat(cp)
        .as("the JVM's classpath is Spark 4 only")
        .contains("spark-core_2.13-4.2.0.jar")
        .doesNotContain("hlsforge", "bytedeco", "picocli", "typesafe");
    Path jar = Path.of(System.getProperty("hlsforge.shadedJar"));
    assertThat(jar.getFileName().toString()).contains("spark4");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Arrays.asList(System.getProperty("hlsforge.jdkOpens").trim().split("\\s+")));
    cmd.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            cp,
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--class",
            "io.hlsforge.cli.Main",
            jar.toString()));
    cmd.addAll(List.of(appArgs));
    File out = work.resolve("stdout-" + System.nanoTime()).toFile();
    File err = work.resolve("stderr-" + System.nanoTime()).toFile();
    Process p =
        new ProcessBuilder(cmd)
            .redirectInput(new File("/dev/null"))
            .redirectOutput(out)
            .redirectError(err)
            .start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("spark-submit ended").isTrue();
    return new String[] {
      Integer.toString(p.exitValue()),
      Files.readString(out.toPath(), StandardCharsets.UTF_8),
      Files.readString(err.toPath(), StandardCharsets.UTF_8)
    };
  }

  @Test
  void theSpark4JarPackagesPublishesAndReadsItsManifestsUnderSpark4() throws Exception {
    Path output = work.resolve("output");
    Path hosting = work.resolve("hosting");
    String[] run =
        sparkSubmit(
            "run",
            "--catalogue",
            catalogue.toString(),
            "--output",
            output.toString(),
            "--hosting",
            hosting.toString(),
            "--set",
            "hlsforge.segment-seconds=2",
            "--set",
            "hlsforge.video.preset=ultrafast",
            "--set",
            "hlsforge.ladder=[{name = 180p, height = 180, video-kbps = 250}]");
    assertThat(run[0]).as(run[2]).isEqualTo("0");
    assertThat(run[2]).contains("Running Spark version 4.2.0");
    assertThat(run[1]).contains("SUCCEEDED").contains("publish      1 in,     1 ok");

    ValidationReport v =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())))
            .validate(hosting.resolve("clip/master.m3u8").toUri().toString());
    assertThat(v.errors()).as(v.toText()).isEmpty();

    String[] sql =
        sparkSubmit(
            "sql",
            "--output",
            output.toString(),
            "--format",
            "csv",
            "SELECT rendition, segment_count FROM renditions ORDER BY rendition");
    assertThat(sql[0]).as(sql[2]).isEqualTo("0");
    assertThat(sql[1].lines().filter(l -> !l.isBlank()).toList())
        .containsExactly("rendition,segment_count", "180p,2", "audio-stereo,2");
  }
}
