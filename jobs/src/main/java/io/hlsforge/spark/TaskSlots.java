package io.hlsforge.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

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

  /** Most items one task of a batched stage handles: what a retried task does twice. */
  public static final int MAX_ITEMS_PER_TASK = 200;

  /** Most tasks a batched stage has: each task of a stage that writes manifests writes a file. */
  static final int MAX_TASKS = 10_000;

  private TaskSlots() {}

  /**
   * Partitions for a stage of many short items (probing an asset, joining an asset's parts): four
   * per slot, so a slow item evens out across the slots, but no more than one task per {@link
   * #MAX_ITEMS_PER_TASK} items needs, and never more than {@link #MAX_TASKS} or than items. One
   * task per item would pay Spark's per-task cost and write one manifest file per item; at a
   * fraction of a second per item that was most of the stage.
   */
  public static int batches(long items, int slots) {
    long bySlots = 4L * slots;
    long bySize = (items + MAX_ITEMS_PER_TASK - 1) / MAX_ITEMS_PER_TASK;
    return (int) Math.max(1, Math.min(items, Math.min(MAX_TASKS, Math.max(bySlots, bySize))));
  }

  /**
   * The slots a finished stage of {@code tasks} tasks ran on: those registered when it ended (cores
   * divided by {@code spark.task.cpus}), or fewer when it had fewer tasks (for dividing its summed
   * work, see StageTimes).
   */
  public static int used(SparkSession spark, long tasks) {
    int perTask = Math.max(1, spark.sparkContext().getConf().getInt("spark.task.cpus", 1));
    int slots = Math.max(1, spark.sparkContext().defaultParallelism() / perTask);
    return (int) Math.max(1, Math.min(tasks, slots));
  }

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
