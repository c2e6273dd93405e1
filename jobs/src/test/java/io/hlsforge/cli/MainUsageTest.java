package io.hlsforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Usage errors exit 2 with a message, before any SparkSession exists. */
class MainUsageTest {

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }

  @Test
  void helpOnEveryCommandExitsZero() {
    for (String cmd : new String[] {"demo", "run", "probe", "package", "publish"}) {
      Result r = run(cmd, "--help");
      assertThat(r.exit()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: hlsforge " + cmd);
    }
    assertThat(run("--help").out()).contains("demo", "run", "probe", "package", "publish");
  }

  @Test
  void missingRequiredOptionsAreUsageErrors() {
    Result r = run("run", "--catalogue", "c.csv", "--output", "out");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'run' needs --hosting");
    assertThat(run("probe", "--output", "out").err()).contains("'probe' needs --catalogue");
    assertThat(run("publish", "--output", "out").exit()).isEqualTo(2);
  }

  @Test
  void badSetAndBadConfigAreUsageErrors() {
    Result noEquals = run("package", "--output", "out", "--set", "hlsforge.segment-seconds");
    assertThat(noEquals.exit()).isEqualTo(2);
    assertThat(noEquals.err()).contains("expected key=value");
    Result badValue = run("package", "--output", "out", "--set", "hlsforge.segment-seconds=100");
    assertThat(badValue.exit()).isEqualTo(2);
    assertThat(badValue.err()).contains("hlsforge.segment-seconds");
    Result missingFile = run("package", "--output", "out", "--config", "/nonexistent/hlsforge.conf");
    assertThat(missingFile.exit()).isEqualTo(2);
    assertThat(missingFile.err()).contains("Cannot read --config /nonexistent/hlsforge.conf");
    assertThat(run("package", "--output", "out", "--run-date", "yesterday").exit()).isEqualTo(2);
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() {
    assertThat(run("transcode").exit()).isEqualTo(2);
    assertThat(run("run", "--frobnicate").exit()).isEqualTo(2);
    assertThat(run().exit()).isEqualTo(2);
  }
}
