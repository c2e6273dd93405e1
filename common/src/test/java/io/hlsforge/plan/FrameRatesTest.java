package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.ProbeResult;
import io.hlsforge.testkit.Probes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameRatesTest {

  private static ProbeResult source(double average, double nominal) {
    return Probes.of(
        "mp4", 10, 0, "h264", "High", 40, 1920, 1080, 1, 1, average, nominal, false, 0, "aac", 2,
        48000, null);
  }

  @ParameterizedTest(name = "avg {0}, nominal {1} → {2}")
  @CsvSource({
    "23.976, 23.976, 24000/1001",
    "25, 25, 25/1",
    "29.97, 29.97, 30000/1001",
    "30, 30, 30/1",
    "50, 50, 50/1",
    "59.94, 59.94, 60000/1001",
    "120, 120, 60/1", // above 60: halved
    "100, 100, 50/1",
    "119.88, 119.88, 60000/1001",
    "21.3, 30, 30/1", // variable frame rate: constant at the nominal rate
    "29.9, 90000, 30000/1001", // a time base in r_frame_rate is ignored; the average snaps
    "15, 15, 15000/1000" // non-standard rates are kept as they are
  })
  void picksTheStandardRateTheSourceMeans(double average, double nominal, String expected) {
    assertThat(FrameRates.output(source(average, nominal)).toString()).isEqualTo(expected);
  }
}
