package io.hlsforge.validate;

import static io.hlsforge.validate.Views.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hlsforge.inspect.SegmentFacts;
import org.junit.jupiter.api.Test;

/** 25 fps video: one frame is 0.04 s, so the timing tolerance is 0.041 s. */
class TimingRulesTest {
  private static final String URI = "http://cdn.test/title/v/index.m3u8";
  private final TimingRules rules = new TimingRules();

  @Test
  void continuousSegmentsWithAnIdrEverySecondHaveNoFindings() {
    MediaPlaylistView v =
        Views.playlist(
            URI,
            Views.vod(2, 2.0, 2.0),
            1000,
            Views.video(10, 12, 50, 10, 11),
            Views.video(12, 14, 50, 12, 13));
    assertThat(check(rules, Views.single(v))).isEmpty();
  }

  @Test
  void aGapBetweenSegmentsBreaksA6UnlessMarkedAsADiscontinuity() {
    MediaPlaylistView gap =
        Views.playlist(
            URI,
            Views.vod(2, 2.0, 2.0),
            1000,
            Views.video(10, 12, 50, 10, 11),
            Views.video(12.2, 14.2, 50, 12.2, 13.2));
    assertThat(check(rules, Views.single(gap)))
        .extracting(Finding::rule, Finding::where, Finding::message)
        .containsExactly(
            tuple(
                Rule.A6,
                URI,
                "segment 1 starts at 12.200 s but segment 0 ended at 12.000 s (gap of 0.200 s)"));

    MediaPlaylistView marked =
        Views.playlist(
            URI,
            Views.media(
                "#EXTM3U",
                "#EXT-X-TARGETDURATION:2",
                "#EXTINF:2.0,",
                "s0.ts",
                "#EXT-X-DISCONTINUITY",
                "#EXTINF:2.0,",
                "s1.ts"),
            1000,
            gap.inspected().toArray(SegmentFacts[]::new));
    assertThat(check(rules, Views.single(marked))).isEmpty();
  }

  @Test
  void anExtinfMoreThanOneFrameOffTheMediaBreaksA8() {
    MediaPlaylistView v =
        Views.playlist(
            URI,
            Views.vod(2, 2.1, 1.96),
            1000,
            Views.video(10, 12, 50, 10, 11),
            Views.video(12, 14, 50, 12, 13));
    // 2.1 vs 2.0 is 0.1 s off (> 0.041); 1.96 vs 2.0 is exactly one frame off: allowed.
    assertThat(check(rules, Views.single(v)))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(tuple(Rule.A8, "segment 0: EXTINF 2.100 s but the media lasts 2.000 s"));
  }

  @Test
  void aSegmentNotStartingOnAKeyframeBreaksA4AndALongGopBreaksA5() {
    MediaPlaylistView v =
        Views.playlist(
            URI,
            Views.vod(2, 2.0, 2.0),
            1000,
            Views.video(10, 12, 50, 10),
            Views.video(12, 14, 50));
    assertThat(check(rules, Views.single(v)))
        .extracting(Finding::rule, Finding::where, Finding::message)
        .containsExactly(
            tuple(
                Rule.A4,
                "http://cdn.test/title/v/s1.ts",
                "segment 1 does not start with an IDR frame"),
            tuple(Rule.A5, URI, "no IDR frame for 4.000 s after 10.000 s"));
  }

  @Test
  void anFmp4SegmentIsReportedAsNotStartingWithASyncSample() {
    MediaPlaylistView v =
        Views.playlist(
            URI, Views.vod(2, 2.0), SegmentContainer.FMP4, 1000, Views.video(10, 12, 50, 11));
    assertThat(check(rules, Views.single(v)))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(tuple(Rule.A4, "segment 0 does not start with a sync sample"));
  }
}
