package io.hlsforge.spark;

import org.apache.spark.TaskContext;

/** Where the {@code hlsforge.testing.*} faults take effect inside tasks (see FaultSpec). */
public final class FaultInjection {
  private FaultInjection() {}

  private static int attempt() {
    TaskContext task = TaskContext.get();
    return task == null ? -1 : task.attemptNumber();
  }

  /** Makes the first attempt of the configured asset's task in {@code stage} a straggler. */
  public static void stallIfAsked(RunContext run, String stage, String assetId)
      throws InterruptedException {
    if (run.settings().faults().stalls(stage, assetId, attempt())) {
      Thread.sleep(run.settings().faults().stallSeconds() * 1000L);
    }
  }

  /** Kills the first attempt of every package task after it has done its work. */
  public static void failFirstPackageAttemptIfAsked(RunContext run, String assetId, int segments) {
    if (run.settings().faults().failFirstPackageAttempt() && attempt() == 0) {
      throw new IllegalStateException(
          "injected failure after uploading "
              + segments
              + " segments of "
              + assetId
              + " (hlsforge.testing.fail-first-package-attempt)");
    }
  }
}
