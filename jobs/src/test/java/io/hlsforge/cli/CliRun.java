package io.hlsforge.cli;

import io.hlsforge.testkit.StackTraces;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exit, String out, String err) {
  static {
    // Log4j's console appender keeps the stderr it finds when logging starts: start it before any
    // capture, so a captured stderr holds only what the command itself printed.
    LoggerFactory.getLogger(CliRun.class).debug("logging started");
  }

  static CliRun of(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new CliRun(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }

  /** Whether stderr carries a Java stack trace. */
  boolean errHasStackTrace() {
    return StackTraces.in(err);
  }
}
