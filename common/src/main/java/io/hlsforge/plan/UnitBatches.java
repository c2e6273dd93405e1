package io.hlsforge.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Packs work units into task-sized batches. One task per unit made a catalogue of short clips pay
 * Spark's per-task cost (scheduling, serialising the task, a result to the driver) once per clip,
 * and a million titles a million tasks. A batch's units run one after another in one task.
 *
 * <p>Longest processing time first: units are taken in cost order, each into the batch with the
 * least estimated work so far that still has room, so a long title's chunks land in different
 * batches and the batches end at about the same time. Batches come out in order of their first
 * (largest) unit, so the most expensive work still starts first.
 */
public final class UnitBatches {
  private UnitBatches() {}

  /**
   * @param units in descending cost order (as {@link PackagePlan#units()} are)
   * @param batches how many batches to fill (at most one per unit)
   * @param maxPerBatch most units a batch holds: what a retried task does again
   */
  public static List<List<WorkUnit>> pack(List<WorkUnit> units, int batches, int maxPerBatch) {
    int n = (int) Math.max(1, Math.min(units.size(), batches));
    if (units.isEmpty()) {
      return List.of();
    }
    if ((long) n * maxPerBatch < units.size()) {
      throw new IllegalArgumentException(
          units.size() + " units do not fit " + n + " batches of " + maxPerBatch);
    }
    List<List<WorkUnit>> out = new ArrayList<>(n);
    double[] load = new double[n];
    PriorityQueue<Integer> open =
        new PriorityQueue<>(
            Comparator.<Integer>comparingDouble(i -> load[i]).thenComparingInt(i -> i));
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
      open.add(i);
    }
    for (WorkUnit u : units) {
      int b = open.poll(); // never empty: n × maxPerBatch ≥ units
      out.get(b).add(u);
      load[b] += u.cost();
      if (out.get(b).size() < maxPerBatch) {
        open.add(b);
      }
    }
    // Filled in cost order, so batch i's first unit is never cheaper than batch i+1's.
    return out;
  }
}
