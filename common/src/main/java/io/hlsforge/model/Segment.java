package io.hlsforge.model;

import io.hlsforge.hls.MediaSegment;
import java.io.Serializable;
import java.util.List;

/**
 * One media segment of a packaged rendition, as measured after encoding.
 *
 * @param index position in the rendition, from 0
 * @param fileName the object that holds it, relative to the rendition's directory
 * @param uri where the packager stored that object
 * @param startS start on the title's timeline (sum of the durations before it)
 * @param startPts earliest presentation time in the segment, seconds
 * @param byteOffset where the segment starts in its object in the single-file layout; null when the
 *     segment is an object of its own
 * @param quality its picture quality against the source; null when not measured (audio, subtitles,
 *     copied video, metrics off)
 */
public record Segment(
    int index,
    String fileName,
    String uri,
    double durationS,
    double startS,
    double startPts,
    long bytes,
    Long byteOffset,
    String sha256,
    boolean startsWithKeyframe,
    List<Keyframe> keyframes,
    PictureQuality quality)
    implements Serializable {

  public Segment {
    keyframes = List.copyOf(keyframes);
  }

  /** A segment whose picture quality was not measured. */
  public Segment(
      int index,
      String fileName,
      String uri,
      double durationS,
      double startS,
      double startPts,
      long bytes,
      Long byteOffset,
      String sha256,
      boolean startsWithKeyframe,
      List<Keyframe> keyframes) {
    this(
        index,
        fileName,
        uri,
        durationS,
        startS,
        startPts,
        bytes,
        byteOffset,
        sha256,
        startsWithKeyframe,
        keyframes,
        null);
  }

  /** Where the segment starts in its object: 0 when the segment is an object of its own. */
  public long offsetInObject() {
    return byteOffset == null ? 0 : byteOffset;
  }

  /** The segment as a media playlist lists it (the one conversion to the writers' entry type). */
  public MediaSegment asPlaylistEntry() {
    return new MediaSegment(
        fileName, durationS, bytes, byteOffset == null ? MediaSegment.WHOLE_OBJECT : byteOffset);
  }
}
