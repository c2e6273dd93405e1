package io.hlsforge.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubtitleRulesTest {
  private static final String SUBS = "http://cdn.test/title/subs/index.m3u8";
  // RFC 8216 §3.5's form of the header.
  private static final String GOOD =
      "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\n00:00:01.000 --> 00:00:02.000\nHi\n";

  private static List<Finding> check(List<String> segments, double... subtitleDurations) {
    MediaPlaylistView video =
        Views.playlist(
            "http://cdn.test/title/v/index.m3u8",
            Views.vod(4, 4, 4),
            1000,
            Views.video(0, 4, 100, 0),
            Views.video(4, 8, 100, 4));
    PresentationView view =
        new PresentationView(
            Views.ROOT,
            Optional.empty(),
            List.of(video),
            List.of(),
            Optional.empty(),
            List.of(new SubtitlePlaylistView(SUBS, Views.vod(4, subtitleDurations), segments)));
    return Views.check(new SubtitleRules(), view);
  }

  @Test
  void segmentsWithATimestampMapSpanningTheContentPass() {
    assertThat(
            check(
                List.of(
                    GOOD,
                    GOOD.replace(
                        "MPEGTS:900000,LOCAL:00:00:00.000", "LOCAL:00:00:00.000,MPEGTS:900000")),
                4,
                4))
        .isEmpty();
  }

  @Test
  void aMissingMapAMissingHeaderAndAShortPlaylistBreakA14() {
    List<Finding> findings =
        check(
            List.of(
                "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nX-TIMESTAMP-MAP=MPEGTS:1,LOCAL:00:00:00.000\n",
                "1\n00:00:01,000 --> 00:00:02,000\nsrt\n"),
            2,
            1);
    assertThat(findings).allSatisfy(f -> assertThat(f.rule()).isEqualTo(Rule.A14));
    assertThat(findings)
        .extracting(Finding::message)
        .containsExactly(
            // A map in a cue's text is not a header.
            "segment 0 has no X-TIMESTAMP-MAP with MPEGTS and LOCAL in its header",
            "segment 1 does not start with WEBVTT",
            "the subtitle playlist lasts 3.000 s, the content 8.000 s");
  }
}
