package io.hlsforge.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.ChildProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * A Spark task running an ffmpeg-like child is cancelled the way hlsforge's job groups are (with
 * interrupt): the child dies with the task, no process is left behind, and the executor runs the
 * next job.
 */
class TaskCancellationTest extends SharedSparkSession {
  private static boolean running(String marker) {
    return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
  }

  @Test
  void aCancelledTaskTakesItsChildWithIt() throws Exception {
    String seconds = "7" + ProcessHandle.current().pid(); // unique: this test's own child only
    String marker = "sleep " + seconds;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    CompletableFuture<Throwable> job = CompletableFuture.supplyAsync(() -> {
      spark.sparkContext().setJobGroup("hlsforge-package-cancel-test", "a task whose child never ends", true);
      try {
        jsc.parallelize(List.of(1), 1).map(i -> ChildProcess.run(List.of("sleep", seconds), Duration.ofHours(1), null).exitCode()).collect();
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
    for (int i = 0; i < 200 && !running(marker); i++) {
      Thread.sleep(50);
    }
    assertThat(running(marker)).as("the task's child runs").isTrue();

    spark.sparkContext().cancelJobGroup("hlsforge-package-cancel-test");
    Throwable outcome = job.get(1, TimeUnit.MINUTES);
    assertThat(outcome).as("the job was cancelled").isNotNull().hasMessageContaining("cancelled");
    for (int i = 0; i < 100 && running(marker); i++) {
      Thread.sleep(50);
    }
    assertThat(running(marker)).as("no orphan after the task was cancelled").isFalse();
    assertThat(jsc.parallelize(List.of(1, 2, 3), 2).map(i -> i * 2).reduce(Integer::sum)).as("the executor carries on").isEqualTo(12);
  }
}
