package io.hlsforge.plan;

import io.hlsforge.media.ProbeResult;
import java.io.Serializable;

/**
 * Picks the constant output frame rate of a video source (Apple 1.14/1.18/1.19): the source's
 * natural rate, snapped to the standard rate it means (23.976, 24, 25, 29.97, 30, 48, 50, 59.94,
 * 60), halved while above 60. Variable-frame-rate sources are made constant at their nominal rate.
 * Pure.
 */
public final class FrameRates {
  /** An exact rational frame rate, as ffmpeg's fps filter wants it. */
  public record Rate(int num, int den) implements Serializable {
    public double value() {
      return (double) num / den;
    }

    @Override
    public String toString() {
      return num + "/" + den;
    }
  }

  private static final Rate[] STANDARD = {
    new Rate(24000, 1001),
    new Rate(24, 1),
    new Rate(25, 1),
    new Rate(30000, 1001),
    new Rate(30, 1),
    new Rate(48, 1),
    new Rate(50, 1),
    new Rate(60000, 1001),
    new Rate(60, 1)
  };

  private FrameRates() {}

  public static Rate output(ProbeResult probe) {
    double avg = probe.frameRate();
    double nominal = probe.nominalFrameRate();
    // r_frame_rate is the stream's base rate; for VFR sources it is the rate the frames sit on, but
    // some containers report a time base (e.g. 90000) there, so only trust it when plausible.
    double rate = nominal > 0 && nominal <= 240 ? nominal : avg;
    if (rate <= 0) {
      return new Rate(25, 1);
    }
    while (rate > 60.5) {
      rate /= 2;
    }
    Rate nearest = STANDARD[0];
    for (Rate r : STANDARD) {
      if (Math.abs(rate - r.value()) < Math.abs(rate - nearest.value())) {
        nearest = r;
      }
    }
    return Math.abs(rate - nearest.value()) <= 0.01 * nearest.value()
        ? nearest
        : new Rate((int) Math.round(rate * 1000), 1000);
  }
}
