package io.hlsforge.media;

import static io.hlsforge.media.H264Level.BitRateClass.BASELINE_MAIN;
import static io.hlsforge.media.H264Level.BitRateClass.HIGH;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Levels worked out by hand from ITU-T H.264 Table A-1 (MaxFS, MaxMBPS, MaxBR). */
class H264LevelTest {
  @Test
  void aTinyRenditionGetsLevel30NotTheLevel1X264WouldPick() {
    // 64x36: 4x3 = 12 macroblocks, 300 MB/s: level 1 would do; 3.0 is the floor.
    assertThat(H264Level.of(64, 36, 25, 100, HIGH)).isEqualTo("3.0");
    assertThat(H264Level.of(320, 180, 30, 400, HIGH)).isEqualTo("3.0");
  }

  @Test
  void eachLimitCanDecide() {
    // 1280x720@30: 80x45 = 3600 MBs (3.1's MaxFS), 108000 MB/s (3.1's MaxMBPS).
    assertThat(H264Level.of(1280, 720, 30, 4000, HIGH)).isEqualTo("3.1");
    // 1280x720@60: 216000 MB/s is 3.2's MaxMBPS.
    assertThat(H264Level.of(1280, 720, 60, 6000, HIGH)).isEqualTo("3.2");
    // 1920x1080@30: 120x68 = 8160 MBs, 244800 MB/s: 4.0 (MaxBR 20000 x 1.25 for High).
    assertThat(H264Level.of(1920, 1080, 30, 7800, HIGH)).isEqualTo("4.0");
    // The same at 30 Mbit/s peak: above 4.0's 25000 (High), within 4.1's 62500.
    assertThat(H264Level.of(1920, 1080, 30, 30_000, HIGH)).isEqualTo("4.1");
    // ... and at 22 Mbit/s in Main: above 4.0's 20000 without the High factor.
    assertThat(H264Level.of(1920, 1080, 30, 22_000, BASELINE_MAIN)).isEqualTo("4.1");
    // 1920x1080@60: 489600 MB/s: 4.2.
    assertThat(H264Level.of(1920, 1080, 60, 9000, HIGH)).isEqualTo("4.2");
    // 3840x2160@30: 240x135 = 32400 MBs (over 5.0's 22080), 972000 MB/s: 5.1.
    assertThat(H264Level.of(3840, 2160, 30, 20_000, HIGH)).isEqualTo("5.1");
    // 720x576 at 16:9 SAR-free 1024x576: 64x36 = 2304 MBs > 1620, so 3.1.
    assertThat(H264Level.of(1024, 576, 25, 2000, HIGH)).isEqualTo("3.1");
  }

  @Test
  void aVeryWideStripIsLimitedBySide() {
    // 4096x64: 256x4 = 1024 MBs (fits 3.0's 1620) but 256 MBs wide > sqrt(8 x 1620) = 113.8;
    // 4.0's sqrt(8 x 8192) = 256 is the first that allows it.
    assertThat(H264Level.of(4096, 64, 25, 1000, HIGH)).isEqualTo("4.0");
  }

  @Test
  void theHighProfilesReachFurtherThanBaselineAndMain() {
    assertThat(H264Level.BitRateClass.ofProfile("high")).isEqualTo(HIGH);
    assertThat(H264Level.BitRateClass.ofProfile("High10")).isEqualTo(HIGH);
    assertThat(H264Level.BitRateClass.ofProfile("main")).isEqualTo(BASELINE_MAIN);
    assertThat(H264Level.BitRateClass.ofProfile("baseline")).isEqualTo(BASELINE_MAIN);
  }
}
