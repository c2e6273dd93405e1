package io.hlsforge.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void segmentFactsJoinVideoThenAudioCodecs() {
    SegmentFacts.VideoFacts video =
        new SegmentFacts.VideoFacts(1.4, 3.4, 50, true, CodecStrings.avc1(100, 0, 31), null);
    SegmentFacts.AudioFacts audio =
        new SegmentFacts.AudioFacts(1.4, 3.4, 48000, CodecStrings.mp4a(2));
    SegmentFacts both = new SegmentFacts(video, audio, List.of());
    SegmentFacts audioOnly = new SegmentFacts(null, audio, List.of());
    assertThat(both.codecs()).isEqualTo("avc1.64001f,mp4a.40.2");
    assertThat(audioOnly.codecs()).isEqualTo("mp4a.40.2");
    assertThat(audioOnly.start()).isEqualTo(1.4);
    assertThat(audioOnly.duration()).isEqualTo(2.0);
  }
}
