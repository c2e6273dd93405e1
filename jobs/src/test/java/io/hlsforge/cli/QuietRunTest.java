package io.hlsforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hlsforge run} is quiet by default: the terminal gets the summary, the effective settings
 * (secrets masked) go to {@code runs/<run_id>/settings.conf}; {@code --verbose} prints them too.
 */
class QuietRunTest {
  private static final String SECRET = "hunter2-not-a-real-key";

  @TempDir static Path work;
  static Path catalogue;

  @BeforeAll
  static void catalogue() throws Exception {
    LoopbackSpark.set();
    Path clip = SampleMedia.testCard(work.resolve("clip.mp4"), 160, 90, "25", 1);
    catalogue =
        Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\nclip," + clip + "\n");
  }

  @AfterAll
  static void clearSparkProperties() {
    LoopbackSpark.clear();
  }

  /** One {@code run} of the command line, with what it printed. */
  private static CliRun run(String runId, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--master",
                "local[1]",
                "--catalogue",
                catalogue.toString(),
                "--output",
                work.resolve("out").toString(),
                "--hosting",
                work.resolve("hosting").toString(),
                "--run-id",
                runId,
                "--force",
                "--set",
                "hlsforge.segment-seconds=2",
                "--set",
                "hlsforge.video.preset=ultrafast",
                "--set",
                "hlsforge.ladder=[{name = 90p, height = 90, video-kbps = 150}]",
                "--set",
                "fs.s3a.secret.key=" + SECRET));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void theSettingsGoToTheRunsFolderNotTheTerminal() throws Exception {
    CliRun r = run("quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("run quiet SUCCEEDED");
    assertThat(r.out() + r.err())
        .doesNotContain("effective settings")
        .doesNotContain("segment-seconds");
    String settings = Files.readString(work.resolve("out/runs/quiet/settings.conf"));
    assertThat(settings)
        .contains("hlsforge.segment-seconds = 2")
        .contains("hlsforge.video.preset = \"ultrafast\"")
        .contains("fs.s3a.secret.key = *****")
        .doesNotContain(SECRET);
  }

  @Test
  void verbosePrintsThemMasked() {
    CliRun r = run("loud", "--verbose");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("hlsforge effective settings:")
        .contains("hlsforge.segment-seconds = 2")
        .contains("fs.s3a.secret.key = *****");
    assertThat(r.out() + r.err()).doesNotContain(SECRET);
  }
}
