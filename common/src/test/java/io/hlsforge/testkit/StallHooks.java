package io.hlsforge.testkit;

import io.hlsforge.run.RunHooks;
import io.hlsforge.run.Stage;
import io.hlsforge.run.TaskAttempt;
import java.util.List;
import java.util.Locale;

/**
 * A forced straggler: the first attempt of one asset's task in one stage sleeps before it starts,
 * so speculation, datanode-loss and kill tests have a task that is reliably still running. A retry
 * or speculative copy (attempt 1 and up) runs at once.
 *
 * <p>spark-submit and cluster tests name this class with {@code -Dhlsforge.hooks} and set {@value
 * #ASSET}, {@value #STAGE} ({@code probe}, {@code package} or {@code publish}) and {@value
 * #SECONDS} on the driver JVM; the no-argument constructor reads them there, once, and the instance
 * travels to the executors with the run.
 */
public final class StallHooks implements RunHooks {
  public static final String ASSET = "hlsforge.testkit.stall-asset";
  public static final String STAGE = "hlsforge.testkit.stall-stage";
  public static final String SECONDS = "hlsforge.testkit.stall-seconds";

  private final String assetId;
  private final Stage stage;
  private final long seconds;

  public StallHooks(String assetId, Stage stage, long seconds) {
    this.assetId = assetId;
    this.stage = stage;
    this.seconds = seconds;
  }

  /** From the system properties above (what {@code -Dhlsforge.hooks} instantiates). */
  public StallHooks() {
    this(
        required(ASSET),
        Stage.valueOf(required(STAGE).toUpperCase(Locale.ROOT)),
        Long.parseLong(required(SECONDS)));
  }

  /** The {@code -D} JVM options that make a driver stall {@code assetId} in {@code stage}. */
  public static List<String> jvmOptions(String assetId, Stage stage, long seconds) {
    return List.of(
        "-Dhlsforge.hooks=" + StallHooks.class.getName(),
        "-D" + ASSET + "=" + assetId,
        "-D" + STAGE + "=" + stage.id(),
        "-D" + SECONDS + "=" + seconds);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("StallHooks needs -D" + property);
    }
    return value;
  }

  private void stallIfChosen(TaskAttempt attempt) throws InterruptedException {
    if (attempt.first() && attempt.stage() == stage && attempt.assetId().equals(assetId)) {
      Thread.sleep(seconds * 1000L);
    }
  }

  @Override
  public void beforeProbe(TaskAttempt attempt) throws InterruptedException {
    stallIfChosen(attempt);
  }

  @Override
  public void beforeUnit(TaskAttempt attempt) throws InterruptedException {
    stallIfChosen(attempt);
  }

  @Override
  public void beforePublish(TaskAttempt attempt) throws InterruptedException {
    stallIfChosen(attempt);
  }
}
