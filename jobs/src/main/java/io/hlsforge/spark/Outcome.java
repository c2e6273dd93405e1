package io.hlsforge.spark;

import io.hlsforge.catalogue.AssetIds;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.media.MediaException;
import io.hlsforge.run.Stage;
import io.hlsforge.run.TaskAttempt;
import io.hlsforge.run.WorkClock;
import io.hlsforge.run.WorkTime;
import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;

/**
 * The result of one asset in one stage: a value, or the failure row that replaces it, and where the
 * time of that work went (summed by the stage for the run summary's time lines).
 */
public record Outcome<T extends Serializable>(T value, FailureRecord failure, WorkTime time)
    implements Serializable {

  /** One asset's work in one stage. */
  @FunctionalInterface
  public interface AssetWork<T> {
    T run(TaskAttempt attempt) throws MediaException, InterruptedException;
  }

  /**
   * The per-asset failure boundary of every stage: runs {@code work} for one asset and turns any
   * exception it throws into that asset's failure row — a {@link MediaException} with its own
   * reason, anything else as {@code INTERNAL} — so one asset can never fail a task, a stage or the
   * night.
   *
   * <p>Not converted: {@link InterruptedException} and the exceptions of a task Spark is killing
   * (cancelled job, losing speculative copy), which end the attempt, not the asset; and {@link
   * Error}s, which belong to the JVM (out of memory) or end the attempt on purpose (a test hook
   * modelling a lost executor), so Spark runs the task again.
   */
  public static <T extends Serializable> Outcome<T> of(
      RunContext run, Stage stage, String assetId, String sourceUri, AssetWork<T> work)
      throws InterruptedException {
    TaskContext task = TaskContext.get();
    TaskAttempt attempt = new TaskAttempt(stage, assetId, task == null ? 0 : task.attemptNumber());
    WorkClock.Mark start = WorkClock.mark();
    Outcome<T> result;
    try {
      result = ok(work.run(attempt));
    } catch (MediaException e) {
      result = failed(run, stage, assetId, sourceUri, e);
    } catch (RuntimeException e) {
      if (task != null && task.isInterrupted()) {
        throw e;
      }
      result = failed(run, stage, assetId, sourceUri, MediaException.internal(e));
    }
    return result.plusTime(start.elapsed());
  }

  /** This outcome, with {@code more} added to its time (an asset's parts, joined). */
  public Outcome<T> plusTime(WorkTime more) {
    return new Outcome<>(value, failure, time.plus(more));
  }

  /**
   * The summed time of every outcome of {@code outcomes}. Computes them: called first on a
   * persisted stage, so the stage's commits that follow time only their own writes.
   */
  public static WorkTime totalTime(JavaRDD<? extends Outcome<?>> outcomes) {
    return outcomes.map(o -> o.time()).fold(WorkTime.ZERO, WorkTime::plus);
  }

  public static <T extends Serializable> Outcome<T> ok(T value) {
    return new Outcome<>(value, null, WorkTime.ZERO);
  }

  public static <T extends Serializable> Outcome<T> failed(FailureRecord failure) {
    return new Outcome<>(null, failure, WorkTime.ZERO);
  }

  /** The failure row of {@code assetId} in {@code stage}: "Cannot {stage} asset 'id': why". */
  public static <T extends Serializable> Outcome<T> failed(
      RunContext run, Stage stage, String assetId, String sourceUri, MediaException e) {
    return failed(
        failureRow(
            run,
            stage,
            assetId,
            sourceUri,
            e.kind(),
            "Cannot "
                + stage.id()
                + (assetId.isEmpty()
                    ? " a catalogue row: "
                    : " asset '" + AssetIds.printable(assetId) + "': ")
                + e.getMessage()));
  }

  /** The one way a failure row of this run is made, whoever found the failure. */
  public static FailureRecord failureRow(
      RunContext run,
      Stage stage,
      String assetId,
      String sourceUri,
      MediaException.Kind reason,
      String message) {
    return new FailureRecord(
        run.runId(),
        assetId,
        sourceUri,
        stage.id(),
        reason.name(),
        message,
        System.currentTimeMillis());
  }

  public boolean succeeded() {
    return failure == null;
  }
}
