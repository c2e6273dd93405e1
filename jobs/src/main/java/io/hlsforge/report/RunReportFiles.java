package io.hlsforge.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hlsforge.layout.OutputLayout;
import io.hlsforge.manifest.RunStatus;
import io.hlsforge.storage.HadoopStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes {@code {output}/runs/{run_id}/report.json} (the summary as data) and a self-contained
 * {@code report.html} (inline CSS and SVG charts, no scripts, no network) that a person opens in a
 * browser.
 */
public final class RunReportFiles {
  private RunReportFiles() {}

  /**
   * @return the directory written to
   */
  public static String write(Configuration conf, String outputUri, RunSummary summary)
      throws IOException {
    String dir = OutputLayout.runDir(outputUri, summary.runId());
    HadoopStorage storage = new HadoopStorage(conf);
    storage.writeText(OutputLayout.runReport(dir, "json"), json(summary));
    storage.writeText(OutputLayout.runReport(dir, "html"), html(summary));
    return dir;
  }

  public static String json(RunSummary s) {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(
              Map.ofEntries(
                  Map.entry("run_id", s.runId()),
                  Map.entry("run_date", s.runDate()),
                  Map.entry("status", s.status().word()),
                  Map.entry("stages", s.stages()),
                  Map.entry("assets_total", s.assetsTotal()),
                  Map.entry("assets_packaged", s.assetsDone()),
                  Map.entry("assets_skipped", s.assetsSkipped()),
                  Map.entry("assets_failed", s.assetsFailed()),
                  Map.entry("media_seconds", s.mediaSeconds()),
                  Map.entry("bytes_written", s.bytesWritten()),
                  Map.entry("package_seconds", s.packageSeconds()),
                  Map.entry("realtime_factor", s.realtimeFactor()),
                  Map.entry("failures_by_reason", s.failuresByReason()),
                  Map.entry("slowest_titles", s.slowestTitles()),
                  Map.entry("renditions", s.renditions()),
                  Map.entry("segment_sizes", s.segmentSizes()),
                  Map.entry("titles", s.titles())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize the report of run " + s.runId(), e);
    }
  }

  public static String html(RunSummary s) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>hlsforge run ")
        .append(esc(s.runId()))
        .append("</title><style>")
        .append(
            "body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{padding:2px 10px;")
        .append(
            "border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}h2{margin-top:1.5em}")
        .append(".ok{color:#2a7}.failed{color:#c33}</style></head><body>");
    h.append("<h1>hlsforge run ")
        .append(esc(s.runId()))
        .append(" <span class=\"")
        .append(s.status() == RunStatus.SUCCEEDED ? "ok" : "failed")
        .append("\">")
        .append(esc(s.status().word()))
        .append("</span></h1>");
    h.append(
        String.format(
            Locale.ROOT,
            "<p>Run date %s · %d assets: <b>%d packaged</b>, %d skipped (unchanged), <b>%d failed</b> · "
                + "%.3f media hours · %.1f MB written · realtime factor %.1f×</p>",
            esc(s.runDate()),
            s.assetsTotal(),
            s.assetsDone(),
            s.assetsSkipped(),
            s.assetsFailed(),
            s.mediaSeconds() / 3600,
            s.bytesWritten() / 1e6,
            s.realtimeFactor()));
    h.append(
        "<h2>Stages</h2><table><tr><th>stage</th><th>in</th><th>ok</th><th>skipped</th><th>failed</th><th>seconds</th>"
            + "<th>slots</th><th>asset work per slot s</th><th>children s</th><th>storage s</th>"
            + "<th>commits s</th><th>scheduling, driver, idle s</th></tr>");
    for (RunSummary.Stage st : s.stages()) {
      h.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%.1f</td>"
                  + "<td>%d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                  + "</tr>",
              esc(st.stage()),
              st.total(),
              st.ok(),
              st.skipped(),
              st.failed(),
              st.seconds(),
              st.times().slots(),
              st.times().workPerSlotMs() / 1000.0,
              st.times().childMs() / 1000.0,
              st.times().storageMs() / 1000.0,
              st.times().commitMs() / 1000.0,
              st.times().otherMs(Math.round(st.seconds() * 1000)) / 1000.0));
    }
    h.append("</table>");
    List<Bar> bitrate = new ArrayList<>();
    s.renditions()
        .forEach(
            r ->
                bitrate.add(
                    new Bar(r.name() + " (" + r.count() + ")", r.averageBandwidth() / 1000.0)));
    h.append("<h2>Average bitrate per rendition (kbit/s)</h2>").append(bars(bitrate, "#4a7fd0"));
    List<Bar> sizes = new ArrayList<>();
    s.segmentSizes()
        .forEach(
            b ->
                sizes.add(
                    new Bar(kib(b.fromBytes()) + "–" + kib(b.toBytes()) + " KiB", b.count())));
    h.append("<h2>Segment sizes (segments per size range)</h2>").append(bars(sizes, "#5aa469"));
    List<Bar> failures = new ArrayList<>();
    s.failuresByReason().forEach((reason, n) -> failures.add(new Bar(reason, n)));
    h.append("<h2>Failures by reason</h2>")
        .append(failures.isEmpty() ? "<p>None.</p>" : bars(failures, "#d05a4a"));
    h.append(
        "<h2>Slowest titles</h2><table><tr><th>asset</th><th>media s</th><th>packaging s</th></tr>");
    for (RunSummary.Title t : s.slowestTitles()) {
      h.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%.1f</td><td>%.1f</td></tr>",
              esc(t.assetId()),
              t.mediaSeconds(),
              t.packageSeconds()));
    }
    h.append("</table>");
    titles(h, s.titles());
    return h.append("</body></html>\n").toString();
  }

  /**
   * Per title: the rate–quality curve of its ladder (bit rate against luma PSNR, or SSIM when only
   * that was measured) with its numbers, and the loudness of each audio rendition.
   */
  private static void titles(StringBuilder h, List<RunSummary.TitleQuality> titles) {
    h.append("<h2>Quality and loudness per title</h2>");
    if (titles.isEmpty()) {
      h.append("<p>No title packaged in this run.</p>");
      return;
    }
    if (titles.size() == RunSummary.MAX_QUALITY_TITLES) {
      h.append("<p>The first ")
          .append(RunSummary.MAX_QUALITY_TITLES)
          .append(" titles by asset id; the renditions table has all.</p>");
    }
    for (RunSummary.TitleQuality t : titles) {
      h.append("<h3>").append(esc(t.assetId())).append("</h3>");
      if (!t.rungs().isEmpty()) {
        h.append(curve(t.rungs()))
            .append(
                "<table><tr><th>rung</th><th>kbit/s</th><th>PSNR Y dB</th><th>SSIM</th>"
                    + "<th>XPSNR dB</th></tr>");
        for (RunSummary.Rung r : t.rungs()) {
          h.append("<tr><td>")
              .append(esc(r.rendition()))
              .append("</td><td>")
              .append(r.averageBandwidth() / 1000)
              .append("</td><td>")
              .append(number(r.psnrYDb(), "%.2f"))
              .append("</td><td>")
              .append(number(r.ssim(), "%.4f"))
              .append("</td><td>")
              .append(number(r.xpsnrDb(), "%.2f"))
              .append("</td></tr>");
        }
        h.append("</table>");
      }
      if (!t.audio().isEmpty()) {
        h.append(
            "<table><tr><th>audio</th><th>source LUFS</th><th>published LUFS</th><th>LRA LU</th>"
                + "<th>true peak dBTP</th><th>target LUFS</th></tr>");
        for (RunSummary.Audio a : t.audio()) {
          h.append("<tr><td>")
              .append(esc(a.rendition()))
              .append("</td><td>")
              .append(number(a.sourceLoudnessLufs(), "%.1f"))
              .append("</td><td>")
              .append(number(a.loudnessLufs(), "%.1f"))
              .append("</td><td>")
              .append(number(a.loudnessRangeLu(), "%.1f"))
              .append("</td><td>")
              .append(number(a.truePeakDbtp(), "%.1f"))
              .append("</td><td>")
              .append(number(a.loudnessTargetLufs(), "%.1f"))
              .append("</td></tr>");
        }
        h.append("</table>");
      }
    }
  }

  private static String number(Double v, String format) {
    return v == null ? "–" : String.format(Locale.ROOT, format, v);
  }

  /** A rate–quality curve as inline SVG: one labelled point per rung, joined by a line. */
  static String curve(List<RunSummary.Rung> rungs) {
    boolean psnr = rungs.stream().anyMatch(r -> r.psnrYDb() != null);
    List<double[]> points = new ArrayList<>();
    for (RunSummary.Rung r : rungs) {
      Double q = psnr ? r.psnrYDb() : r.ssim();
      if (q != null) {
        points.add(new double[] {r.averageBandwidth() / 1000.0, q});
      }
    }
    if (points.isEmpty()) {
      return "";
    }
    double maxX = points.stream().mapToDouble(p -> p[0]).max().orElse(1);
    double minY = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
    double maxY = points.stream().mapToDouble(p -> p[1]).max().orElse(1);
    double spanY = maxY - minY <= 0 ? 1 : maxY - minY;
    int w = 420;
    int hgt = 160;
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\"><text x=\"4\" y=\"12\""
                    + " font-size=\"11\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"11\""
                    + " text-anchor=\"end\">kbit/s</text>",
                w,
                hgt,
                psnr ? "PSNR Y dB" : "SSIM",
                w - 4,
                hgt - 4));
    StringBuilder line = new StringBuilder();
    for (double[] p : points) {
      double x = 40 + (w - 80) * (maxX <= 0 ? 0 : p[0] / maxX);
      double y = hgt - 24 - (hgt - 48) * (p[1] - minY) / spanY;
      line.append(line.length() == 0 ? "" : " ")
          .append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#4a7fd0\"/><text x=\"%.1f\""
                  + " y=\"%.1f\" font-size=\"11\">%s</text>",
              x,
              y,
              x + 5,
              y - 5,
              String.format(Locale.ROOT, psnr ? "%.1f" : "%.3f", p[1])));
    }
    return svg.append("<polyline fill=\"none\" stroke=\"#4a7fd0\" points=\"")
        .append(line)
        .append("\"/></svg>")
        .toString();
  }

  record Bar(String label, double value) {}

  /** A horizontal bar chart as inline SVG. */
  static String bars(List<Bar> bars, String color) {
    if (bars.isEmpty()) {
      return "<p>No data.</p>";
    }
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    int rowHeight = 22;
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg width=\"720\" height=\"%d\" role=\"img\">",
                bars.size() * rowHeight + 4));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double width = max <= 0 ? 0 : 440 * b.value() / max;
      int y = i * rowHeight + 2;
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"190\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>",
                  y + 15,
                  esc(b.label())))
          .append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                  y + 2,
                  width,
                  rowHeight - 6,
                  color))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>",
                  206 + width,
                  y + 15,
                  b.value() == Math.rint(b.value())
                      ? Long.toString((long) b.value())
                      : String.format(Locale.ROOT, "%.1f", b.value())));
    }
    return svg.append("</svg>").toString();
  }

  private static String kib(long bytes) {
    return Long.toString(bytes / 1024);
  }

  static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
