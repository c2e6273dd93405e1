package io.hlsforge.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class TaskSlotsTest {

  @Test
  void aStaticAllocationHasTheSlotsOfItsRegisteredExecutors() {
    assertThat(TaskSlots.of(new SparkConf(false), 6)).isEqualTo(6);
    assertThat(
            TaskSlots.of(
                new SparkConf(false)
                    .set("spark.dynamicAllocation.enabled", "false")
                    .set("spark.dynamicAllocation.maxExecutors", "50"),
                6))
        .isEqualTo(6);
  }

  @Test
  void dynamicAllocationSizesForTheMostExecutorsItMayReach() {
    SparkConf conf =
        new SparkConf(false)
            .set("spark.dynamicAllocation.enabled", "true")
            .set("spark.dynamicAllocation.maxExecutors", "50")
            .set("spark.executor.cores", "4");
    // 2 slots registered now (the previous stage's executors timed out), 50 x 4 reachable.
    assertThat(TaskSlots.of(conf, 2)).isEqualTo(200);
    // Two cores per task: 50 x 2.
    assertThat(TaskSlots.of(conf.clone().set("spark.task.cpus", "2"), 2)).isEqualTo(100);
    // Executors registered beyond the maximum (it was lowered) still count.
    assertThat(TaskSlots.of(conf.clone().set("spark.dynamicAllocation.maxExecutors", "1"), 8))
        .isEqualTo(8);
  }

  @Test
  void dynamicAllocationWithoutAMaximumIsUnbounded() {
    SparkConf conf = new SparkConf(false).set("spark.dynamicAllocation.enabled", "true");
    assertThat(TaskSlots.of(conf, 2)).isEqualTo(TaskSlots.UNBOUNDED);
  }

  @Test
  void batchedStagesRunAFewTasksPerSlotAndAtMostTwoHundredItemsATask() {
    assertThat(TaskSlots.batches(200, 2)).isEqualTo(8); // 25 items a task
    assertThat(TaskSlots.batches(3, 2)).isEqualTo(3); // never more tasks than items
    assertThat(TaskSlots.batches(0, 2)).isEqualTo(1);
    assertThat(TaskSlots.batches(1_000_000, 2)).isEqualTo(5_000); // 200 a task
    assertThat(TaskSlots.batches(1_000_000, 4_000)).isEqualTo(10_000); // 4 per slot, capped
    assertThat(TaskSlots.batches(50_000_000, 2)).isEqualTo(10_000);
    assertThat(TaskSlots.batches(500, TaskSlots.UNBOUNDED)).isEqualTo(500);
  }
}
