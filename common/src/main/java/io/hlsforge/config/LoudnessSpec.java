package io.hlsforge.config;

import java.io.Serializable;

/**
 * Loudness normalisation of every re-encoded audio rendition ({@code
 * hlsforge.audio.loudness-target} and {@code true-peak-ceiling}): off when {@code targetLufs} is
 * null. Two passes: the source as the rendition carries it is measured (ITU-R BS.1770, {@code
 * ebur128}), then {@code loudnorm} gets the measured values and applies one linear gain wherever
 * that keeps the true peak under the ceiling (else its dynamic mode). Loudness is measured either
 * way (docs/quality.md).
 */
public record LoudnessSpec(Double targetLufs, double truePeakCeilingDbtp) implements Serializable {
  public LoudnessSpec {
    if (targetLufs != null && (targetLufs < -70 || targetLufs > -5)) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.audio.loudness-target="
              + targetLufs
              + ": must be within -70..-5 LUFS (e.g. -23 EBU R128, -24 ATSC A/85, -16 podcasts)");
    }
    if (truePeakCeilingDbtp < -9 || truePeakCeilingDbtp > 0) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.audio.true-peak-ceiling="
              + truePeakCeilingDbtp
              + ": must be within -9..0 dBTP");
    }
  }

  public static LoudnessSpec off() {
    return new LoudnessSpec(null, -1.0);
  }

  public boolean normalises() {
    return targetLufs != null;
  }
}
