package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalPlaylistReaderTest {

  @Test
  void readsSegmentNamesAndDurations() {
    String ffmpegPlaylist =
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.006000,\nsegment_00000.ts\n"
            + "#EXTINF:1.234,title\r\nsegment_00001.ts\n#EXT-X-ENDLIST\n";
    assertThat(LocalPlaylistReader.read(ffmpegPlaylist))
        .containsExactly(
            new LocalPlaylistReader.Entry("segment_00000.ts", 6.006),
            new LocalPlaylistReader.Entry("segment_00001.ts", 1.234));
  }

  @Test
  void aUriWithoutExtinfIsAnError() {
    assertThatThrownBy(() -> LocalPlaylistReader.read("#EXTM3U\nsegment.ts\n"))
        .hasMessageContaining("no #EXTINF");
  }
}
