package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MasterPlaylistWriterTest {

  @Test
  void listsVariantsHighestBandwidthFirstWithAllAttributes() {
    String text = MasterPlaylistWriter.write(List.of(
        new VariantStream("e1/360p/index.m3u8", 900_000, 850_000, "avc1.64001e,mp4a.40.2", 640, 360, 29.97002997),
        new VariantStream("e1/1080p/index.m3u8", 6_300_000, 6_000_000, "avc1.640028,mp4a.40.2", 1920, 1080, 29.97002997)));
    assertThat(text.lines().toList()).containsExactly(
        "#EXTM3U",
        "#EXT-X-VERSION:3",
        "#EXT-X-INDEPENDENT-SEGMENTS",
        "#EXT-X-STREAM-INF:BANDWIDTH=6300000,AVERAGE-BANDWIDTH=6000000,CODECS=\"avc1.640028,mp4a.40.2\",RESOLUTION=1920x1080,FRAME-RATE=29.970",
        "e1/1080p/index.m3u8",
        "#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=850000,CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=29.970",
        "e1/360p/index.m3u8");
  }

  @Test
  void audioOnlyVariantsHaveNoResolutionOrFrameRate() {
    String text = MasterPlaylistWriter.write(List.of(new VariantStream("e1/audio/index.m3u8", 140_000, 139_000, "mp4a.40.2", 0, 0, 0)));
    assertThat(text).contains("#EXT-X-STREAM-INF:BANDWIDTH=140000,AVERAGE-BANDWIDTH=139000,CODECS=\"mp4a.40.2\"\n")
        .doesNotContain("RESOLUTION").doesNotContain("FRAME-RATE");
  }
}
