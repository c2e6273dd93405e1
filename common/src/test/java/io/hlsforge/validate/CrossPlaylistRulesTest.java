package io.hlsforge.validate;

import static io.hlsforge.validate.Views.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hlsforge.inspect.SegmentFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossPlaylistRulesTest {
  private static final String HI = "http://cdn.test/title/hi/index.m3u8";
  private static final String LO = "http://cdn.test/title/lo/index.m3u8";
  private static final String AUDIO = "http://cdn.test/title/audio/index.m3u8";
  private static final String MASTER =
      "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nhi/index.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlo/index.m3u8";
  private final CrossPlaylistRules rules = new CrossPlaylistRules();

  private static MediaPlaylistView video(String uri, int target, double... durations) {
    SegmentFacts[] facts = new SegmentFacts[durations.length];
    double t = 0;
    for (int i = 0; i < durations.length; i++) {
      facts[i] = Views.video(t, t + durations[i], (int) Math.round(durations[i] * 25), t);
      t += durations[i];
    }
    return Views.playlist(uri, Views.vod(target, durations), 1000, facts);
  }

  private static MediaPlaylistView audio(double seconds, String codecs) {
    return Views.playlist(
        AUDIO,
        Views.vod(6, 6.0, seconds - 6),
        1000,
        Views.audio(0, 6, 48000, codecs),
        Views.audio(6, seconds, 48000, codecs));
  }

  private static PresentationView of(MediaPlaylistView... media) {
    return Views.presentation(Views.master(MASTER), List.of(media), List.of());
  }

  @Test
  void alignedRenditionsWithAacAudioHaveNoFindings() {
    assertThat(check(rules, of(video(HI, 6, 6, 6), video(LO, 6, 6, 6), audio(12, "mp4a.40.2"))))
        .isEmpty();
  }

  @Test
  void differentTargetDurationsBreakA9() {
    assertThat(check(rules, of(video(HI, 6, 6, 6), video(LO, 4, 4, 4, 4))))
        .extracting(Finding::rule, Finding::where, Finding::message)
        .containsExactly(
            tuple(Rule.A9, Views.ROOT, "media playlists use different target durations [4, 6]"),
            tuple(
                Rule.A11,
                LO,
                "segment boundaries differ from " + HI + ": [4.0, 8.0, 12.0] vs [6.0, 12.0]"));
  }

  @Test
  void anAudioPlaylistShorterThanTheVideoBreaksA10() {
    // Tolerance: one video frame (0.04 s) plus two AAC frames (2 × 1024/48000 s) = 0.083 s.
    assertThat(check(rules, of(video(HI, 6, 6, 6), audio(11.9, "mp4a.40.2"))))
        .extracting(Finding::rule, Finding::where, Finding::message)
        .containsExactly(tuple(Rule.A10, AUDIO, "lasts 11.900 s but " + HI + " lasts 12.000 s"));
    assertThat(check(rules, of(video(HI, 6, 6, 6), audio(11.95, "mp4a.40.2")))).isEmpty();
  }

  @Test
  void mp3AloneIsAWarning() {
    List<Finding> findings = check(rules, of(video(HI, 6, 6, 6), audio(12, "mp4a.40.34")));
    assertThat(findings)
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                Rule.D7,
                Severity.WARNING,
                "no AAC audio rendition: players that follow Apple's rules may not play [mp4a.40.34]"));
  }
}
