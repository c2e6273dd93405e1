package io.hlsforge.validate;

import static io.hlsforge.validate.Views.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructureRulesTest {
  private static final String URI = "http://cdn.test/title/v/index.m3u8";
  private final StructureRules rules = new StructureRules();

  @Test
  void aWellFormedVodPlaylistHasNoFindings() {
    // 5.5 s is a decimal EXTINF, which needs version 3 (RFC 8216 §7); 6 s is Apple's target.
    MediaPlaylistView v =
        Views.playlist(
            URI,
            Views.vod(6, 6.0, 5.5),
            1000,
            Views.video(0, 6, 150, 0),
            Views.video(6, 11.5, 137, 6));
    assertThat(check(rules, Views.single(v))).isEmpty();
  }

  @Test
  void segmentsOverTheTargetDurationBreakA1AndA2() {
    // round(6.6) = 7 > 6 (A1) and 6.6 > 6 + 0.5 (A2); round(6.4) = 6 and 6.4 < 6.5: neither.
    MediaPlaylistView v =
        Views.playlist(
            URI,
            Views.vod(6, 6.6, 6.4),
            1000,
            Views.video(0, 6.6, 165, 0),
            Views.video(6.6, 13, 160, 6.6));
    assertThat(check(rules, Views.single(v)))
        .extracting(Finding::rule, Finding::where, Finding::message)
        .containsExactly(
            tuple(Rule.A1, URI, "segment 0 lasts 6.600 s, more than EXT-X-TARGETDURATION 6"),
            tuple(Rule.A2, URI, "segment 0 lasts 6.600 s, over 6 s + 0.5 s"));
  }

  @Test
  void byteRangesNeedVersionFourAndVodNeedsItsTags() {
    MediaPlaylistView v =
        Views.playlist(
            URI,
            Views.media(
                "#EXTM3U",
                "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:6",
                "#EXT-X-INDEPENDENT-SEGMENTS",
                "#EXTINF:6.0,",
                "#EXT-X-BYTERANGE:1000@0",
                "all.ts"),
            1000,
            Views.video(0, 6, 150, 0));
    assertThat(check(rules, Views.single(v)))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(
            tuple(Rule.B1, "EXT-X-PLAYLIST-TYPE is missing, not VOD"),
            tuple(Rule.B1, "no EXT-X-ENDLIST"),
            tuple(Rule.B3, "EXT-X-VERSION is 3 but the features used need 4"));
  }

  @Test
  void segmentsThatAreNotTransportStreamNeedAMap() {
    MediaPlaylistView v = Views.playlist(URI, Views.vod(6, 6.0), 1000, Views.video(0, 6, 150, 0));
    ReadSegment unrecognised =
        new ReadSegment(0, URI, 1000, SegmentContainer.UNRECOGNISED, Optional.empty());
    MediaPlaylistView mp4WithoutMap =
        new MediaPlaylistView(
            URI,
            v.playlist(),
            Optional.empty(),
            List.of(unrecognised),
            v.streams(),
            v.codecs(),
            Optional.empty());
    assertThat(check(rules, Views.single(mp4WithoutMap)))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(tuple(Rule.B2, "segments are not MPEG-TS and there is no EXT-X-MAP"));
  }

  @Test
  void independentSegmentsAreNeededInTheMediaPlaylistUnlessTheMasterSaysSo() {
    MediaPlaylistView v =
        Views.playlist(
            URI,
            Views.media(
                "#EXTM3U",
                "#EXT-X-TARGETDURATION:6",
                "#EXT-X-PLAYLIST-TYPE:VOD",
                "#EXTINF:6,",
                "s0.ts",
                "#EXT-X-ENDLIST"),
            1000,
            Views.video(0, 6, 150, 0));
    String variant = "#EXT-X-STREAM-INF:BANDWIDTH=1\nv/index.m3u8";
    assertThat(
            check(
                rules, Views.presentation(Views.master("#EXTM3U", variant), List.of(v), List.of())))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(tuple(Rule.B4, "no EXT-X-INDEPENDENT-SEGMENTS here or in the master"));
    assertThat(
            check(
                rules,
                Views.presentation(
                    Views.master("#EXTM3U", "#EXT-X-INDEPENDENT-SEGMENTS", variant),
                    List.of(v),
                    List.of())))
        .isEmpty();
  }
}
