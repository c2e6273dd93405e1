package io.hlsforge.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.manifest.RunStatus;
import io.hlsforge.run.StageTimes;
import io.hlsforge.spark.PackageProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure renderings behind progress lines, reports and pushed metrics. */
class OperationsFormatsTest {
  private static RunSummary summary() {
    Map<String, Long> failures = new LinkedHashMap<>();
    failures.put("INPUT_CORRUPT", 2L);
    failures.put("TIMEOUT", 1L);
    return new RunSummary(
        "r<1>",
        "2026-11-25",
        RunStatus.SUCCEEDED,
        List.of(
            new RunSummary.Stage(
                "probe", 10, 7, 0, 3, 4.5, StageTimes.ofMillis(2, 6000, 5000, 500, 300)),
            new RunSummary.Stage(
                "package", 7, 5, 2, 0, 90.0, StageTimes.ofMillis(2, 170_000, 160_000, 4000, 900))),
        10,
        5,
        2,
        3,
        1800.0,
        123_456_789L,
        90.0,
        failures,
        List.of(new RunSummary.Title("big & slow", 600, 70)),
        List.of(new RunSummary.Rendition("720p", 5, 3_000_000, 3_600_000)),
        List.of(new RunSummary.Bucket(1024, 2048, 9)),
        List.of(
            new RunSummary.TitleQuality(
                "big & slow",
                List.of(
                    new RunSummary.Rung("360p", 700_000, 36.25, 0.9612, null),
                    new RunSummary.Rung("720p", 3_000_000, 41.5, 0.9871, null)),
                List.of(new RunSummary.Audio("audio-stereo", -17.93, -23.04, 6.2, -1.46, -23.0)))));
  }

  @Test
  void progressLineShowsTitlesMediaHoursRealtimeAndEta() {
    // 900 of 3600 media seconds in 300 s: 3x realtime, 2700 s left at that rate = 15:00.
    assertThat(PackageProgress.line(2, 8, 900, 3600, 300_000))
        .isEqualTo(
            "[#####---------------] 2/8 titles · 0.250/1.000 media h · 3.0x realtime · ETA 15:00");
    assertThat(PackageProgress.line(0, 3, 0, 100, 1000)).endsWith("ETA --:--");
  }

  @Test
  void metricsAreValidTextExposition() {
    String m = MetricsPusher.exposition(summary());
    assertThat(m)
        .contains(
            "# TYPE hlsforge_run_assets gauge\n",
            "hlsforge_run_assets{status=\"packaged\"} 5\n",
            "hlsforge_run_assets{status=\"skipped\"} 2\n",
            "hlsforge_run_failures{reason=\"TIMEOUT\"} 1\n",
            "hlsforge_run_duration_seconds{stage=\"package\"} 90\n",
            "hlsforge_run_bytes_written 123456789\n",
            "hlsforge_run_succeeded 1\n");
    assertThat(m.lines().filter(l -> !l.startsWith("#")))
        .allMatch(l -> l.matches("[a-z_]+(\\{[a-z]+=\"[^\"]*\"\\})? -?[0-9.]+"));
  }

  @Test
  void reportHtmlIsSelfContainedAndEscaped() {
    String html = RunReportFiles.html(summary());
    assertThat(html)
        .contains("r&lt;1&gt;", "big &amp; slow", "<svg", "INPUT_CORRUPT", "realtime factor 20.0×")
        .doesNotContain("<script", "http://", "https://");
    assertThat(RunReportFiles.json(summary()))
        .contains("\"realtime_factor\" : 20.0", "\"assets_skipped\" : 2");
    assertThat(summary().toText())
        .contains("packaged 5, skipped 2 (unchanged), failed 3 of 10", "realtime factor: 20.0x");
  }

  @Test
  void eachTitleShowsItsRateQualityCurveAndLoudness() {
    String html = RunReportFiles.html(summary());
    // Two rungs: the higher one at the right edge (x = 40 + 340 = 380) and the top (y = 24), the
    // lower at 40 + 340 × 700/3000 = 119.3 and the bottom (y = 160 - 24 = 136).
    assertThat(html)
        .contains("<h3>big &amp; slow</h3>")
        .contains("points=\"119.3,136.0 380.0,24.0\"")
        .contains("<td>360p</td><td>700</td><td>36.25</td><td>0.9612</td><td>–</td>")
        .contains("<td>audio-stereo</td><td>-17.9</td><td>-23.0</td><td>6.2</td><td>-1.5</td>");
    assertThat(RunReportFiles.json(summary())).contains("\"psnrYDb\" : 41.5");
  }
}
