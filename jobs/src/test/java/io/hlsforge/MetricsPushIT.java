package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.SerializableHadoopConf;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run pushes its metrics to a real Prometheus Pushgateway (Debian's package, started here on a
 * free loopback port), and a second, incremental run replaces them with its own.
 */
class MetricsPushIT extends SharedSparkSession {
  @TempDir static Path work;
  static Process gateway;
  static int port;

  @BeforeAll
  static void startGateway() throws Exception {
    port = LoopbackPorts.free();
    gateway =
        new ProcessBuilder(
                List.of(
                    "/usr/bin/prometheus-pushgateway", "--web.listen-address=127.0.0.1:" + port))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("pushgateway.log").toFile())
            .redirectInput(new File("/dev/null"))
            .start();
    LoopbackPorts.awaitListening(
        port, gateway, work.resolve("pushgateway.log"), Duration.ofSeconds(10));
  }

  @AfterAll
  static void stopGateway() throws InterruptedException {
    if (gateway != null) {
      gateway.destroy();
      gateway.waitFor();
    }
  }

  private static RunReport run(String runId) throws Exception {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.max-failure-ratio",
                    "0.5",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 250}]",
                    "hlsforge.metrics.pushgateway-url",
                    "\"http://127.0.0.1:" + port + "\""),
                Optional.empty(),
                Optional.empty()));
    return new Pipeline(
            new RunContext(
                runId,
                "2026-11-25",
                work.resolve("c.csv").toUri().toString(),
                work.resolve("out").toUri().toString(),
                work.resolve("hosting").toUri().toString(),
                settings,
                new SerializableHadoopConf(
                    new Configuration(spark.sparkContext().hadoopConfiguration()))),
            spark)
        .execute(Pipeline.Stages.ALL);
  }

  private static String scrape() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** The value of a pushed sample, matched by metric name and one label. */
  private static double value(String metrics, String name, String label) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
    while (m.find()) {
      if (m.group(1).contains(label) && m.group(1).contains("job=\"hlsforge\"")) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError(
        name + "{" + label + "} not in the Pushgateway's metrics:\n" + metrics);
  }

  @Test
  void eachRunPushesItsOutcome() throws Exception {
    Path clip = SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "25", 3);
    Path broken = SampleMedia.broken(work.resolve("broken.mp4"));
    Files.writeString(
        work.resolve("c.csv"), "asset_id,source_uri\nclip," + clip + "\nbroken," + broken + "\n");

    RunReport first = run("metrics-1");
    String metrics = scrape();
    assertThat(value(metrics, "hlsforge_run_assets", "status=\"packaged\"")).isEqualTo(1);
    assertThat(value(metrics, "hlsforge_run_assets", "status=\"failed\"")).isEqualTo(1);
    assertThat(value(metrics, "hlsforge_run_failures", "reason=\"INPUT_CORRUPT\"")).isEqualTo(1);
    assertThat(value(metrics, "hlsforge_run_media_seconds", "job="))
        .isEqualTo(first.mediaSeconds());
    assertThat(value(metrics, "hlsforge_run_bytes_written", "job=")).isPositive();
    assertThat(value(metrics, "hlsforge_run_duration_seconds", "stage=\"package\"")).isPositive();

    run("metrics-2"); // unchanged catalogue: nothing encoded, the clip skipped
    metrics = scrape();
    assertThat(value(metrics, "hlsforge_run_assets", "status=\"packaged\"")).isZero();
    assertThat(value(metrics, "hlsforge_run_assets", "status=\"skipped\"")).isEqualTo(1);
    assertThat(value(metrics, "hlsforge_run_bytes_written", "job=")).isZero();
  }
}
