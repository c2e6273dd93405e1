package io.hlsforge.hls;

import io.hlsforge.inspect.CodecStrings;
import io.hlsforge.inspect.MalformedMediaException;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.TsSegment;
import io.hlsforge.inspect.TsSegmentReader;
import java.util.List;

/**
 * The validator's view of an MPEG-TS segment, kept while the validator moves to {@link
 * SegmentFacts}: a thin facade over {@link TsSegmentReader}, which does the reading. New code
 * should call {@link TsSegmentReader#facts} (or {@link TsSegmentReader#read} for the SPS and audio
 * object type as numbers).
 */
public final class TsInspector {
  /** Bytes in one transport stream packet; {@link TsSegmentReader#PACKET_SIZE}. */
  public static final int PACKET = TsSegmentReader.PACKET_SIZE;

  private TsInspector() {}

  /** A keyframe as {@link Inspection} lists it (the neutral one is in {@link SegmentFacts}). */
  public record Keyframe(long offset, long length, double pts) {}

  /**
   * Facts about one segment. Times are seconds on the 90 kHz clock, NaN when the stream is absent;
   * {@code *EndPts} is exclusive (last frame's PTS + its duration). Profile/level/object type are
   * -1 when absent.
   */
  public record Inspection(
      double videoStartPts,
      double videoEndPts,
      double audioStartPts,
      double audioEndPts,
      boolean startsWithIdr,
      int avcProfileIdc,
      int avcConstraintFlags,
      int avcLevelIdc,
      int aacObjectType,
      int audioSampleRate,
      int videoFrames,
      List<Keyframe> keyframes) {

    public Inspection {
      keyframes = List.copyOf(keyframes);
    }

    public boolean hasVideo() {
      return !Double.isNaN(videoStartPts);
    }

    public boolean hasAudio() {
      return !Double.isNaN(audioStartPts);
    }

    /** Earliest presentation time of any stream in the segment. */
    public double startPts() {
      if (hasVideo() && hasAudio()) {
        return Math.min(videoStartPts, audioStartPts);
      }
      return hasVideo() ? videoStartPts : audioStartPts;
    }

    /**
     * The media time the segment covers: video when present (it defines boundaries), else audio.
     */
    public double duration() {
      return hasVideo() ? videoEndPts - videoStartPts : audioEndPts - audioStartPts;
    }

    /** The CODECS attribute value this segment's streams call for. */
    public String codecs() {
      StringBuilder c = new StringBuilder();
      if (avcProfileIdc >= 0) {
        c.append(CodecStrings.avc1(avcProfileIdc, avcConstraintFlags, avcLevelIdc));
      }
      if (aacObjectType > 0) {
        if (c.length() > 0) {
          c.append(',');
        }
        c.append(CodecStrings.mp4a(aacObjectType));
      }
      return c.toString();
    }
  }

  /**
   * @throws MalformedMediaException (an IllegalArgumentException) when the bytes are not MPEG-TS or
   *     are malformed
   */
  public static Inspection inspect(byte[] ts) {
    TsSegment read = TsSegmentReader.read(ts);
    SegmentFacts f = read.facts();
    SegmentFacts.VideoFacts v = f.video();
    SegmentFacts.AudioFacts a = f.audio();
    return new Inspection(
        v == null ? Double.NaN : v.start(),
        v == null ? Double.NaN : v.end(),
        a == null ? Double.NaN : a.start(),
        a == null ? Double.NaN : a.end(),
        v != null && v.startsWithKeyframe(),
        read.sps() == null ? -1 : read.sps().profileIdc(),
        read.sps() == null ? -1 : read.sps().constraintFlags(),
        read.sps() == null ? -1 : read.sps().levelIdc(),
        read.audioObjectType(),
        a == null ? 0 : a.sampleRate(),
        v == null ? 0 : v.frames(),
        f.keyframes().stream().map(k -> new Keyframe(k.offset(), k.length(), k.pts())).toList());
  }
}
