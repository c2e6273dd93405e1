package io.hlsforge.validate;

import static io.hlsforge.validate.Views.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hlsforge.media.ProbeResult;
import io.hlsforge.testkit.Probes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A 10 s, 640x360, 25 fps source: two frames are 0.08 s, so durations may differ by 0.081 s. */
class SourceRulesTest {
  private static final String VIDEO = "http://cdn.test/title/v/index.m3u8";
  private final SourceRules rules = new SourceRules();

  private static ProbeResult source(String audioCodec) {
    return Probes.of(
        "mov,mp4,m4a,3gp,3g2,mj2",
        10.0,
        1_000_000,
        "h264",
        "High",
        30,
        640,
        360,
        1,
        1,
        25,
        25,
        false,
        0,
        audioCodec,
        audioCodec == null ? 0 : 2,
        audioCodec == null ? 0 : 48000,
        null);
  }

  private static PresentationView of(MediaPlaylistView media, ProbeResult source) {
    return new PresentationView(
        media.uri(), Optional.empty(), List.of(media), List.of(), Optional.of(source));
  }

  private static MediaPlaylistView video(double seconds, int width, int height) {
    return Views.withPicture(
        Views.playlist(VIDEO, Views.vod(10, seconds), 1000, Views.video(0, seconds, 250, 0)),
        width,
        height,
        25);
  }

  @Test
  void aPackageLikeItsSilentSourceHasNoFindings() {
    assertThat(check(rules, of(video(10.04, 640, 360), source(null)))).isEmpty();
  }

  @Test
  void aLongerUpscaledPackageWithoutTheSourcesAudioBreaksS1S2AndS3() {
    assertThat(check(rules, of(video(10.1, 1280, 720), source("aac"))))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(
            tuple(Rule.S1, "lasts 10.100 s but the source lasts 10.000 s"),
            tuple(Rule.S3, "rendition 1280x720 is larger than the source 640x360"),
            tuple(Rule.S2, "the source has audio but the package has none"));
  }

  @Test
  void withoutASourceNothingIsChecked() {
    assertThat(check(rules, Views.single(video(10.1, 1280, 720)))).isEmpty();
  }
}
