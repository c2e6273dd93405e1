package io.hlsforge.jobs;

/** Totals of one stage, for the runs table and the printed summary. */
public record StageReport(String stage, long assetsTotal, long assetsSucceeded, long assetsFailed, double mediaSeconds, long startedAtMs, long finishedAtMs) {}
