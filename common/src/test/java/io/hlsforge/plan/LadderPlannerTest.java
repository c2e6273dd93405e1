package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.Selection;
import io.hlsforge.testkit.Probes;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {
  /** What an {@code eng}-tagged single audio track is published as. */
  static final MediaAttributes ENGLISH =
      new MediaAttributes("en", "English", Selection.DEFAULT, false, null);

  private static final HlsforgeSettings DEFAULTS =
      HlsforgeSettings.from(ConfigFactory.defaultReference());

  private static ProbeResult video(int w, int h, int sarNum, int sarDen, int rotation) {
    return video(w, h, sarNum, sarDen, rotation, 2);
  }

  private static ProbeResult video(
      int w, int h, int sarNum, int sarDen, int rotation, int channels) {
    return Probes.of(
        "mov,mp4", 10, 0, "h264", "High", 40, w, h, sarNum, sarDen, 29.97, 29.97, false, rotation,
        "aac", channels, 48000, "eng");
  }

  @Test
  void a1080pSourceGetsTheWholeDefaultLadder() {
    List<PlannedRendition> plan = LadderPlanner.plan(video(1920, 1080, 1, 1, 0), DEFAULTS);
    assertThat(plan)
        .extracting(PlannedRendition::name)
        .containsExactly("1080p", "720p", "540p", "360p", "audio-stereo");
    List<PlannedRendition> video = videoOnly(plan);
    assertThat(video)
        .extracting(r -> r.width() + "x" + r.height())
        .containsExactly("1920x1080", "1280x720", "960x540", "640x360");
    assertThat(video)
        .allSatisfy(
            r -> {
              assertThat(r.audioKbps()).as("video renditions carry no audio").isZero();
              assertThat(r.frameRate()).as("29.97 means NTSC 30000/1001").isEqualTo(30000.0 / 1001);
            });
    assertThat(plan.get(4))
        .isEqualTo(PlannedRendition.audio("audio-stereo", 128, 2, List.of(0), ENGLISH));
  }

  @Test
  void neverUpscales() {
    List<PlannedRendition> plan =
        videoOnly(LadderPlanner.plan(video(1280, 720, 1, 1, 0), DEFAULTS));
    assertThat(plan).extracting(PlannedRendition::height).containsExactly(720, 540, 360);
  }

  @Test
  void aSourceSmallerThanEveryRungKeepsItsOwnSizeWithEvenDimensions() {
    List<PlannedRendition> plan = videoOnly(LadderPlanner.plan(video(321, 241, 1, 1, 0), DEFAULTS));
    assertThat(plan).hasSize(1);
    PlannedRendition r = plan.get(0);
    assertThat(r.height()).isEqualTo(242);
    assertThat(r.width() % 2).isZero();
    assertThat(r.height() % 2).isZero();
    assertThat(r.videoKbps()).isLessThan(730).isGreaterThanOrEqualTo(64);
  }

  @Test
  void anamorphicSourcesKeepTheirDisplayAspectWithSquarePixels() {
    // DVD-style 720x576 with SAR 64:45 displays as 1024x576 (16:9).
    List<PlannedRendition> plan =
        videoOnly(LadderPlanner.plan(video(720, 576, 64, 45, 0), DEFAULTS));
    assertThat(plan).extracting(PlannedRendition::name).containsExactly("540p", "360p");
    assertThat(plan.get(0).width()).isEqualTo(960);
    assertThat(plan.get(1).width()).isEqualTo(640);
  }

  @Test
  void rotatedPortraitVideoIsPlannedInItsDisplayOrientation() {
    // A phone clip stored 1920x1080 with a 90° display rotation is 1080 wide and 1920 tall on
    // screen.
    List<PlannedRendition> plan =
        videoOnly(LadderPlanner.plan(video(1920, 1080, 1, 1, 90), DEFAULTS));
    assertThat(plan.get(0).height()).isEqualTo(1080);
    assertThat(plan.get(0).width()).isEqualTo(608);
    assertThat(plan).allSatisfy(r -> assertThat(r.width()).isLessThan(r.height()));
  }

  @Test
  void audioOnlySourcesGetOneAudioRendition() {
    ProbeResult mp3 =
        Probes.of(
            "mp3", 20, 128000, null, null, 0, 0, 0, 1, 1, 0, 0, false, 0, "mp3", 2, 44100, null);
    assertThat(LadderPlanner.plan(mp3, DEFAULTS))
        .containsExactly(PlannedRendition.audio("audio-stereo", 128, 2));
  }

  @Test
  void surroundSourcesAlsoGetA51Rendition() {
    List<PlannedRendition> plan = LadderPlanner.plan(video(1280, 720, 1, 1, 0, 6), DEFAULTS);
    assertThat(plan.stream().filter(PlannedRendition::isAudio).toList())
        .containsExactly(
            PlannedRendition.audio("audio-stereo", 128, 2, List.of(0), ENGLISH),
            PlannedRendition.audio("audio-51", 384, 6, List.of(0), ENGLISH));
  }

  @Test
  void silentVideoHasNoAudioRendition() {
    ProbeResult silent =
        Probes.of(
            "mp4", 10, 0, "h264", "High", 40, 640, 360, 1, 1, 25, 25, false, 0, null, 0, 0, null);
    assertThat(LadderPlanner.plan(silent, DEFAULTS)).noneMatch(PlannedRendition::isAudio);
  }

  private static List<PlannedRendition> videoOnly(List<PlannedRendition> plan) {
    return plan.stream().filter(r -> r.isVideo()).toList();
  }

  @Test
  void evenRoundsToTheNearestEvenNumber() {
    assertThat(LadderPlanner.even(607)).isEqualTo(608);
    assertThat(LadderPlanner.even(606)).isEqualTo(606);
    assertThat(LadderPlanner.even(1)).isEqualTo(2);
  }
}
