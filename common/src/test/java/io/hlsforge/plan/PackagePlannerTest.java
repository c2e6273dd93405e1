package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.Selection;
import io.hlsforge.testkit.Probes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Plans worked out by hand from reference.conf: ladder 1080/720/540/360p, stereo AAC at 128 kb/s, 6
 * s segments, preset veryfast (cost factor 1), chunks of 50 segments (300 s) for titles of at least
 * 600 s. Cost = seconds × output pixels × preset factor, audio counted as 64×64 pixels.
 */
class PackagePlannerTest {
  /** What an {@code eng}-tagged single audio track is published as. */
  static final MediaAttributes ENGLISH =
      new MediaAttributes("en", "English", Selection.DEFAULT, false, null);

  private static final HlsforgeSettings DEFAULTS =
      HlsforgeSettings.from(ConfigFactory.defaultReference());
  private static final String ENCODER = "ffmpeg-test";
  private static final PackagePlanner PLANNER = new PackagePlanner(DEFAULTS, ENCODER);

  /** 10 s of 640x360 H.264 + stereo AAC: only the 360p rung fits (never upscale). */
  private static final ProbedAsset SHORT = asset("short", 640, 360, 10);

  /** 1000 s of 1280x720 MPEG-TS: 720p, 540p, 360p + stereo; long enough to chunk. */
  private static final ProbedAsset LONG = asset("long", 1280, 720, 1000);

  private static final List<PlannedRendition> SHORT_RENDITIONS =
      List.of(
          PlannedRendition.video("360p", 640, 360, 730, 25),
          PlannedRendition.audio("audio-stereo", 128, 2, List.of(0), ENGLISH));

  private static ProbedAsset asset(String id, int width, int height, double seconds) {
    ProbeResult probe =
        Probes.of(
            "mpegts", seconds, 2_000_000, "h264", "High", 40, width, height, 1, 1, 25, 25, false, 0,
            "aac", 2, 48000, "eng");
    return Probes.asset(id, "file:/media/" + id + ".ts", 1_000_000, 1_700_000_000_000L, probe);
  }

  @Test
  void aShortTitleIsOneUnitWithAllItsRenditions() {
    PackagePlan plan = PLANNER.plan(List.of(SHORT), Set.of(), Reuse.COMMITTED);

    assertThat(plan.failures()).isEmpty();
    assertThat(plan.reused()).isEmpty();
    assertThat(plan.units()).hasSize(1);
    WorkUnit unit = plan.units().get(0);
    assertThat(unit.asset()).isEqualTo(SHORT);
    assertThat(unit.chunk()).isNull();
    assertThat(unit.renditions()).isEqualTo(SHORT_RENDITIONS);
    // 10 s × (640×360 + 64×64) × 1.0
    assertThat(unit.cost()).isEqualTo(2_344_960.0);
    assertThat(unit.encodingId())
        .as("the id of this source version with exactly these renditions, not chunked")
        .isEqualTo(
            EncodingId.of(
                "file:/media/short.ts|1000000|1700000000000",
                SHORT_RENDITIONS,
                DEFAULTS,
                ENCODER,
                List.of(),
                SHORT.probe()));
  }

  @Test
  void aLongTsTitleIsChunkedVideoPlusOneAudioUnitLargestFirst() {
    PackagePlan plan = PLANNER.plan(List.of(SHORT, LONG), Set.of(), Reuse.COMMITTED);

    // 1000 s in 300 s chunks: [0,300), [300,600), [600,end) — the 100 s tail (< half a chunk)
    // joins the last one. Video pixels: 1280×720 + 960×540 + 640×360 = 1,670,400.
    assertThat(plan.units())
        .extracting(u -> u.asset().assetId() + " " + task(u) + " " + u.cost())
        .containsExactly(
            "long chunk-2 6.6816E8", // 400 s × 1,670,400
            "long chunk-0 5.0112E8", // 300 s × 1,670,400
            "long chunk-1 5.0112E8",
            "long audio 4096000.0", // 1000 s × 64×64
            "short whole 2344960.0");
    List<WorkUnit> longUnits =
        plan.units().stream().filter(u -> u.asset().assetId().equals("long")).toList();
    assertThat(longUnits.get(0).chunk())
        .isEqualTo(new ChunkPlanner.Chunk(2, 100, 600, Double.POSITIVE_INFINITY));
    assertThat(longUnits.get(0).renditions())
        .extracting(PlannedRendition::name)
        .containsExactly("720p", "540p", "360p");
    assertThat(longUnits.get(3).renditions())
        .containsExactly(PlannedRendition.audio("audio-stereo", 128, 2, List.of(0), ENGLISH));
    assertThat(longUnits)
        .as("all parts of one package share its encoding id")
        .extracting(WorkUnit::encodingId)
        .containsOnly(longUnits.get(0).encodingId());
    assertThat(longUnits.get(0).encodingId())
        .as("a chunked encode is a different encoding from the same title encoded whole")
        .isNotEqualTo(
            EncodingId.of(
                LONG.sourceFingerprint(),
                LadderPlanner.plan(LONG.probe(), DEFAULTS),
                DEFAULTS,
                ENCODER,
                List.of(),
                LONG.probe()));
  }

  @Test
  void aCommittedEncodingIsReusedAndNotPlanned() {
    String shortId =
        PLANNER.plan(List.of(SHORT), Set.of(), Reuse.COMMITTED).units().get(0).encodingId();
    Set<CommittedEncoding> committed =
        Set.of(
            new CommittedEncoding("short", shortId),
            // An older encoding of the long title (other renditions or encoder): not this plan's.
            new CommittedEncoding("long", "e0000000000000000"));

    PackagePlan plan = PLANNER.plan(List.of(SHORT, LONG), committed, Reuse.COMMITTED);

    assertThat(plan.reused()).isEqualTo(Map.of("short", shortId));
    assertThat(plan.units()).extracting(u -> u.asset().assetId()).containsOnly("long").hasSize(4);
    assertThat(plan.failures()).isEmpty();
  }

  @Test
  void forcingPlansCommittedEncodingsAgain() {
    String shortId =
        PLANNER.plan(List.of(SHORT), Set.of(), Reuse.COMMITTED).units().get(0).encodingId();

    PackagePlan plan =
        PLANNER.plan(List.of(SHORT), Set.of(new CommittedEncoding("short", shortId)), Reuse.NONE);

    assertThat(plan.reused()).isEmpty();
    assertThat(plan.units()).hasSize(1);
    assertThat(plan.units().get(0).encodingId()).isEqualTo(shortId);
  }

  @Test
  void anAssetWithoutAUsablePictureSizeIsOnePlanFailureAndTheOthersArePlanned() {
    ProbedAsset broken = asset("broken", 0, 0, 10);

    PackagePlan plan = PLANNER.plan(List.of(broken, SHORT), Set.of(), Reuse.COMMITTED);

    assertThat(plan.failures())
        .containsExactly(
            new PlanFailure(
                "broken",
                "file:/media/broken.ts",
                MediaException.Kind.INPUT_UNSUPPORTED,
                "Cannot plan renditions: source has no usable picture size 0x0"));
    assertThat(plan.failures().get(0).message())
        .isEqualTo(
            "Cannot plan asset 'broken': Cannot plan renditions: source has no usable picture"
                + " size 0x0");
    assertThat(plan.units()).extracting(u -> u.asset().assetId()).containsExactly("short");
  }

  @Test
  void anUnexpectedExceptionWhilePlanningOneAssetIsItsInternalFailure() {
    // A probe the planner cannot read at all (null) stands for any bug met on one asset.
    ProbedAsset unreadable = Probes.asset("odd", "file:/media/odd.ts", 1, 1_700_000_000_000L, null);

    PackagePlan plan = PLANNER.plan(List.of(unreadable, SHORT), Set.of(), Reuse.COMMITTED);

    assertThat(plan.failures()).hasSize(1);
    PlanFailure f = plan.failures().get(0);
    assertThat(f.assetId()).isEqualTo("odd");
    assertThat(f.reason()).isEqualTo(MediaException.Kind.INTERNAL);
    assertThat(f.message())
        .startsWith("Cannot plan asset 'odd': internal error: java.lang.NullPointerException")
        .contains("\tat io.hlsforge.plan.");
    assertThat(plan.units()).extracting(u -> u.asset().assetId()).containsExactly("short");
  }

  @Test
  void fmp4TitlesAreNeverChunked() {
    HlsforgeSettings fmp4 =
        HlsforgeSettings.from(
            ConfigFactory.parseString("hlsforge.segment-format = fmp4")
                .withFallback(ConfigFactory.defaultReference()));

    PackagePlan plan =
        new PackagePlanner(fmp4, ENCODER).plan(List.of(LONG), Set.of(), Reuse.COMMITTED);

    assertThat(plan.units()).hasSize(1);
    assertThat(plan.units().get(0).chunk()).isNull();
    // 1000 s × (1,670,400 + 4096)
    assertThat(plan.units().get(0).cost()).isEqualTo(1_674_496_000.0);
  }

  private static String task(WorkUnit u) {
    if (u.chunk() != null) {
      return "chunk-" + u.chunk().index();
    }
    return u.renditions().stream().allMatch(PlannedRendition::isAudio) ? "audio" : "whole";
  }
}
