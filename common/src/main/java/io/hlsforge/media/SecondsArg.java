package io.hlsforge.media;

import java.util.Locale;

/** A duration as an ffmpeg option value: whole seconds without a fraction, else milliseconds. */
final class SecondsArg {
  private SecondsArg() {}

  static String of(double seconds) {
    return seconds == Math.rint(seconds)
        ? Long.toString((long) seconds)
        : String.format(Locale.ROOT, "%.3f", seconds);
  }
}
