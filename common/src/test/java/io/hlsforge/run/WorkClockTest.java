package io.hlsforge.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.ChildProcess;
import io.hlsforge.storage.HadoopStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clocks behind the run summary's time lines. Lower bounds come from what the work itself must
 * take (a child that sleeps 300 ms waited at least that long), never from how fast a machine is.
 */
class WorkClockTest {
  @TempDir Path dir;

  @Test
  void aChildProcessIsCountedAsChildTimeOfItsThread() throws Exception {
    WorkClock.Mark start = WorkClock.mark();
    ChildProcess.run(List.of("sleep", "0.3"), Duration.ofMinutes(1), dir, null);
    WorkTime spent = start.elapsed();

    assertThat(spent.childNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    assertThat(spent.workNanos()).isGreaterThanOrEqualTo(spent.childNanos());
    assertThat(spent.storageNanos()).isZero();
    assertThat(spent.items()).isEqualTo(1);
  }

  @Test
  void storageCallsAreStorageTimeAndANestedCallCountsOnce() throws Exception {
    HadoopStorage storage = new HadoopStorage(new Configuration());
    String file = dir.resolve("a.txt").toUri().toString();
    WorkClock.Mark start = WorkClock.mark();
    try (WorkClock.Span outer = WorkClock.start(WorkClock.Kind.STORAGE)) {
      storage.writeText(file, "hello");
      assertThat(new String(storage.readRange(file, 0, 5), StandardCharsets.UTF_8))
          .isEqualTo("hello");
      Thread.sleep(200);
    }
    WorkTime spent = start.elapsed();

    assertThat(spent.storageNanos())
        .as("the outer span, its inner calls not added a second time")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200))
        .isLessThanOrEqualTo(spent.workNanos());
    assertThat(spent.childNanos()).isZero();
    assertThat(spent.ownNanos()).isEqualTo(spent.workNanos() - spent.storageNanos());
  }

  @Test
  void anotherThreadsWorkIsNotSeen() throws Exception {
    WorkClock.Mark start = WorkClock.mark();
    Thread other =
        new Thread(
            () -> {
              try {
                ChildProcess.run(List.of("sleep", "0.2"), Duration.ofMinutes(1), dir, null);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    other.start();
    other.join();
    assertThat(start.elapsed().childNanos()).isZero();
  }

  @Test
  void theStageLineAddsUpToTheWallTime() {
    // 2 slots, 10 s of work (6 s children, 1 s storage), 0.5 s commits, 8 s wall:
    // 5 s per slot + 0.5 s + 2.5 s other.
    StageTimes t = StageTimes.ofMillis(2, 10_000, 6_000, 1_000, 500);
    assertThat(t.workPerSlotMs()).isEqualTo(5_000);
    assertThat(t.otherMs(8_000)).isEqualTo(2_500);
    assertThat(t.line(8_000))
        .isEqualTo(
            "time: 8.0 s = 5.0 s asset work per slot (2 slots; 6.0 s children, 1.0 s storage,"
                + " 3.0 s own) + 0.5 s commits + 2.5 s scheduling, driver and idle slots");
    assertThat(StageTimes.ofMillis(1, 3_000, 0, 0, 0).otherMs(2_000)).as("never negative").isZero();
  }
}
