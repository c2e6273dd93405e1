package io.hlsforge.validate;

import java.util.List;

/**
 * What one media segment's bytes really hold, whatever its container. Times are seconds on the
 * media clock, NaN when the stream is absent; {@code *End} is exclusive (last frame's time plus its
 * duration). {@code keyframeTimes} are the presentation times of the segment's IDR (sync) frames.
 *
 * @param startsWithKeyframe the first video frame is an IDR / sync sample (true without video)
 * @param audioSampleRate Hz, 0 when unknown or absent
 * @param videoFrames video access units (samples) in the segment
 * @param codecs the RFC 6381 CODECS value of the segment's streams, or null when unknown
 */
record InspectedSegment(
    double videoStart,
    double videoEnd,
    double audioStart,
    double audioEnd,
    boolean startsWithKeyframe,
    int audioSampleRate,
    int videoFrames,
    List<Double> keyframeTimes,
    String codecs) {

  InspectedSegment {
    keyframeTimes = List.copyOf(keyframeTimes);
  }

  boolean hasVideo() {
    return !Double.isNaN(videoStart);
  }

  boolean hasAudio() {
    return !Double.isNaN(audioStart);
  }

  /** Earliest presentation time of any stream in the segment. */
  double start() {
    if (hasVideo() && hasAudio()) {
      return Math.min(videoStart, audioStart);
    }
    return hasVideo() ? videoStart : audioStart;
  }

  /** The media time the segment covers: video when present (it defines boundaries), else audio. */
  double duration() {
    return hasVideo() ? videoEnd - videoStart : audioEnd - audioStart;
  }
}
