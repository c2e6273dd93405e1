package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MediaPlaylistWriterTest {

  @Test
  void writesVodPlaylistWithAllRequiredTagsInOrder() {
    String text =
        MediaPlaylistWriter.write(
            List.of(
                new MediaSegment("segment_00000.ts", 6.006, 1000),
                new MediaSegment("segment_00001.ts", 6.006, 1000),
                new MediaSegment("segment_00002.ts", 2.5, 400)));

    assertThat(text.lines().toList())
        .containsExactly(
            "#EXTM3U",
            "#EXT-X-VERSION:3",
            "#EXT-X-TARGETDURATION:6",
            "#EXT-X-MEDIA-SEQUENCE:0",
            "#EXT-X-PLAYLIST-TYPE:VOD",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXTINF:6.006000,",
            "segment_00000.ts",
            "#EXTINF:6.006000,",
            "segment_00001.ts",
            "#EXTINF:2.500000,",
            "segment_00002.ts",
            "#EXT-X-ENDLIST");
  }

  @Test
  void targetDurationIsTheLongestSegmentRoundedToNearestSecond() {
    // RFC 8216 4.3.3.1: round(EXTINF) <= TARGETDURATION for every segment.
    assertThat(
            MediaPlaylistWriter.targetDuration(
                List.of(new MediaSegment("a", 6.4, 1), new MediaSegment("b", 5.0, 1))))
        .isEqualTo(6);
    assertThat(MediaPlaylistWriter.targetDuration(List.of(new MediaSegment("a", 6.5, 1))))
        .isEqualTo(7);
    assertThat(MediaPlaylistWriter.targetDuration(List.of(new MediaSegment("a", 0.2, 1))))
        .isEqualTo(1);
  }

  @Test
  void refusesAnEmptyPlaylist() {
    assertThatThrownBy(() -> MediaPlaylistWriter.write(List.of()))
        .hasMessageContaining("without segments");
  }

  @Test
  void extinfUsesADotWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(MediaPlaylistWriter.write(List.of(new MediaSegment("s.ts", 4.25, 1))))
          .contains("#EXTINF:4.250000,");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void byteRangeSegmentsCarryTheirRangeAndNeedVersionFour() {
    String m =
        MediaPlaylistWriter.write(
            List.of(
                new MediaSegment("media.ts", 6, 1000, 0),
                new MediaSegment("media.ts", 4, 500, 1000)));
    assertThat(m)
        .contains(
            "#EXT-X-VERSION:4\n",
            "#EXTINF:6.000000,\n#EXT-X-BYTERANGE:1000@0\nmedia.ts\n",
            "#EXTINF:4.000000,\n#EXT-X-BYTERANGE:500@1000\nmedia.ts\n");
    PlaylistParser.Media parsed = PlaylistParser.parseMedia(m);
    assertThat(parsed.segments())
        .extracting(PlaylistParser.Segment::offset)
        .containsExactly(0L, 1000L);
    assertThat(parsed.segments())
        .extracting(PlaylistParser.Segment::length)
        .containsExactly(1000L, 500L);
  }
}
