package io.hlsforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.testkit.StackTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import scala.Option;

/** Usage errors exit 2 with a message, before any SparkSession exists. */
class MainUsageTest {

  private record Result(int exit, String out, String err) {}

  /** The SparkSessions of this JVM that are running (active on this thread, or the default). */
  private static Set<SparkSession> liveSessions() {
    Set<SparkSession> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Option<SparkSession> s :
        List.of(SparkSession.getActiveSession(), SparkSession.getDefaultSession())) {
      if (s.isDefined() && !s.get().sparkContext().isStopped()) {
        out.add(s.get());
      }
    }
    return out;
  }

  /**
   * Runs the CLI and checks the class's promise: none of these commands (usage errors, help, a
   * validation) starts a SparkSession.
   */
  private static Result run(String... args) {
    Set<SparkSession> before = liveSessions();
    Result r = runCli(args);
    assertThat(liveSessions()).as("no SparkSession started by " + List.of(args)).isEqualTo(before);
    assertThat(StackTraces.in(r.err())).as("a stack trace on stderr: " + r.err()).isFalse();
    return r;
  }

  private static Result runCli(String... args) {
    CliRun r = CliRun.of(args);
    return new Result(r.exit(), r.out(), r.err());
  }

  @Test
  void helpOnEveryCommandExitsZero() {
    for (String cmd :
        new String[] {
          "demo", "run", "probe", "package", "publish", "validate", "plan", "sql", "report"
        }) {
      Result r = run(cmd, "--help");
      assertThat(r.exit()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: hlsforge " + cmd);
    }
    assertThat(run("--help").out())
        .contains(
            "demo", "run", "probe", "package", "publish", "validate", "plan", "sql", "report");
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
    Result missingFile =
        run("package", "--output", "out", "--config", "/nonexistent/hlsforge.conf");
    assertThat(missingFile.exit()).isEqualTo(2);
    assertThat(missingFile.err()).contains("Cannot read --config /nonexistent/hlsforge.conf");
    assertThat(run("package", "--output", "out", "--run-date", "yesterday").exit()).isEqualTo(2);
  }

  @Test
  void validateExitsOneWithTheRuleWhenAPlaylistIsBroken(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path missing = dir.resolve("nope/master.m3u8");
    Result r = run("validate", missing.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("ERROR [B0] cannot read the playlist");
    Path live =
        Files.writeString(
            dir.resolve("live.m3u8"),
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.0,\nmissing.ts\n");
    Result json = run("validate", live.toString(), "--json");
    assertThat(json.exit()).isEqualTo(1);
    assertThat(json.out()).contains("\"rule\" : \"B1\"", "\"valid\" : false");
    assertThat(run("validate").exit()).as("the playlist is required").isEqualTo(2);
  }

  @Test
  void aHooksPropertyNamingNoHooksClassIsAUsageError() {
    String[] run = {"run", "--catalogue", "c.csv", "--output", "out", "--hosting", "h"};
    try {
      System.setProperty("hlsforge.hooks", "io.hlsforge.NoSuchHooks");
      Result missing = run(run);
      assertThat(missing.exit()).isEqualTo(2);
      assertThat(missing.err())
          .contains("Cannot use -Dhlsforge.hooks=io.hlsforge.NoSuchHooks")
          .contains("ClassNotFoundException");
      System.setProperty("hlsforge.hooks", "java.lang.String");
      Result notHooks = run(run);
      assertThat(notHooks.exit()).isEqualTo(2);
      assertThat(notHooks.err()).contains("ClassCastException");
    } finally {
      System.clearProperty("hlsforge.hooks");
    }
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() {
    assertThat(run("transcode").exit()).isEqualTo(2);
    assertThat(run("run", "--frobnicate").exit()).isEqualTo(2);
    assertThat(run().exit()).isEqualTo(2);
  }
}
