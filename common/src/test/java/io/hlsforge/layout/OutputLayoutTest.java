package io.hlsforge.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.SegmentFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The output layout and object names as README.md documents them, spelled out by hand. */
class OutputLayoutTest {
  @Test
  void locationsUnderTheOutput() {
    String out = "hdfs://nn:8020/hls/";
    assertThat(OutputLayout.renditionDir(out, "show-1", "e0123", "720p"))
        .isEqualTo("hdfs://nn:8020/hls/media/show-1/e0123/720p");
    assertThat(OutputLayout.manifestTable(out, "segments"))
        .isEqualTo("hdfs://nn:8020/hls/manifests/segments");
    assertThat(OutputLayout.runReport(OutputLayout.runDir(out, "r1"), "html"))
        .isEqualTo("hdfs://nn:8020/hls/runs/r1/report.html");
    assertThat(OutputLayout.handRunDir("file:///tmp/hand", "show-1", "chunk-002"))
        .isEqualTo("file:///tmp/hand/show-1/chunk-002");
  }

  @Test
  void objectNamesOfARendition() {
    assertThat(String.format(Locale.ROOT, OutputLayout.segmentPattern(SegmentFormat.TS), 42))
        .isEqualTo("segment_00042.ts");
    assertThat(String.format(Locale.ROOT, OutputLayout.segmentPattern(SegmentFormat.FMP4), 7))
        .isEqualTo("segment_00007.m4s");
    assertThat(OutputLayout.subtitleSegment(3)).isEqualTo("segment_00003.vtt");
    assertThat(OutputLayout.INIT_SEGMENT).isEqualTo("init.mp4");
    assertThat(OutputLayout.singleFile(null, SegmentFormat.TS)).isEqualTo("media.ts");
    assertThat(OutputLayout.singleFile(12, SegmentFormat.FMP4)).isEqualTo("media_00012.m4s");
  }
}
