package io.hlsforge.validate;

import static io.hlsforge.validate.Views.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bit rates worked by hand: video segments of 250 000 bytes per 2 s are 1 000 000 bit/s, audio
 * segments of 32 000 bytes per 2 s are 128 000 bit/s, so the variant's peak and average are both 1
 * 128 000 bit/s.
 */
class VariantRulesTest {
  private static final String VIDEO = "http://cdn.test/title/v/index.m3u8";
  private static final String AUDIO = "http://cdn.test/title/a/index.m3u8";
  private static final String WHERE = Views.ROOT + " → v/index.m3u8";
  private final VariantRules rules = new VariantRules();

  private static final MediaPlaylistView VIDEO_VIEW =
      Views.playlist(
          VIDEO,
          Views.vod(2, 2.0, 2.0),
          250_000,
          Views.video(0, 2, 50, 0, 1),
          Views.video(2, 4, 50, 2, 3));
  private static final MediaPlaylistView AUDIO_VIEW =
      Views.playlist(
          AUDIO,
          Views.vod(2, 2.0, 2.0),
          32_000,
          Views.audio(0, 2, 48000, "mp4a.40.2"),
          Views.audio(2, 4, 48000, "mp4a.40.2"));

  private static PresentationView variant(String attributes, MediaPlaylistView video) {
    return Views.presentation(
        Views.master(
            "#EXTM3U",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"English\",LANGUAGE=\"en\",CHANNELS=\"2\",URI=\"a/index.m3u8\"",
            "#EXT-X-STREAM-INF:" + attributes + ",AUDIO=\"aud\"",
            "v/index.m3u8"),
        List.of(video, AUDIO_VIEW),
        List.of());
  }

  private static final String GOOD =
      "BANDWIDTH=1128000,AVERAGE-BANDWIDTH=1128000,CODECS=\"avc1.42c01e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=25.000";

  @Test
  void aVariantMatchingItsStreamsHasNoFindings() {
    assertThat(check(rules, variant(GOOD, Views.withPicture(VIDEO_VIEW, 640, 360, 25)))).isEmpty();
  }

  @Test
  void aBandwidthBelowThePeakBreaksC3AndAFarAverageC5() {
    String attributes =
        GOOD.replace(
            "BANDWIDTH=1128000,AVERAGE-BANDWIDTH=1128000",
            "BANDWIDTH=1000000,AVERAGE-BANDWIDTH=900000");
    assertThat(check(rules, variant(attributes, VIDEO_VIEW)))
        .extracting(Finding::rule, Finding::where, Finding::message)
        .containsExactly(
            tuple(
                Rule.C3,
                WHERE,
                "BANDWIDTH=1000000 is below the measured peak segment bit rate 1128000"),
            tuple(
                Rule.C5,
                WHERE,
                "AVERAGE-BANDWIDTH=900000 is not within 10 % of the measured average 1128000"));
  }

  @Test
  void aBandwidthFarAboveThePeakIsAC4Warning() {
    // 1 300 000 > 1.1 × 1 128 000 = 1 240 800.
    assertThat(
            check(
                rules,
                variant(
                    GOOD.replaceFirst("^BANDWIDTH=1128000,", "BANDWIDTH=1300000,"), VIDEO_VIEW)))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                Rule.C4,
                Severity.WARNING,
                "BANDWIDTH=1300000 is more than 10 % above the measured peak 1128000"));
  }

  @Test
  void bitRatesAreNotJudgedWhenASegmentIsMissing() {
    MediaPlaylistView missing =
        new MediaPlaylistView(
            VIDEO,
            VIDEO_VIEW.playlist(),
            Optional.empty(),
            VIDEO_VIEW.segments().subList(0, 1),
            VIDEO_VIEW.streams(),
            VIDEO_VIEW.codecs(),
            Optional.empty());
    assertThat(
            check(
                rules, variant(GOOD.replaceFirst("^BANDWIDTH=1128000,", "BANDWIDTH=1,"), missing)))
        .isEmpty();
  }

  @Test
  void codecsAndResolutionMustMatchTheStreams() {
    String attributes =
        GOOD.replace("avc1.42c01e", "avc1.64001f")
            .replace("RESOLUTION=640x360", "RESOLUTION=1280x720");
    assertThat(check(rules, variant(attributes, Views.withPicture(VIDEO_VIEW, 640, 360, 25))))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(
            tuple(
                Rule.C1,
                "CODECS=\"avc1.64001f,mp4a.40.2\" but the streams are avc1.42c01e,mp4a.40.2"),
            tuple(Rule.C2, "RESOLUTION=1280x720 but the video is 640x360"));
  }

  @Test
  void variantsWithDifferentAspectRatiosAreAC10Warning() {
    // 640/360 = 1.777… → 1.78 and 480/360 = 1.333… → 1.34 at the 1/50 precision of the rule.
    PresentationView view =
        Views.presentation(
            Views.master(
                "#EXTM3U",
                "#EXT-X-STREAM-INF:BANDWIDTH=1,AVERAGE-BANDWIDTH=1,CODECS=\"avc1.42c01e\",RESOLUTION=640x360,FRAME-RATE=25",
                "wide.m3u8",
                "#EXT-X-STREAM-INF:BANDWIDTH=1,AVERAGE-BANDWIDTH=1,CODECS=\"avc1.42c01e\",RESOLUTION=480x360,FRAME-RATE=25",
                "narrow.m3u8"),
            List.of(),
            List.of());
    assertThat(check(rules, view))
        .extracting(Finding::rule, Finding::where, Finding::message)
        .containsExactly(
            tuple(
                Rule.C10, Views.ROOT, "video variants have different aspect ratios: [1.34, 1.78]"));
  }
}
