package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hlsforge.storage.ContentTypes;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test plumbing for real-client checks: a loopback static file server, and player pages (hls.js in
 * player/index.html, Shaka Player in player/tests/shaka.html) in headless Chromium.
 */
final class BrowserHarness {
  static final Path PLAYER = Path.of("..", "player").toAbsolutePath().normalize();

  private BrowserHarness() {}

  /** Serves each URL prefix ("/player/") from a directory, on 127.0.0.1 and a free port. */
  static HttpServer serve(Map<String, Path> roots) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    roots.forEach((prefix, root) -> server.createContext(prefix, ex -> respond(ex, root, prefix)));
    server.start();
    return server;
  }

  private static void respond(HttpExchange ex, Path root, String prefix) throws IOException {
    Path file = root.resolve(ex.getRequestURI().getPath().substring(prefix.length())).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    byte[] body = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    ex.getResponseHeaders()
        .set(
            "Content-Type",
            name.endsWith(".html")
                ? "text/html"
                : name.endsWith(".js") ? "text/javascript" : ContentTypes.of(name));
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    // Single byte ranges, as players request them for EXT-X-BYTERANGE segments (like any origin).
    Matcher range =
        Pattern.compile("bytes=(\\d+)-(\\d*)")
            .matcher(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
    if (range.matches()) {
      int from = Integer.parseInt(range.group(1));
      int to =
          range.group(2).isEmpty()
              ? body.length - 1
              : Math.min(body.length - 1, Integer.parseInt(range.group(2)));
      if (from > to) {
        ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
        ex.sendResponseHeaders(416, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
      body = Arrays.copyOfRange(body, from, to + 1);
      ex.sendResponseHeaders(206, body.length);
    } else {
      ex.sendResponseHeaders(200, body.length);
    }
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Plays each player URL to its end in one headless Chromium; returns the players' final states.
   */
  static JsonNode play(List<String> urls) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of("node", PLAYER.resolve("tests/play.mjs").toString()));
    cmd.addAll(urls);
    cmd.addAll(List.of("--timeout-ms", "60000"));
    Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/null")).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    JsonNode results = new ObjectMapper().readTree(stdout.isBlank() ? "[]" : stdout);
    assertThat(results).as("play.mjs: %s", stderr).hasSize(urls.size());
    return results;
  }
}
