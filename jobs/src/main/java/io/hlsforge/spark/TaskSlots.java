package io.hlsforge.spark;

import org.apache.spark.SparkConf;

/**
 * How many tasks the application can run at once, for sizing a stage's partitions.
 *
 * <p>Spark's {@code defaultParallelism} counts the cores of the executors registered right now.
 * Under dynamic allocation that is whatever the idle timeout left over from the previous stage
 * (often none, then 2), so a stage sized by it would stay that narrow however many executors the
 * cluster could add. There the ceiling is {@code spark.dynamicAllocation.maxExecutors} times the
 * tasks an executor runs at once; with no maximum set there is no useful ceiling.
 */
public final class TaskSlots {
  /** What a stage may be sized to when the application can grow without limit. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  private TaskSlots() {}

  /**
   * The task slots to size for: {@code registeredSlots} (Spark's {@code defaultParallelism}) with a
   * static allocation, the most dynamic allocation may reach otherwise, {@link #UNBOUNDED} when it
   * has no maximum.
   */
  public static int of(SparkConf conf, int registeredSlots) {
    if (!conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      return registeredSlots;
    }
    int maxExecutors = conf.getInt("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
    if (maxExecutors == Integer.MAX_VALUE) {
      return UNBOUNDED;
    }
    int perExecutor =
        Math.max(1, conf.getInt("spark.executor.cores", 1) / conf.getInt("spark.task.cpus", 1));
    return Math.max(registeredSlots, (int) Math.min(UNBOUNDED, (long) maxExecutors * perExecutor));
  }
}
