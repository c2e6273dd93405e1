package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthCalculatorTest {

  @Test
  void peakIsTheBusiestWindowBetweenHalfAndOneAndAHalfTargetDurations() {
    // Target 6 s: windows must last 3..9 s. Segments: 6 s @ 1 Mbit/s, 2 s @ 4 Mbit/s, 6 s @ 1
    // Mbit/s.
    List<MediaSegment> segs =
        List.of(
            new MediaSegment("a", 6, 750_000), // 6,000,000 bits
            new MediaSegment("b", 2, 1_000_000), // 8,000,000 bits
            new MediaSegment("c", 6, 750_000));
    // The 2 s segment alone is too short (< 3 s); the busiest allowed window is a+b or b+c:
    // 14,000,000 bits / 8 s = 1,750,000 bit/s. a+b+c is 14 s > 9 s and not allowed.
    assertThat(BandwidthCalculator.peakBitsPerSecond(segs, 6)).isEqualTo(1_750_000L);
  }

  @Test
  void aSingleSegmentInTheWindowCounts() {
    List<MediaSegment> segs =
        List.of(new MediaSegment("a", 6, 1_500_000), new MediaSegment("b", 6, 750_000));
    assertThat(BandwidthCalculator.peakBitsPerSecond(segs, 6)).isEqualTo(2_000_000L);
  }

  @Test
  void averageIsAllBitsOverAllSeconds() {
    List<MediaSegment> segs =
        List.of(new MediaSegment("a", 6, 750_000), new MediaSegment("b", 2, 1_000_000));
    assertThat(BandwidthCalculator.averageBitsPerSecond(segs)).isEqualTo(1_750_000L);
  }

  @Test
  void aClipShorterThanHalfATargetFallsBackToItsAverage() {
    List<MediaSegment> segs = List.of(new MediaSegment("a", 1, 12_500));
    assertThat(BandwidthCalculator.peakBitsPerSecond(segs, 6)).isEqualTo(100_000L);
  }

  @Test
  void peakIsNeverBelowAverage() {
    List<MediaSegment> segs =
        List.of(
            new MediaSegment("a", 6, 100_000),
            new MediaSegment("b", 6, 900_000),
            new MediaSegment("c", 3, 10_000));
    assertThat(BandwidthCalculator.peakBitsPerSecond(segs, 6))
        .isGreaterThanOrEqualTo(BandwidthCalculator.averageBitsPerSecond(segs));
  }
}
