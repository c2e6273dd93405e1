package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.SerializableHadoopConf;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/nginx-origin.conf, unmodified but for its port and root, serving a published hosting
 * directory on loopback: content types, cache headers, CORS (also on errors), and a stream played
 * through it by hls.js from another origin.
 */
class NginxOriginIT extends SharedSparkSession {
  @TempDir static Path work;
  static Process nginx;
  static int port;
  static String encodingDir;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void publishAndStartNginx() throws Exception {
    Path clip = SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "25", 3);
    Path catalogue =
        Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\nclip," + clip + "\n");
    Path hosting = work.resolve("hosting");
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 250}]"),
                Optional.empty(),
                Optional.empty()));
    new Pipeline(
            new RunContext(
                "origin",
                "2026-11-25",
                catalogue.toUri().toString(),
                work.resolve("out").toUri().toString(),
                hosting.toUri().toString(),
                settings,
                new SerializableHadoopConf(
                    new Configuration(spark.sparkContext().hadoopConfiguration()))),
            spark)
        .execute(Pipeline.Stages.ALL);
    try (Stream<Path> dirs = Files.list(hosting.resolve("clip"))) {
      encodingDir =
          dirs.filter(Files::isDirectory).findFirst().orElseThrow().getFileName().toString();
    }

    port = LoopbackPorts.free();
    String conf =
        Files.readString(Path.of("..", "conf", "nginx-origin.conf"))
            .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
            .replace("root /srv/hlsforge/hosting;", "root " + hosting + ";")
            // Started as root (as CI is), nginx's workers would drop to "nobody", which cannot read
            // a private temp dir.
            .replace(
                "worker_processes auto;",
                "worker_processes 1;"
                    + ("root".equals(System.getProperty("user.name")) ? "\nuser root;" : ""));
    Path prefix = Files.createDirectories(work.resolve("nginx/logs"));
    Path confFile = Files.writeString(work.resolve("nginx/nginx.conf"), conf);
    nginx =
        new ProcessBuilder(
                List.of(
                    "/usr/sbin/nginx",
                    "-p",
                    work.resolve("nginx").toString(),
                    "-e",
                    prefix.resolve("error.log").toString(),
                    "-c",
                    confFile.toString(),
                    "-g",
                    "daemon off; pid " + work.resolve("nginx/nginx.pid") + ";"))
            .redirectInput(new File("/dev/null"))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("nginx/out.log").toFile())
            .start();
    // Bounded wait for the port to answer.
    for (int i = 0; i < 100; i++) {
      try {
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/")).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        assertThat(nginx.isAlive()).as(Files.readString(work.resolve("nginx/out.log"))).isTrue();
        Thread.sleep(100);
      }
    }
    throw new AssertionError(
        "nginx did not start: " + Files.readString(prefix.resolve("error.log")));
  }

  @AfterAll
  static void stopNginx() throws Exception {
    if (nginx != null) {
      nginx.destroy();
      nginx.waitFor();
    }
  }

  static String base() {
    return "http://127.0.0.1:" + port;
  }

  private static HttpResponse<Void> head(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "http://player.example")
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void servesHlsContentTypesCacheHeadersAndCors() throws Exception {
    HttpResponse<Void> master = head("/clip/master.m3u8");
    assertThat(master.statusCode()).isEqualTo(200);
    assertThat(header(master, "Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
    assertThat(header(master, "Cache-Control"))
        .as("the stable entry point is short-lived")
        .isEqualTo("public, max-age=60");
    assertThat(header(master, "Access-Control-Allow-Origin")).isEqualTo("*");

    HttpResponse<Void> media = head("/clip/" + encodingDir + "/180p/index.m3u8");
    assertThat(header(media, "Cache-Control"))
        .as("versioned playlists never change")
        .isEqualTo("public, max-age=31536000, immutable");
    HttpResponse<Void> segment = head("/clip/" + encodingDir + "/180p/segment_00000.ts");
    assertThat(header(segment, "Content-Type")).isEqualTo("video/mp2t");
    assertThat(header(segment, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(header(head("/index.json"), "Content-Type")).isEqualTo("application/json");

    HttpResponse<Void> missing = head("/clip/" + encodingDir + "/180p/segment_00099.ts");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(header(missing, "Access-Control-Allow-Origin"))
        .as("CORS on errors too")
        .isEqualTo("*");
    assertThat(header(missing, "Cache-Control"))
        .as("a 404 is never cached for a year")
        .isEqualTo("no-cache");

    HttpResponse<Void> preflight =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/clip/master.m3u8"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://player.example")
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("GET");
  }

  @Test
  void hlsJsPlaysThroughTheOriginFromAnotherOrigin() throws Exception {
    // The player page comes from a different origin (port) than the stream: CORS must allow it.
    HttpServer page = BrowserHarness.serve(Map.of("/player/", BrowserHarness.PLAYER));
    try {
      String url =
          "http://127.0.0.1:"
              + page.getAddress().getPort()
              + "/player/index.html?src="
              + base()
              + "/clip/master.m3u8";
      JsonNode r = BrowserHarness.play(List.of(url)).get(0);
      assertThat(r.path("errors")).as(r.toString()).isEmpty();
      assertThat(r.path("ended").asBoolean()).as(r.toString()).isTrue();
      assertThat(r.path("videoWidth").asInt()).isEqualTo(320);
    } finally {
      page.stop(0);
    }
  }
}
