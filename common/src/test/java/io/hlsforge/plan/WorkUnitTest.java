package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.media.ProbeResult;
import io.hlsforge.testkit.Probes;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkUnitTest {
  private static final PlannedRendition P720 = PlannedRendition.video("720p", 1280, 720, 3000, 25);
  private static final PlannedRendition STEREO = PlannedRendition.audio("audio-stereo", 128, 2);

  private static ProbedAsset asset(int width, double seconds) {
    ProbeResult probe =
        Probes.of(
            "mpegts",
            seconds,
            0,
            width == 0 ? null : "h264",
            null,
            0,
            width,
            width * 9 / 16,
            1,
            1,
            25,
            25,
            false,
            0,
            "aac",
            2,
            48000,
            null);
    return Probes.asset("a", "file:/a.ts", 1, 1, probe);
  }

  @Test
  void costIsSecondsTimesPixelsTimesPresetFactor() {
    // 10 s × (1280×720 + 64×64) × 2.6 (medium)
    assertThat(WorkUnit.estimateCost(10, List.of(P720, STEREO), "medium"))
        .isCloseTo(10 * (921_600 + 4096) * 2.6, within(1e-3));
    // A copied rendition counts as a 16×16 picture: remuxing is cheap.
    assertThat(
            WorkUnit.estimateCost(
                4, List.of(PlannedRendition.copiedVideo("source", 1920, 1080, 25)), "veryfast"))
        .isEqualTo(4 * 256.0);
  }

  @Test
  void presetFactorsRiseWithSlowerPresetsAndUnknownOnesCountAsMedium() {
    assertThat(WorkUnit.presetFactor("ultrafast")).isEqualTo(0.3);
    assertThat(WorkUnit.presetFactor("VeryFast")).isEqualTo(1.0);
    assertThat(WorkUnit.presetFactor("veryslow")).isEqualTo(16.0);
    assertThat(WorkUnit.presetFactor("placebo")).isEqualTo(2.6);
  }

  @Test
  void aTitleCountsItsMediaOnceInProgress() {
    ProbedAsset title = asset(1280, 1000);
    ChunkPlanner.Chunk last = new ChunkPlanner.Chunk(2, 100, 600, Double.POSITIVE_INFINITY);
    assertThat(new WorkUnit(title, List.of(P720), "e1", 1, last).progressSeconds()).isEqualTo(400);
    assertThat(new WorkUnit(title, List.of(STEREO), "e1", 1, null).progressSeconds())
        .as("a chunked title's audio unit")
        .isZero();
    assertThat(new WorkUnit(asset(0, 30), List.of(STEREO), "e2", 1, null).progressSeconds())
        .as("an audio-only title")
        .isEqualTo(30);
  }
}
