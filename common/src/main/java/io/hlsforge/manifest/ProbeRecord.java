package io.hlsforge.manifest;

import java.io.Serializable;

/** A row of manifests/probes: one probed asset (see docs/manifests.md). */
public record ProbeRecord(
    String runId,
    String assetId,
    String sourceUri,
    String title,
    long sourceBytes,
    long sourceModifiedMs,
    String container,
    double durationS,
    long bitRate,
    String videoCodec,
    String videoProfile,
    int videoLevel,
    int width,
    int height,
    String sar,
    double frameRate,
    double nominalFrameRate,
    boolean interlaced,
    int rotation,
    String audioCodec,
    int audioChannels,
    int audioSampleRate,
    String audioLanguage,
    long probedAtMs)
    implements Serializable {}
