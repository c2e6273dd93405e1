package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.ContentTypes;
import io.hlsforge.storage.SerializableHadoopConf;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes a video and an MP3 with the real pipeline, serves player/index.html and the hosting
 * directory over HTTP on loopback, and plays each stream to its end with hls.js in Debian's
 * headless Chromium (driven by player/tests/play.mjs through playwright-core).
 */
class PlayerPlaybackIT extends SharedSparkSession {
  private static final Path PLAYER = Path.of("..", "player").toAbsolutePath().normalize();
  @TempDir static Path work;
  static HttpServer server;
  static Path hosting;

  @BeforeAll
  static void publishAndServe() throws Exception {
    Path clip = SampleMedia.video(work.resolve("clip.mp4"), 480, 270, "30", 4, true);
    Path mp3 = SampleMedia.mp3(work.resolve("talk.mp3"), 3);
    Path catalogue = Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\nclip," + clip + "\ntalk," + mp3 + "\n");
    hosting = work.resolve("hosting");
    HlsforgeSettings settings = HlsforgeSettings.from(ConfigLoader.load(Map.of("hlsforge.segment-seconds", "2", "hlsforge.video.preset", "ultrafast",
        "hlsforge.ladder", "[{name = 270p, height = 270, video-kbps = 500}, {name = 180p, height = 180, video-kbps = 250}]"),
        Optional.empty(), Optional.empty()));
    RunContext run = new RunContext("play", "2026-11-25", catalogue.toUri().toString(), work.resolve("out").toUri().toString(),
        hosting.toUri().toString(), settings, new SerializableHadoopConf(new Configuration(spark.sparkContext().hadoopConfiguration())));
    RunReport report = new Pipeline(run, spark).execute(Pipeline.Stages.ALL);
    assertThat(report.assetsSucceeded()).isEqualTo(2);

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/player/", ex -> serve(ex, PLAYER, "/player/"));
    server.createContext("/hosting/", ex -> serve(ex, hosting, "/hosting/"));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void serve(HttpExchange ex, Path root, String prefix) throws IOException {
    Path file = root.resolve(ex.getRequestURI().getPath().substring(prefix.length())).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    byte[] body = Files.readAllBytes(file);
    ex.getResponseHeaders().set("Content-Type", file.toString().endsWith(".html") ? "text/html" : file.toString().endsWith(".js")
        ? "text/javascript" : ContentTypes.of(file.getFileName().toString()));
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static JsonNode play(String asset) throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/player/index.html?src=/hosting/" + asset + "/master.m3u8";
    Process p = new ProcessBuilder(List.of("node", PLAYER.resolve("tests/play.mjs").toString(), url, "--timeout-ms", "60000"))
        .redirectInput(new File("/dev/null")).redirectErrorStream(false).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("play.mjs: %s %s", stdout, stderr).isZero();
    return new ObjectMapper().readTree(stdout);
  }

  @Test
  void theVideoPackagePlaysToTheEndInHlsJs() throws Exception {
    JsonNode state = play("clip");
    assertThat(state.path("manifestParsed").asBoolean()).isTrue();
    assertThat(state.path("levels")).hasSize(2);
    assertThat(state.path("fatal").isNull()).isTrue();
    assertThat(state.path("ended").asBoolean()).isTrue();
    assertThat(state.path("currentTime").asDouble()).isGreaterThan(3.5);
    assertThat(state.path("videoWidth").asInt()).isIn(320, 480);
  }

  @Test
  void theAudioOnlyPackagePlaysToTheEndInHlsJs() throws Exception {
    JsonNode state = play("talk");
    assertThat(state.path("levels")).hasSize(1);
    assertThat(state.path("ended").asBoolean()).isTrue();
    assertThat(state.path("currentTime").asDouble()).isGreaterThan(2.5);
    assertThat(state.path("videoWidth").asInt()).isZero();
  }
}
