package io.hlsforge.report;

import io.hlsforge.manifest.RunStatus;
import io.hlsforge.run.StageTimes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a person wants to know about one run, read back from the manifests: what was packaged,
 * skipped and failed (by reason), how much media and how many bytes, how fast, and where the time
 * went, and per title the rate–quality curve of its ladder and the loudness of its audio. Pure;
 * {@link io.hlsforge.spark.RunSummaries} builds it, {@link RunReportFiles} renders it.
 */
public record RunSummary(
    String runId,
    String runDate,
    RunStatus status,
    List<Stage> stages,
    long assetsTotal,
    long assetsDone,
    long assetsSkipped,
    long assetsFailed,
    double mediaSeconds,
    long bytesWritten,
    double packageSeconds,
    Map<String, Long> failuresByReason,
    List<Title> slowestTitles,
    List<Rendition> renditions,
    List<Bucket> segmentSizes,
    List<TitleQuality> titles) {

  /** How many titles the report shows quality and loudness for; the manifests have them all. */
  public static final int MAX_QUALITY_TITLES = 50;

  /**
   * One title's rungs in ascending bit rate, with their picture quality where it was measured
   * (docs/quality.md), and its audio renditions' loudness.
   */
  public record TitleQuality(String assetId, List<Rung> rungs, List<Audio> audio) {}

  /** A video rendition's point on the rate–quality curve; a metric not measured is null. */
  public record Rung(
      String rendition, long averageBandwidth, Double psnrYDb, Double ssim, Double xpsnrDb) {}

  /** An audio rendition's loudness before and after, and the target if it was normalised. */
  public record Audio(
      String rendition,
      Double sourceLoudnessLufs,
      Double loudnessLufs,
      Double loudnessRangeLu,
      Double truePeakDbtp,
      Double loudnessTargetLufs) {}

  /** One stage's totals and where its time went. */
  public record Stage(
      String stage,
      long total,
      long ok,
      long skipped,
      long failed,
      double seconds,
      StageTimes times) {}

  /** A title and the wall time its packaging took (summed over chunks). */
  public record Title(String assetId, double mediaSeconds, double packageSeconds) {}

  /** A rendition name across the run's titles: how many, mean average and mean peak bandwidth. */
  public record Rendition(String name, long count, long averageBandwidth, long peakBandwidth) {}

  /** Segments of {@code [fromBytes, toBytes)}. */
  public record Bucket(long fromBytes, long toBytes, long count) {}

  /** Media seconds packaged per second of package-stage wall time. */
  public double realtimeFactor() {
    return packageSeconds > 0 ? mediaSeconds / packageSeconds : 0;
  }

  public String toText() {
    StringBuilder s = new StringBuilder();
    s.append("hlsforge run ")
        .append(runId)
        .append(" (")
        .append(runDate)
        .append(") ")
        .append(status.word().toUpperCase(Locale.ROOT))
        .append('\n');
    for (Stage st : stages) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-8s %5d in, %5d ok, %5d skipped, %5d failed  (%.1f s)%n",
              st.stage(),
              st.total(),
              st.ok(),
              st.skipped(),
              st.failed(),
              st.seconds()));
      if (st.times().measured()) {
        s.append("           ")
            .append(st.times().line(Math.round(st.seconds() * 1000)))
            .append('\n');
      }
    }
    s.append(
        String.format(
            Locale.ROOT,
            "  packaged %d, skipped %d (unchanged), failed %d of %d assets%n",
            assetsDone,
            assetsSkipped,
            assetsFailed,
            assetsTotal));
    s.append(
        String.format(
            Locale.ROOT,
            "  media: %.4f hours; bytes written: %.1f MB; realtime factor: %.1fx%n",
            mediaSeconds / 3600,
            bytesWritten / 1e6,
            realtimeFactor()));
    if (!failuresByReason.isEmpty()) {
      s.append("  failures by reason:");
      failuresByReason.forEach((reason, n) -> s.append(' ').append(reason).append('=').append(n));
      s.append('\n');
    }
    if (!slowestTitles.isEmpty()) {
      s.append("  slowest titles:\n");
      for (Title t : slowestTitles) {
        s.append(
            String.format(
                Locale.ROOT,
                "    %-32s %8.1f s of media in %7.1f s%n",
                t.assetId(),
                t.mediaSeconds(),
                t.packageSeconds()));
      }
    }
    return s.toString();
  }
}
