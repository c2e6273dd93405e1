package io.hlsforge.run;

/**
 * One attempt at one asset's work in one stage, as a {@link RunHooks} method sees it.
 *
 * @param number Spark's attempt number of the task (0 for the first attempt, and on the driver)
 */
public record TaskAttempt(Stage stage, String assetId, int number) {
  /** Whether this is the first attempt (a retry or a speculative copy has a higher number). */
  public boolean first() {
    return number == 0;
  }
}
