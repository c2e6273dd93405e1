package io.hlsforge.jobs;

/**
 * Totals of one stage, for the runs table and the printed summary. {@code assetsSkipped}: assets
 * whose result was already committed (same encoding id packaged, or already published).
 */
public record StageReport(String stage, long assetsTotal, long assetsSucceeded, long assetsSkipped, long assetsFailed, double mediaSeconds,
    long startedAtMs, long finishedAtMs) {}
