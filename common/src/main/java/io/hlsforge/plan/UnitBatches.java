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
 * <p>A unit of more than {@link #SOLO_SECONDS} of source (a title, a chunk, a long title's audio)
 * stays a task of its own, as before: a lost executor or a speculative copy then redoes only that
 * encode. Shorter units share batches of about {@link #BATCH_SECONDS} of source at most on average,
 * longest processing time first: units are taken in cost order, each into the batch with the least
 * estimated work so far that still has room, so the batches end at about the same time. Batches
 * come out in order of their first (largest) unit, so the most expensive work still starts first.
 */
public final class UnitBatches {
  /** Source seconds above which a unit runs alone. */
  public static final double SOLO_SECONDS = 60;

  /** Source seconds of short units a batch holds on average at most: what a retry redoes. */
  public static final double BATCH_SECONDS = 600;

  private UnitBatches() {}

  /**
   * @param units in descending cost order (as {@link PackagePlan#units()} are)
   * @param minBatches how many batches the short units should at least be spread over (a few per
   *     task slot, so a slow batch evens out)
   * @param maxPerBatch most short units a batch holds — unless there are more than {@code
   *     minBatches × maxPerBatch}, when batches grow rather than the run failing
   */
  public static List<List<WorkUnit>> pack(List<WorkUnit> units, int minBatches, int maxPerBatch) {
    List<List<WorkUnit>> out = new ArrayList<>();
    List<WorkUnit> small = new ArrayList<>();
    double smallSeconds = 0;
    for (WorkUnit u : units) {
      double seconds = seconds(u);
      if (seconds > SOLO_SECONDS) {
        out.add(List.of(u));
      } else {
        small.add(u);
        smallSeconds += seconds;
      }
    }
    if (!small.isEmpty()) {
      long wanted =
          Math.max(
              Math.max(minBatches, ceil(small.size(), maxPerBatch)),
              (long) Math.ceil(smallSeconds / BATCH_SECONDS));
      int n = (int) Math.max(1, Math.min(small.size(), wanted));
      out.addAll(longestFirst(small, n, (int) Math.max(maxPerBatch, ceil(small.size(), n))));
    }
    // Stable: solo units and batches keep their cost order among themselves.
    out.sort(Comparator.comparingDouble((List<WorkUnit> b) -> b.get(0).cost()).reversed());
    return out;
  }

  /** The source seconds a unit encodes: its chunk, or the whole title. */
  static double seconds(WorkUnit u) {
    return ChunkPlanner.Chunk.seconds(u.asset().probe().titleSeconds(), u.chunk());
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  private static List<List<WorkUnit>> longestFirst(List<WorkUnit> units, int n, int cap) {
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
      int b = open.poll(); // never empty: n × cap ≥ units
      out.get(b).add(u);
      load[b] += u.cost();
      if (out.get(b).size() < cap) {
        open.add(b);
      }
    }
    return out;
  }
}
