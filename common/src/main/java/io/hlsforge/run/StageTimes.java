package io.hlsforge.run;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where one stage's wall time went, so the fixed costs of a run are visible in its summary: the
 * per-asset work measured inside the tasks (summed over {@code slots} task slots, and split into
 * waiting for child processes, storage calls and hlsforge's own work), the driver's commits
 * (manifest writes, the hosting index, CDN invalidation) and what is left: Spark scheduling,
 * driver-side planning and slots left idle.
 *
 * @param slots task slots the stage ran on (its per-asset work is divided by them)
 * @param work the per-asset work of the stage's tasks
 * @param commitMs driver wall time of the stage's commits
 */
public record StageTimes(int slots, WorkTime work, long commitMs) implements Serializable {
  /** A stage that measured nothing (no assets). */
  public static final StageTimes NONE = new StageTimes(1, WorkTime.ZERO, 0);

  public StageTimes {
    slots = Math.max(1, slots);
  }

  /** The times as the runs table stores them, in milliseconds (items are not stored). */
  public static StageTimes ofMillis(
      int slots, long workMs, long childMs, long storageMs, long commitMs) {
    return new StageTimes(
        slots,
        new WorkTime(workMs * 1_000_000, childMs * 1_000_000, storageMs * 1_000_000, 0),
        commitMs);
  }

  /** Whether anything was measured: runs recorded before the time columns existed read as 0. */
  public boolean measured() {
    return work.workNanos() > 0 || commitMs > 0;
  }

  /** Summed per-asset work (all slots), in milliseconds. */
  public long workMs() {
    return work.workNanos() / 1_000_000;
  }

  /** Summed waiting for child processes, in milliseconds. */
  public long childMs() {
    return work.childNanos() / 1_000_000;
  }

  /** Summed storage calls, in milliseconds. */
  public long storageMs() {
    return work.storageNanos() / 1_000_000;
  }

  /** Per-asset work per slot, in milliseconds: the wall time the tasks' work accounts for. */
  public long workPerSlotMs() {
    return work.workNanos() / 1_000_000 / slots;
  }

  /** The rest of {@code wallMs}: scheduling, driver work and idle slots (never negative). */
  public long otherMs(long wallMs) {
    return Math.max(0, wallMs - commitMs - workPerSlotMs());
  }

  /**
   * "time: 20.0 s = 15.2 s asset work per slot (2 slots; 26.1 s children, 2.0 s storage, 2.3 s own)
   * + 3.1 s commits + 1.7 s scheduling, driver and idle slots".
   */
  public String line(long wallMs) {
    return String.format(
        Locale.ROOT,
        "time: %.1f s = %.1f s asset work per slot (%d slot%s; %.1f s children, %.1f s storage,"
            + " %.1f s own) + %.1f s commits + %.1f s scheduling, driver and idle slots",
        wallMs / 1000.0,
        workPerSlotMs() / 1000.0,
        slots,
        slots == 1 ? "" : "s",
        work.childNanos() / 1e9,
        work.storageNanos() / 1e9,
        work.ownNanos() / 1e9,
        commitMs / 1000.0,
        otherMs(wallMs) / 1000.0);
  }
}
