package io.hlsforge.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for an event in a test — a process gone, a child started — instead of sleeping a fixed
 * time: it returns as soon as the condition holds, and the deadline is generous, so a busy machine
 * only makes the test slower, never wrong.
 */
public final class Await {
  /** Long enough for any event these tests wait for on a loaded shared machine. */
  public static final Duration DEADLINE = Duration.ofSeconds(60);

  private Await() {}

  /** Whether {@code condition} held before {@link #DEADLINE}. */
  public static boolean until(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }
}
