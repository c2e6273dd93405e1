package io.hlsforge.jobs;

import io.hlsforge.catalogue.AssetIds;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.NoticeRecord;
import io.hlsforge.manifest.RunStatus;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a whole invocation (one or more stages): whether it passed the failure-ratio gate
 * and the human summary printed at the end, with this run's failures and notices (what packaged
 * assets were packaged without). Pure.
 */
public record RunReport(
    String runId,
    List<StageReport> stages,
    List<FailureRecord> failures,
    List<NoticeRecord> notices,
    double maxFailureRatio,
    long wallMs) {

  /** Assets that entered the first stage that ran. */
  public long assetsTotal() {
    return stages.isEmpty() ? 0 : stages.get(0).assetsTotal();
  }

  /** Assets that came out of the last stage that ran. */
  public long assetsSucceeded() {
    return stages.isEmpty() ? 0 : stages.get(stages.size() - 1).assetsSucceeded();
  }

  /** Assets this run found already done (unchanged since an earlier run). */
  public long assetsSkipped() {
    return stages.stream().mapToLong(StageReport::assetsSkipped).max().orElse(0);
  }

  public long assetsFailed() {
    return stages.stream().mapToLong(StageReport::assetsFailed).sum();
  }

  public double mediaSeconds() {
    return stages.isEmpty() ? 0 : stages.get(stages.size() - 1).mediaSeconds();
  }

  public double failureRatio() {
    return assetsTotal() == 0 ? 0 : (double) assetsFailed() / assetsTotal();
  }

  /** The run fails when more than the configured share of assets failed (not when some did). */
  public boolean succeeded() {
    return failureRatio() <= maxFailureRatio;
  }

  /** How the run ended, as the runs table records it. */
  public RunStatus status() {
    return succeeded() ? RunStatus.SUCCEEDED : RunStatus.FAILED;
  }

  /**
   * One line on why a failed run failed: "run r1 FAILED: 1 of 2 assets failed (50%, limit 25%)".
   */
  public String verdict() {
    return String.format(
        Locale.ROOT,
        "run %s %s: %d of %d assets failed (%.0f%%, limit %.0f%%)",
        runId,
        status(),
        assetsFailed(),
        assetsTotal(),
        100 * failureRatio(),
        100 * maxFailureRatio);
  }

  public String summary(String headline) {
    StringBuilder s = new StringBuilder();
    s.append(headline).append(" — run ").append(runId).append(' ').append(status()).append('\n');
    for (StageReport st : stages) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-8s %5d in, %5d ok, %5d skipped, %5d failed  (%.1f s)%s%n",
              st.stage().id(),
              st.assetsTotal(),
              st.assetsSucceeded(),
              st.assetsSkipped(),
              st.assetsFailed(),
              (st.finishedAtMs() - st.startedAtMs()) / 1000.0,
              st.retriedRequests() > 0
                  ? ", " + st.retriedRequests() + " storage requests retried"
                  : ""));
      s.append("           ").append(st.times().line(st.wallMs())).append('\n');
    }
    s.append(
        String.format(
            Locale.ROOT,
            "  assets: %d in catalogue, %d done, %d skipped (unchanged), %d failed (%.0f%% failed, limit %.0f%%)%n",
            assetsTotal(),
            assetsSucceeded(),
            assetsSkipped(),
            assetsFailed(),
            100 * failureRatio(),
            100 * maxFailureRatio));
    s.append(
        String.format(
            Locale.ROOT, "  media hours: %.4f (%.1f s)%n", mediaSeconds() / 3600, mediaSeconds()));
    s.append(String.format(Locale.ROOT, "  wall time: %.1f s%n", wallMs / 1000.0));
    if (!failures.isEmpty()) {
      s.append("  failures:\n");
      failures.stream()
          .limit(50)
          .forEach(
              f ->
                  s.append("    ")
                      .append(AssetIds.printable(f.assetId()))
                      .append(" [")
                      .append(f.stage())
                      .append(' ')
                      .append(f.reason())
                      .append("] ")
                      .append(firstLine(f.message()))
                      .append('\n'));
      if (failures.size() > 50) {
        s.append("    … and ").append(failures.size() - 50).append(" more in manifests/failures\n");
      }
    }
    if (!notices.isEmpty()) {
      s.append("  notices (assets packaged without something the source carried):\n");
      notices.stream()
          .limit(50)
          .forEach(
              n ->
                  s.append("    ")
                      .append(AssetIds.printable(n.assetId()))
                      .append(" [")
                      .append(n.kind())
                      .append("] ")
                      .append(firstLine(n.message()))
                      .append('\n'));
      if (notices.size() > 50) {
        s.append("    … and ").append(notices.size() - 50).append(" more in manifests/notices\n");
      }
    }
    return s.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
