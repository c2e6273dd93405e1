package io.hlsforge.manifest;

import java.io.Serializable;
import java.util.List;

/**
 * A row of manifests/segments: one media segment as measured after encoding. In the "segments"
 * layout {@code uri} is the segment's own object and {@code byteOffset} is null; in the
 * "single-file" layout {@code uri} is the rendition's one media object and the segment is the
 * {@code bytes} bytes at {@code byteOffset}. The keyframe lists (seconds from the segment start,
 * byte offset within the segment and length of each IDR access unit) are what I-frame playlists are
 * derived from. The picture quality columns (mean over the segment's {@code quality_frames} frames,
 * docs/quality.md) are null unless {@code hlsforge.quality.metrics} asked for them.
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
    Long byteOffset,
    String sha256,
    boolean startsWithKeyframe,
    List<Double> keyframeTimes,
    List<Long> keyframeOffsets,
    List<Long> keyframeLengths,
    Double psnrYDb,
    Double ssim,
    Double xpsnrDb,
    Integer qualityFrames)
    implements Serializable {

  /** Where the segment starts in its object: 0 when the segment is an object of its own. */
  public long offsetInObject() {
    return byteOffset == null ? 0 : byteOffset;
  }
}
