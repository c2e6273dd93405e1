package io.hlsforge.manifest;

import io.hlsforge.run.StageTimes;
import java.io.Serializable;

/**
 * A row of manifests/runs: one stage of one run, with its totals and outcome, and where its time
 * went (see {@link StageTimes}; zero in rows written before those columns existed).
 */
public record RunRecord(
    String runId,
    String runDate,
    String stage,
    long startedAtMs,
    long finishedAtMs,
    long assetsTotal,
    long assetsSucceeded,
    long assetsSkipped,
    long assetsFailed,
    double mediaSeconds,
    String status,
    String hlsforgeVersion,
    int taskSlots,
    long workMs,
    long childMs,
    long storageMs,
    long commitMs)
    implements Serializable {
  /** Where the stage's time went. */
  public StageTimes times() {
    return StageTimes.ofMillis(taskSlots, workMs, childMs, storageMs, commitMs);
  }
}
