package io.hlsforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hlsforge run} is quiet by default: the terminal gets the summary, the effective settings
 * (secrets masked) go to {@code runs/<run_id>/settings.conf}; {@code --verbose} prints them too.
 */
class QuietRunTest {
  private static final Map<String, String> SPARK =
      Map.of(
          "spark.ui.enabled", "false",
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1");
  private static final String SECRET = "hunter2-not-a-real-key";

  @TempDir static Path work;
  static Path catalogue;

  @BeforeAll
  static void catalogue() throws Exception {
    SPARK.forEach(System::setProperty);
    Path clip = SampleMedia.testCard(work.resolve("clip.mp4"), 160, 90, "25", 1);
    catalogue =
        Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\nclip," + clip + "\n");
  }

  @AfterAll
  static void clearSparkProperties() {
    SPARK.keySet().forEach(System::clearProperty);
  }

  /** {exit code, stdout, stderr} of one {@code run}. */
  private static String[] run(String runId, String... extra) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
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
      int exit = Main.execute(args.toArray(String[]::new));
      return new String[] {
        Integer.toString(exit),
        o.toString(StandardCharsets.UTF_8),
        e.toString(StandardCharsets.UTF_8)
      };
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void theSettingsGoToTheRunsFolderNotTheTerminal() throws Exception {
    String[] r = run("quiet");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("run quiet SUCCEEDED");
    assertThat(r[1] + r[2]).doesNotContain("effective settings").doesNotContain("segment-seconds");
    String settings = Files.readString(work.resolve("out/runs/quiet/settings.conf"));
    assertThat(settings)
        .contains("hlsforge.segment-seconds = 2")
        .contains("hlsforge.video.preset = \"ultrafast\"")
        .contains("fs.s3a.secret.key = *****")
        .doesNotContain(SECRET);
  }

  @Test
  void verbosePrintsThemMasked() {
    String[] r = run("loud", "--verbose");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2])
        .contains("hlsforge effective settings:")
        .contains("hlsforge.segment-seconds = 2")
        .contains("fs.s3a.secret.key = *****");
    assertThat(r[1] + r[2]).doesNotContain(SECRET);
  }
}
