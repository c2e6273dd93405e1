package io.hlsforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import io.hlsforge.testkit.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hlsforge plan} prints the package stage's plan: a comment per asset that will not be
 * packaged, then one line per task, most expensive first. Costs worked out by hand: seconds ×
 * output pixels (audio as 64×64) × 0.3 for preset ultrafast.
 */
class PlanCommandTest {
  @TempDir static Path work;
  static Path catalogue;

  @BeforeAll
  static void catalogue() throws Exception {
    LoopbackSpark.set();
    // 13 s with audio, in chunks of 2 × 2 s segments: [0,4), [4,8), [8,end) — the 1 s tail (under
    // half a chunk) joins the last chunk. 3 s without audio: one whole unit.
    Path lecture = SampleMedia.testCard(work.resolve("lecture.mp4"), 320, 180, "25", 13);
    Path teaser = TestMedia.silentVideo(work.resolve("teaser.mp4"), 320, 180, "25", 3);
    catalogue =
        Files.writeString(
            work.resolve("catalogue.csv"),
            "asset_id,source_uri\n"
                + "lecture,"
                + lecture
                + "\nmissing,"
                + work.resolve("missing.mp4")
                + "\nteaser,"
                + teaser
                + "\n");
  }

  @AfterAll
  static void clearSparkProperties() {
    LoopbackSpark.clear();
  }

  private static List<String> plan(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--master",
                "local[1]",
                "--catalogue",
                catalogue.toString(),
                "--output",
                work.resolve("out").toString(),
                "--set",
                "hlsforge.segment-seconds=2",
                "--set",
                "hlsforge.video.preset=ultrafast",
                "--set",
                "hlsforge.chunking.min-title-seconds=10",
                "--set",
                "hlsforge.chunking.segments-per-chunk=2"));
    args.addAll(Arrays.asList(extra));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out().lines().toList();
  }

  @Test
  void printsTheProblemsThenEveryTaskLargestFirst() {
    List<String> lines = plan();

    assertThat(lines).hasSize(6);
    assertThat(lines.get(0))
        .startsWith("# missing: INPUT_MISSING Cannot probe asset 'missing': source does not exist");
    // Below every rung of the default ladder, a 320x180 source keeps its size: 57,600 pixels.
    assertThat(lines.subList(1, 6))
        .containsExactly(
            // ~5 s × 57,600 × 0.3 (the last chunk runs to the end of the title)
            "lecture                  chunk-002          8.64e+04  180p",
            "lecture                  chunk-000          6.91e+04  180p", // 4 s × 57,600 × 0.3
            "lecture                  chunk-001          6.91e+04  180p",
            "teaser                   whole              5.18e+04  180p", // 3 s × 57,600 × 0.3
            "lecture                  audio              1.60e+04  audio-stereo"); // 13 × 4096 × .3
  }

  @Test
  void printsOneFfmpegCommandPerTaskInTheSameOrder() {
    List<String> lines = plan("--print-commands");

    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("# missing: INPUT_MISSING");
    String out = work.resolve("out").toString();
    List<String> commands = lines.subList(1, 6);
    assertThat(commands).allSatisfy(c -> assertThat(c).startsWith("env LD_LIBRARY_PATH="));
    assertThat(commands.get(0)).contains(out + "/lecture/chunk-002");
    assertThat(commands.get(3)).contains(out + "/teaser/whole");
    assertThat(commands.get(4)).contains(out + "/lecture/audio");
  }
}
