package io.hlsforge.manifest;

import java.io.Serializable;
import java.util.List;

/**
 * A row of manifests/segments: one media segment as measured after encoding. The keyframe lists
 * (seconds from the segment start, byte offset and length of each IDR access unit's TS packets)
 * are what I-frame playlists are derived from.
 */
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
    boolean startsWithKeyframe,
    List<Double> keyframeTimes,
    List<Long> keyframeOffsets,
    List<Long> keyframeLengths)
    implements Serializable {}
