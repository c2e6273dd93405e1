package io.hlsforge.manifest;

import java.io.Serializable;

/** A row of manifests/segments: one media segment as measured after encoding. */
public record SegmentRecord(
    String runId,
    String assetId,
    String encodingId,
    String rendition,
    int segmentIndex,
    String fileName,
    String uri,
    double durationS,
    double startS,
    double startPts,
    long bytes,
    String sha256,
    boolean startsWithKeyframe)
    implements Serializable {}
