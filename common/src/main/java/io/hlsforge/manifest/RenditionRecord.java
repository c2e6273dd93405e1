package io.hlsforge.manifest;

import java.io.Serializable;

/**
 * A row of manifests/renditions: one packaged rendition (video or audio) of one encoding of one
 * asset. {@code packageMs}: wall time of the task(s) that encoded it (summed over a chunked title's
 * chunks).
 */
public record RenditionRecord(
    String runId,
    String assetId,
    String encodingId,
    String rendition,
    String kind,
    String mediaUri,
    int width,
    int height,
    double frameRate,
    int videoKbpsTarget,
    int audioKbpsTarget,
    int audioChannels,
    String language,
    String codecs,
    String segmentFormat,
    String initFileName,
    int segmentCount,
    double durationS,
    long totalBytes,
    int targetDuration,
    long peakBandwidth,
    long averageBandwidth,
    String encoderVersion,
    long packagedAtMs,
    long packageMs)
    implements Serializable {}
