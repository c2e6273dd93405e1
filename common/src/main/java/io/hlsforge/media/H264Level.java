package io.hlsforge.media;

import java.util.Locale;

/**
 * The H.264 level each re-encoded rendition declares, chosen here rather than left to x264: x264
 * picks the lowest level a stream fits, which for very small renditions is 1, 1b or 1.1 — levels
 * some MediaSource players (Shaka Player's {@code isTypeSupported} check in Chromium) refuse though
 * the stream decodes. The level is the lowest of ITU-T H.264 Table A-1 from 3.0 up whose frame size
 * (macroblocks per frame, and each side at most √(8·MaxFS) macroblocks), macroblock rate and
 * maximum bit rate (×1.25 for the High profile's CPB factor) the rendition stays within.
 */
public final class H264Level {
  private H264Level() {}

  /** {level, MaxMBPS, MaxFS, MaxBR in kbit/s (Baseline/Main)}, from 3.0 up. */
  private static final double[][] TABLE = {
    {3.0, 40_500, 1_620, 10_000},
    {3.1, 108_000, 3_600, 14_000},
    {3.2, 216_000, 5_120, 20_000},
    {4.0, 245_760, 8_192, 20_000},
    {4.1, 245_760, 8_192, 50_000},
    {4.2, 522_240, 8_704, 50_000},
    {5.0, 589_824, 22_080, 135_000},
    {5.1, 983_040, 36_864, 240_000},
    {5.2, 2_073_600, 36_864, 240_000},
    {6.0, 4_177_920, 139_264, 240_000},
    {6.1, 8_355_840, 139_264, 480_000},
    {6.2, 16_711_680, 139_264, 800_000},
  };

  /**
   * How far a profile's maximum bit rate reaches beyond Table A-1's (Baseline/Main) column: Table
   * A-2's cpbBrVclFactor over Baseline's 1200. The High 10, 4:2:2 and 4:4:4 profiles are allowed
   * more than High's 1.25; counting them as High is conservative (perhaps a higher level than
   * needed, never one too low).
   */
  public enum BitRateClass {
    BASELINE_MAIN(1.0),
    HIGH(1.25);

    private final double factor;

    BitRateClass(double factor) {
      this.factor = factor;
    }

    /** The class of an x264 profile name ({@code baseline}, {@code main}, {@code high}, ...). */
    public static BitRateClass ofProfile(String x264Profile) {
      return x264Profile.toLowerCase(Locale.ROOT).startsWith("high") ? HIGH : BASELINE_MAIN;
    }
  }

  /**
   * The level (as x264's {@code -level} takes it, {@code "3.1"}) for a picture of {@code width} x
   * {@code height} at {@code fps} with peak bit rate {@code maxKbps}; 6.2 when nothing lower fits.
   */
  public static String of(int width, int height, double fps, long maxKbps, BitRateClass profile) {
    long mbWidth = (width + 15) / 16;
    long mbHeight = (height + 15) / 16;
    long frameMbs = mbWidth * mbHeight;
    double mbps = frameMbs * fps;
    double brFactor = profile.factor;
    for (double[] l : TABLE) {
      double maxSide = Math.sqrt(8 * l[2]);
      if (frameMbs <= l[2]
          && mbWidth <= maxSide
          && mbHeight <= maxSide
          && mbps <= l[1]
          && maxKbps <= l[3] * brFactor) {
        return name(l[0]);
      }
    }
    return "6.2";
  }

  private static String name(double level) {
    return String.format(Locale.ROOT, "%.1f", level);
  }
}
