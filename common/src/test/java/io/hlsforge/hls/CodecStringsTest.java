package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecStringsTest {

  @Test
  void avc1IsProfileConstraintLevelInTwoDigitLowercaseHex() {
    assertThat(CodecStrings.avc1(100, 0, 40)).isEqualTo("avc1.640028"); // High@4.0
    assertThat(CodecStrings.avc1(77, 0x40, 30))
        .isEqualTo("avc1.4d401e"); // Main@3.0, constraint_set1
    assertThat(CodecStrings.avc1(66, 0xC0, 13))
        .isEqualTo("avc1.42c00d"); // Constrained Baseline@1.3
  }

  @Test
  void mp4aCarriesTheAudioObjectType() {
    assertThat(CodecStrings.mp4a(2)).isEqualTo("mp4a.40.2");
    assertThat(CodecStrings.mp4a(5)).isEqualTo("mp4a.40.5");
  }

  @Test
  void tsInspectionJoinsVideoThenAudioCodecs() {
    TsInspector.Inspection both = new TsInspector.Inspection(1.4, 1.4, true, 100, 0, 31, 2);
    TsInspector.Inspection audioOnly =
        new TsInspector.Inspection(Double.NaN, 1.4, false, -1, -1, -1, 2);
    assertThat(both.codecs()).isEqualTo("avc1.64001f,mp4a.40.2");
    assertThat(audioOnly.codecs()).isEqualTo("mp4a.40.2");
    assertThat(audioOnly.startPts()).isEqualTo(1.4);
  }
}
