package io.hlsforge.hls;

import java.util.List;

/**
 * RFC 8216 §4.1 bit rates of a media playlist, from real segment sizes.
 *
 * <p>Peak segment bit rate: the largest bit rate of any contiguous run of segments whose total
 * duration is between 0.5 and 1.5 times the target duration. A playlist too short for any such run
 * (a clip shorter than half a target duration) falls back to its whole-file rate.
 */
public final class BandwidthCalculator {
  private BandwidthCalculator() {}

  public static long peakBitsPerSecond(List<MediaSegment> segments, int targetDuration) {
    double lo = 0.5 * targetDuration;
    double hi = 1.5 * targetDuration;
    double peak = 0;
    for (int start = 0; start < segments.size(); start++) {
      double bits = 0;
      double dur = 0;
      for (int end = start; end < segments.size(); end++) {
        bits += 8.0 * segments.get(end).bytes();
        dur += segments.get(end).durationSeconds();
        if (dur > hi) {
          break;
        }
        if (dur >= lo && dur > 0) {
          peak = Math.max(peak, bits / dur);
        }
      }
    }
    if (peak == 0) {
      peak = averageBitsPerSecond(segments);
    }
    return (long) Math.ceil(peak);
  }

  public static long averageBitsPerSecond(List<MediaSegment> segments) {
    double bits = 0;
    double dur = 0;
    for (MediaSegment s : segments) {
      bits += 8.0 * s.bytes();
      dur += s.durationSeconds();
    }
    return dur <= 0 ? 0 : (long) Math.ceil(bits / dur);
  }
}
