package io.hlsforge.run;

import java.io.Serializable;

/**
 * Points where a test steps into a run's per-asset tasks (stragglers, failures, lost attempts)
 * without a config key a user could set: every method does nothing unless overridden, and a run
 * uses {@link #NONE} unless its run context is given other hooks.
 *
 * <p>Serializable: the driver's instance travels to the executors with the run context, so what it
 * holds when the run starts is what every task sees.
 *
 * <p>What a hook throws decides what happens. An exception becomes the asset's failure in that
 * stage (reason {@code INTERNAL}), like any unexpected exception while handling one asset. An
 * {@link Error} is not converted: it ends the task attempt and Spark runs the task again, which is
 * how a hook models a lost executor.
 */
public interface RunHooks extends Serializable {
  /** No hooks: what production runs use. */
  RunHooks NONE = NoHooks.INSTANCE;

  /** Before an asset's source is probed. */
  default void beforeProbe(TaskAttempt attempt) throws InterruptedException {}

  /**
   * On the driver, inside the planner's per-asset boundary, before an asset's tasks are planned.
   */
  default void beforePlanning(String assetId) {}

  /** Before a package task (one work unit of an asset) starts encoding. */
  default void beforeUnit(TaskAttempt attempt) throws InterruptedException {}

  /**
   * After a package task has uploaded its {@code segments} segments, before it returns its rows.
   */
  default void afterUnitUploads(TaskAttempt attempt, int segments) throws InterruptedException {}

  /** Before an asset is published (before its first object is written). */
  default void beforePublish(TaskAttempt attempt) throws InterruptedException {}

  /** An enum, so the one instance stays one instance after deserialization on an executor. */
  enum NoHooks implements RunHooks {
    INSTANCE
  }
}
