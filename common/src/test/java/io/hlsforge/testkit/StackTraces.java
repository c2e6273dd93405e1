package io.hlsforge.testkit;

/** Whether text a command printed carries a Java stack trace. */
public final class StackTraces {
  private StackTraces() {}

  public static boolean in(String text) {
    return text.lines()
        .anyMatch(l -> l.matches("\\s+at [\\w$./]+\\(.*\\)") || l.startsWith("Caused by:"));
  }
}
