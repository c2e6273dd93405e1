package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.testkit.Probes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitBatchesTest {
  private static WorkUnit unit(String id, double cost) {
    return unit(id, cost, 1);
  }

  private static WorkUnit unit(String id, double cost, double seconds) {
    ProbedAsset asset =
        Probes.asset(
            id,
            "file:/" + id + ".mp4",
            1,
            1,
            Probes.of(
                "mov,mp4", seconds, 0, "h264", null, 0, 320, 180, 1, 1, 25, 25, false, 0, "aac", 2,
                48000, null));
    return new WorkUnit(asset, List.of(), "e-" + id, cost, null);
  }

  private static List<String> ids(List<WorkUnit> batch) {
    return batch.stream().map(u -> u.asset().assetId()).toList();
  }

  @Test
  void aLongTitleGetsABatchOfItsOwnAndTheClipsShareTheRest() {
    List<WorkUnit> units = new ArrayList<>();
    units.add(unit("long", 100));
    for (int i = 0; i < 99; i++) {
      units.add(unit("clip" + i, 1));
    }
    List<List<WorkUnit>> batches = UnitBatches.pack(units, 4, 200);

    assertThat(batches).hasSize(4);
    assertThat(ids(batches.get(0))).containsExactly("long");
    // 99 clips round-robin over the three batches with the least work: 33 each.
    assertThat(batches.subList(1, 4)).allSatisfy(b -> assertThat(b).hasSize(33));
    assertThat(ids(batches.get(1))).startsWith("clip0", "clip3", "clip6");
  }

  @Test
  void everyUnitIsPackedOnceAndTheLargestUnitsLeadTheBatchesInCostOrder() {
    List<WorkUnit> units = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      units.add(unit("u" + i, 50 - i));
    }
    List<List<WorkUnit>> batches = UnitBatches.pack(units, 8, 200);

    assertThat(batches.stream().flatMap(b -> ids(b).stream()))
        .containsExactlyInAnyOrderElementsOf(ids(units));
    for (int i = 0; i < 8; i++) {
      assertThat(batches.get(i).get(0).asset().assetId()).isEqualTo("u" + i);
    }
    double[] loads =
        batches.stream().mapToDouble(b -> b.stream().mapToDouble(WorkUnit::cost).sum()).toArray();
    // 1275 of work over 8 batches: LPT ends within the largest remaining unit of the mean.
    for (double l : loads) {
      assertThat(l).isBetween(1275 / 8.0 - 50, 1275 / 8.0 + 50);
    }
  }

  @Test
  void aFullBatchTakesNoMoreUnitsAndFewerUnitsThanBatchesMakeOneEach() throws Exception {
    List<WorkUnit> units = new ArrayList<>();
    units.add(unit("big", 1000));
    for (int i = 0; i < 9; i++) {
      units.add(unit("s" + i, 1));
    }
    List<List<WorkUnit>> capped = UnitBatches.pack(units, 2, 5);
    assertThat(capped.get(0)).hasSize(5).as("full, although it has the most work");
    assertThat(capped.get(1)).hasSize(5);

    assertThat(UnitBatches.pack(units.subList(0, 3), 8, 200)).hasSize(3);
    assertThat(UnitBatches.pack(List.of(), 8, 200)).isEmpty();
  }

  @Test
  void moreUnitsThanTheBatchesHoldMakeMoreBatchesNotAFailure() {
    List<WorkUnit> units = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      units.add(unit("s" + i, 10 - i));
    }
    // 2 batches of at most 4 hold 8: ten units need a third.
    List<List<WorkUnit>> batches = UnitBatches.pack(units, 2, 4);
    assertThat(batches).hasSize(3).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(4));
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(10);
  }

  @Test
  void aUnitOfMoreThanAMinuteRunsAloneAndShortOnesShareAboutTenMinuteBatches() {
    List<WorkUnit> units = new ArrayList<>();
    units.add(unit("hour", 1_000_000, 3600));
    units.add(unit("chunk", 500_000, 300));
    for (int i = 0; i < 100; i++) {
      units.add(unit("clip" + i, 100 - i, 59));
    }
    List<List<WorkUnit>> batches = UnitBatches.pack(units, 1, 200);

    assertThat(ids(batches.get(0))).containsExactly("hour");
    assertThat(ids(batches.get(1))).containsExactly("chunk");
    // 100 × 59 s = 5,900 s of clips: ten batches of ten, not one of a hundred.
    assertThat(batches.subList(2, batches.size()))
        .hasSize(10)
        .allSatisfy(b -> assertThat(b).hasSize(10));
    assertThat(ids(batches.get(2))).startsWith("clip0");
  }
}
