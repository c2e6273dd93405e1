package io.hlsforge.manifest;

import java.io.Serializable;

/** A row of manifests/runs: one stage of one run, with its totals and outcome. */
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
    String hlsforgeVersion)
    implements Serializable {}
