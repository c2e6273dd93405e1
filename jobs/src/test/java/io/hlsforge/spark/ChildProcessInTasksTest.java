package io.hlsforge.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.MediaException;
import io.hlsforge.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * ffmpeg-like stand-in children inside Spark tasks: one that crashes, one that never ends, one that
 * allocates without bound, and a task cancelled the way hlsforge's job groups are (with interrupt).
 * Each ends as its reason class or dies with its task, nothing is left running, and the executor
 * runs the next job.
 */
class ChildProcessInTasksTest extends SharedSparkSession {
  private static boolean running(String marker) {
    return ProcessHandle.allProcesses()
        .anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
  }

  @Test
  void aCancelledTaskTakesItsChildWithIt() throws Exception {
    String seconds = "7" + ProcessHandle.current().pid(); // unique: this test's own child only
    String marker = "sleep " + seconds;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    CompletableFuture<Throwable> job =
        CompletableFuture.supplyAsync(
            () -> {
              spark
                  .sparkContext()
                  .setJobGroup(
                      "hlsforge-package-cancel-test", "a task whose child never ends", true);
              try {
                jsc.parallelize(List.of(1), 1)
                    .map(
                        i ->
                            ChildProcess.run(List.of("sleep", seconds), Duration.ofHours(1), null)
                                .exitCode())
                    .collect();
                return null;
              } catch (Throwable t) {
                return t;
              }
            });
    assertThat(Await.until(() -> running(marker))).as("the task's child runs").isTrue();

    spark.sparkContext().cancelJobGroup("hlsforge-package-cancel-test");
    Throwable outcome = job.get(Await.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(outcome).as("the job was cancelled").isNotNull().hasMessageContaining("cancelled");
    assertThat(Await.until(() -> !running(marker)))
        .as("no orphan after the task was cancelled")
        .isTrue();
    assertThat(jsc.parallelize(List.of(1, 2, 3), 2).map(i -> i * 2).reduce(Integer::sum))
        .as("the executor carries on")
        .isEqualTo(12);
  }

  /** What one stand-in child ends as, seen from inside a task. */
  private static String outcome(List<String> command, Duration timeout) throws Exception {
    try {
      ChildProcess.Result r = ChildProcess.run(command, timeout, null);
      return r.succeeded() ? "OK" : r.failureKind(MediaException.Kind.ENCODE_FAILED).name();
    } catch (ChildProcess.TimeoutException e) {
      return MediaException.Kind.TIMEOUT.name();
    }
  }

  @Test
  void crashingHangingAndHoggingChildrenEndAsTheirReasonAndTheExecutorSurvives() throws Exception {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String marker = "sleep 6" + ProcessHandle.current().pid();
    List<String> kinds =
        jsc.parallelize(List.of("segv", "hang", "hog"), 3)
            .map(
                kind ->
                    switch (kind) {
                      case "segv" ->
                          outcome(List.of("sh", "-c", "kill -SEGV $$"), Duration.ofSeconds(30));
                      case "hang" ->
                          outcome(
                              List.of("sh", "-c", marker + " & " + marker + "; wait"),
                              Duration.ofMillis(500));
                      default ->
                          outcome(
                              ChildProcess.withMemoryLimit(
                                  List.of(
                                      "sh",
                                      "-c",
                                      "head -c 2000000000 /dev/zero | tail -n 1 > /dev/null"),
                                  64L << 20),
                              Duration.ofSeconds(60));
                    })
            .collect();

    assertThat(kinds).containsExactly("NATIVE_CRASH", "TIMEOUT", "OUT_OF_MEMORY");
    assertThat(Await.until(() -> !running(marker)))
        .as("the hanging child and its descendant are gone")
        .isTrue();
    assertThat(jsc.parallelize(List.of(1, 2, 3), 2).map(i -> i * 2).reduce(Integer::sum))
        .as("the executor carries on")
        .isEqualTo(12);
  }
}
