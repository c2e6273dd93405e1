package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import io.hlsforge.testkit.StackTraces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees on the terminal from {@code bin/hlsforge} itself (its java command and
 * conf/log4j2.properties, the shaded jar the package phase built): a failed command is one line on
 * stderr and its stack trace is in the log file, and a catalogue with a malformed row runs the
 * other rows without a single stack trace on the terminal.
 */
class LauncherErrorsIT {
  private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

  @TempDir static Path work;
  static Path log;

  record Result(int exit, String out, String err) {}

  @BeforeAll
  static void logFile() {
    log = work.resolve("logs/hlsforge.log");
  }

  private static Result hlsforge(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("bash", REPO.resolve("bin/hlsforge").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("HLSFORGE_NO_BUILD", "1");
    pb.environment().put("HLSFORGE_LOG_FILE", log.toString());
    pb.environment().put("HLSFORGE_JAVA_OPTS", "-Xmx1g");
    pb.redirectOutput(work.resolve("out.txt").toFile());
    pb.redirectError(work.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("bin/hlsforge finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void aMissingCatalogueFolderIsOneLineAndItsTraceIsInTheLog() throws Exception {
    Path missing = work.resolve("Season 1");
    Result r =
        hlsforge(
            "run",
            "--catalogue",
            missing.toString(),
            "--output",
            work.resolve("out").toString(),
            "--hosting",
            work.resolve("hosting").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    // Other lines may be Spark's one-line warnings (a busy UI port); the explanation is one line.
    assertThat(StackTraces.in(r.err())).as(r.err()).isFalse();
    assertThat(r.err().lines().filter(l -> l.startsWith("hlsforge")).toList())
        .as(r.err())
        .containsExactly(
            "hlsforge: Cannot read catalogue file://" + missing + ": it does not exist");
    assertThat(Files.readString(log))
        .contains("Cannot read catalogue file://" + missing)
        .containsPattern("\\n\\s+at io\\.hlsforge\\.");
  }

  @Test
  void aRunThatFailsIsOneLineNamingWhatWasThrownAndItsTraceIsInTheLog() throws Exception {
    Path clip = SampleMedia.testCard(work.resolve("clip two.mp4"), 160, 90, "25", 1);
    Path catalogue =
        Files.writeString(work.resolve("one.csv"), "asset_id,source_uri\nclip," + clip + "\n");
    // The output folder cannot be made: a regular file is in its place.
    Path blocked = Files.writeString(work.resolve("blocked"), "a file, not a folder");
    Result r =
        hlsforge(
            "probe",
            "--catalogue",
            catalogue.toString(),
            "--output",
            blocked.resolve("out").toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(StackTraces.in(r.err())).as(r.err()).isFalse();
    List<String> lines = r.err().lines().filter(l -> l.startsWith("hlsforge: ")).toList();
    assertThat(lines).as(r.err()).hasSize(1);
    assertThat(lines.get(0)).startsWith("hlsforge: run failed: ").contains(" at ", log.toString());
    assertThat(Files.readString(log))
        .contains("hlsforge probe ended")
        .containsPattern("\\n\\s+at ");
  }

  @Test
  void aMalformedRowFailsAloneAndTheTerminalShowsNoStackTrace() throws Exception {
    Path clip = SampleMedia.testCard(work.resolve("clip one.mp4"), 160, 90, "25", 1);
    Path catalogue =
        Files.writeString(
            work.resolve("c.csv"),
            "asset_id,source_uri\ngood," + clip + "\nbad,/media/x.mp4,extra field\n");
    Result r =
        hlsforge(
            "run",
            "--catalogue",
            catalogue.toString(),
            "--output",
            work.resolve("out2").toString(),
            "--hosting",
            work.resolve("hosting2").toString(),
            "--set",
            "hlsforge.max-failure-ratio=0.5",
            "--set",
            "hlsforge.video.preset=ultrafast",
            "--set",
            "hlsforge.ladder=[{name = 90p, height = 90, video-kbps = 150}]");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("bad [probe CATALOGUE_INVALID]");
    assertThat(StackTraces.in(r.err())).as(r.err()).isFalse();
    assertThat(work.resolve("hosting2/good/master.m3u8")).isRegularFile();
  }
}
