package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebVttSegmenterTest {
  // The shape ffmpeg's webvtt encoder writes, plus an identifier, settings, a NOTE and a BOM.
  private static final String DOC =
      "\uFEFFWEBVTT\r\n\r\nNOTE made by hand\r\n\r\n"
          + "00:01.000 --> 00:02.500\r\nfirst\r\n\r\n"
          + "c2\r\n00:00:03.900 --> 00:00:04.200 align:start line:0\r\nsecond\r\ntwo lines\r\n\r\n"
          + "01:00:00.000 --> 01:00:01.000\r\nan hour in\r\n";

  @Test
  void readsCuesWithTheirIdentifiersSettingsAndLines() {
    assertThat(WebVttSegmenter.parse(DOC))
        .containsExactly(
            new WebVttSegmenter.Cue(null, 1.0, 2.5, "", "first"),
            new WebVttSegmenter.Cue("c2", 3.9, 4.2, " align:start line:0", "second\ntwo lines"),
            new WebVttSegmenter.Cue(null, 3600.0, 3601.0, "", "an hour in"));
  }

  @Test
  void aSegmentHoldsEveryCueThatOverlapsItUnderItsTimestampMap() {
    List<WebVttSegmenter.Cue> cues = WebVttSegmenter.parse(DOC);
    // 4 s segments: [0,4) has both first cues (the second crosses 4 s), [4,8) the second again.
    assertThat(WebVttSegmenter.segment(cues, 0, 4, 126_000))
        .isEqualTo(
            "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n"
                + "00:00:01.000 --> 00:00:02.500\nfirst\n\n"
                + "c2\n00:00:03.900 --> 00:00:04.200 align:start line:0\nsecond\ntwo lines\n");
    assertThat(WebVttSegmenter.segment(cues, 4, 8, 126_000))
        .isEqualTo(
            "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n"
                + "c2\n00:00:03.900 --> 00:00:04.200 align:start line:0\nsecond\ntwo lines\n");
    assertThat(WebVttSegmenter.segment(cues, 8, 12, 0))
        .isEqualTo("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n");
    assertThat(WebVttSegmenter.segment(cues, 8, Double.POSITIVE_INFINITY, 0))
        .endsWith("\n01:00:00.000 --> 01:00:01.000\nan hour in\n");
  }

  @Test
  void mpegTimestampsAre90KhzAndWrapAt33Bits() {
    assertThat(WebVttSegmenter.mpegts(1.4)).isEqualTo(126_000);
    assertThat(WebVttSegmenter.mpegts((1L << 33) / 90_000.0 + 1)).isEqualTo(90_000);
  }

  @Test
  void somethingThatIsNotWebVttIsRefused() {
    assertThatThrownBy(() -> WebVttSegmenter.parse("1\n00:00:01,000 --> 00:00:02,000\nsrt\n"))
        .hasMessage("Cannot read WebVTT: it does not start with WEBVTT");
  }
}
