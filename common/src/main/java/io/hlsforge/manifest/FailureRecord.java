package io.hlsforge.manifest;

import java.io.Serializable;

/** A row of manifests/failures: one asset that could not go through one stage, and why. */
public record FailureRecord(
    String runId,
    String assetId,
    String sourceUri,
    String stage,
    String reason,
    String message,
    long failedAtMs)
    implements Serializable {}
