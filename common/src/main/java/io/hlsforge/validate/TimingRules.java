package io.hlsforge.validate;

import io.hlsforge.inspect.SegmentFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each media playlist against its own measured timestamps: every segment starts on an IDR (A4), IDR
 * frames at most 2 s apart (A5), timestamps continuous (A6), EXTINF equal to the real duration
 * (A8). The last three need every segment inspected.
 */
final class TimingRules implements RuleGroup {
  @Override
  public void check(PresentationView view, Findings out) {
    for (MediaPlaylistView media : view.mediaPlaylists()) {
      checkKeyframeStarts(media, out);
      if (media.fullyInspected() && !media.inspected().isEmpty()) {
        checkTimestamps(media, out);
      }
    }
  }

  private static void checkKeyframeStarts(MediaPlaylistView media, Findings out) {
    for (ReadSegment s : media.segments()) {
      if (s.facts().isEmpty()
          || !s.facts().get().hasVideo()
          || s.facts().get().startsWithKeyframe()) {
        continue;
      }
      String start = s.container() == SegmentContainer.FMP4 ? "a sync sample" : "an IDR frame";
      out.add(Rule.A4, s.uri(), "segment " + s.index() + " does not start with " + start);
    }
  }

  /** A6 continuity, A8 EXTINF accuracy and A5 IDR spacing, from the measured timestamps. */
  private static void checkTimestamps(MediaPlaylistView media, Findings out) {
    List<SegmentFacts> inspected = media.inspected();
    boolean video = media.hasVideo();
    double tolerance = media.frame() + 0.001;
    List<Double> idrs = new ArrayList<>();
    for (int i = 0; i < inspected.size(); i++) {
      SegmentFacts s = inspected.get(i);
      double start = video ? videoStart(s) : audioStart(s);
      double extinf = media.playlist().segments().get(i).duration();
      double real = s.duration();
      if (Double.isNaN(real)) {
        continue;
      }
      if (Math.abs(extinf - real) > tolerance) {
        out.add(
            Rule.A8,
            media.uri(),
            String.format(
                Locale.ROOT,
                "segment %d: EXTINF %.3f s but the media lasts %.3f s",
                i,
                extinf,
                real));
      }
      if (i > 0) {
        SegmentFacts prev = inspected.get(i - 1);
        double prevEnd = video ? videoEnd(prev) : audioEnd(prev);
        if (!media.playlist().segments().get(i).discontinuity()
            && Math.abs(start - prevEnd) > tolerance) {
          out.add(
              Rule.A6,
              media.uri(),
              String.format(
                  Locale.ROOT,
                  "segment %d starts at %.3f s but segment %d ended at %.3f s (%s of %.3f s)",
                  i,
                  start,
                  i - 1,
                  prevEnd,
                  start > prevEnd ? "gap" : "overlap",
                  Math.abs(start - prevEnd)));
        }
      }
      s.keyframes().forEach(k -> idrs.add(k.pts()));
    }
    if (video) {
      // From the first frame through every IDR to the last frame: no stretch without an IDR over
      // 2 s.
      List<Double> points = new ArrayList<>();
      points.add(videoStart(inspected.get(0)));
      points.addAll(idrs);
      points.add(videoEnd(inspected.get(inspected.size() - 1)));
      points.sort(Double::compare);
      for (int i = 1; i < points.size(); i++) {
        if (points.get(i) - points.get(i - 1) > 2.0 + tolerance) {
          out.add(
              Rule.A5,
              media.uri(),
              String.format(
                  Locale.ROOT,
                  "no IDR frame for %.3f s after %.3f s",
                  points.get(i) - points.get(i - 1),
                  points.get(i - 1)));
          break;
        }
      }
    }
  }

  // A segment of the playlist may lack the stream the playlist is timed on (audio only in a video
  // playlist): its times are then NaN, which no comparison above mistakes for a gap.

  private static double videoStart(SegmentFacts s) {
    return s.hasVideo() ? s.video().start() : Double.NaN;
  }

  private static double videoEnd(SegmentFacts s) {
    return s.hasVideo() ? s.video().end() : Double.NaN;
  }

  private static double audioStart(SegmentFacts s) {
    return s.hasAudio() ? s.audio().start() : Double.NaN;
  }

  private static double audioEnd(SegmentFacts s) {
    return s.hasAudio() ? s.audio().end() : Double.NaN;
  }
}
