package io.hlsforge.report;

import io.hlsforge.manifest.RunStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Pushes a finished run's metrics to a Prometheus Pushgateway (PUT {@code /metrics/job/<job>}: the
 * group always holds the latest run). The text exposition format is built here, without a client
 * library.
 */
public final class MetricsPusher {
  private MetricsPusher() {}

  public static void push(String gatewayUrl, String job, RunSummary s) throws IOException {
    String url = gatewayUrl.replaceAll("/+$", "") + "/metrics/job/" + job;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "text/plain; version=0.0.4")
            .PUT(HttpRequest.BodyPublishers.ofString(exposition(s)))
            .build();
    try {
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IOException(
            "Pushgateway " + url + " answered HTTP " + r.statusCode() + ": " + r.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pushing metrics to " + url, e);
    }
  }

  /** Prometheus text format (version 0.0.4). Pure. */
  public static String exposition(RunSummary s) {
    Exposition e = new Exposition();
    e.family("hlsforge_run_assets", "Assets of the last run by outcome.")
        .sample(Map.of("status", "packaged"), s.assetsDone())
        .sample(Map.of("status", "skipped"), s.assetsSkipped())
        .sample(Map.of("status", "failed"), s.assetsFailed());
    e.family("hlsforge_run_media_seconds", "Seconds of media packaged by the last run.")
        .sample(Map.of(), s.mediaSeconds());
    e.family("hlsforge_run_bytes_written", "Bytes of segments written by the last run.")
        .sample(Map.of(), s.bytesWritten());
    e.family("hlsforge_run_duration_seconds", "Wall time of each stage of the last run.");
    s.stages().forEach(st -> e.sample(Map.of("stage", st.stage()), st.seconds()));
    e.family("hlsforge_run_failures", "Failed assets of the last run by reason.");
    s.failuresByReason().forEach((reason, n) -> e.sample(Map.of("reason", reason), n));
    e.family("hlsforge_run_succeeded", "1 when the last run passed its failure-ratio gate.")
        .sample(Map.of(), s.status() == RunStatus.SUCCEEDED ? 1 : 0);
    return e.text.toString();
  }

  /** Gauge families and their samples, in order. */
  private static final class Exposition {
    final StringBuilder text = new StringBuilder();
    String family;

    Exposition family(String name, String help) {
      text.append("# HELP ")
          .append(name)
          .append(' ')
          .append(help)
          .append('\n')
          .append("# TYPE ")
          .append(name)
          .append(" gauge\n");
      family = name;
      return this;
    }

    Exposition sample(Map<String, String> labels, double value) {
      text.append(family);
      if (!labels.isEmpty()) {
        text.append('{');
        labels.forEach(
            (k, v) ->
                text.append(k)
                    .append("=\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"'));
        text.append('}');
      }
      text.append(' ')
          .append(
              value == Math.rint(value)
                  ? Long.toString((long) value)
                  : String.format(Locale.ROOT, "%.3f", value))
          .append('\n');
      return this;
    }
  }
}
