package io.hlsforge.manifest;

import java.io.Serializable;
import java.util.List;

/**
 * A row of manifests/renditions: one packaged rendition (video or audio) of one encoding of one
 * asset. {@code packageMs}: wall time of the task(s) that encoded it (summed over a chunked title's
 * chunks). The EXT-X-MEDIA attributes of an audio rendition are {@code language}, {@code
 * media_name}, {@code selection} ("default", "auto", "manual"), {@code forced} and {@code
 * characteristics}; {@code source_tracks} the source audio streams it was made from
 * (docs/manifests.md); {@code video_range} a video rendition's VIDEO-RANGE ({@code SDR}, {@code
 * PQ}, {@code HLG}; null in rows written before it existed, which were all SDR). The picture
 * quality columns (mean over frames, docs/quality.md) are null unless {@code hlsforge.quality
 * .metrics} asked for them; the loudness columns are an audio rendition's, as published and of its
 * source ({@code source_*}), with the normalisation target if one was applied. Columns are only
 * ever added at the end.
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
    long packageMs,
    String mediaName,
    String selection,
    boolean forced,
    String characteristics,
    List<Integer> sourceTracks,
    String videoRange,
    Double psnrYDb,
    Double ssim,
    Double xpsnrDb,
    Double psnrYMinSegmentDb,
    Double loudnessLufs,
    Double loudnessRangeLu,
    Double truePeakDbtp,
    Double sourceLoudnessLufs,
    Double sourceLoudnessRangeLu,
    Double sourceTruePeakDbtp,
    Double loudnessTargetLufs)
    implements Serializable {}
