package io.hlsforge.jobs;

import io.hlsforge.run.Stage;
import io.hlsforge.run.StageTimes;

/**
 * Totals of one stage, for the runs table and the printed summary. {@code assetsSkipped}: assets
 * whose result was already committed (same encoding id packaged, or already published); {@code
 * retriedRequests}: storage requests the stage's own clients had to send again; {@code times}:
 * where the stage's wall time went.
 */
public record StageReport(
    Stage stage,
    long assetsTotal,
    long assetsSucceeded,
    long assetsSkipped,
    long assetsFailed,
    double mediaSeconds,
    long startedAtMs,
    long finishedAtMs,
    long retriedRequests,
    StageTimes times) {
  public long wallMs() {
    return finishedAtMs - startedAtMs;
  }
}
