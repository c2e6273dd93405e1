package io.hlsforge.hls;

import io.hlsforge.inspect.MalformedMediaException;
import io.hlsforge.inspect.Mp4Fragment;
import io.hlsforge.inspect.Mp4FragmentReader;
import io.hlsforge.inspect.Mp4Track;
import io.hlsforge.inspect.Mp4TrackReader;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.TrackKind;
import java.util.List;

/**
 * The validator's view of fMP4/CMAF objects, kept while the validator moves to {@link
 * SegmentFacts}: a thin facade over {@link Mp4TrackReader} (init segments) and {@link
 * Mp4FragmentReader} (media segments), which do the reading. New code should call {@link
 * Mp4TrackReader#read} and {@link Mp4FragmentReader#facts}.
 */
public final class Mp4Inspector {
  private Mp4Inspector() {}

  /** The one track of an HLS init segment; {@link Mp4Track} is the neutral one. */
  public record Init(
      boolean video, long timescale, int width, int height, String codec, int sampleRate) {}

  /**
   * A media segment: decode-time span, whether it starts on a sync sample, and its sync samples
   * (for audio too: every audio sample is one).
   */
  public record Fragment(
      double startSeconds,
      double durationSeconds,
      int samples,
      boolean startsWithSync,
      List<TsInspector.Keyframe> keyframes) {}

  public static boolean looksLikeMp4(byte[] b) {
    return Mp4TrackReader.looksLikeMp4(b);
  }

  /**
   * @throws MalformedMediaException (an IllegalArgumentException) when a box is missing or
   *     malformed
   */
  public static Init init(byte[] b) {
    Mp4Track t = Mp4TrackReader.read(b);
    return new Init(
        t.kind() == TrackKind.VIDEO,
        t.timescale(),
        t.width(),
        t.height(),
        t.codec(),
        t.sampleRate());
  }

  /**
   * @throws MalformedMediaException (an IllegalArgumentException) when there is no moof or a box is
   *     malformed
   */
  public static Fragment fragment(byte[] b, long timescale) {
    Mp4Fragment f = Mp4FragmentReader.read(b, timescale);
    return new Fragment(
        f.startSeconds(),
        f.durationSeconds(),
        f.samples(),
        f.startsWithSync(),
        f.syncSamples().stream()
            .map(k -> new TsInspector.Keyframe(k.offset(), k.length(), k.pts()))
            .toList());
  }
}
