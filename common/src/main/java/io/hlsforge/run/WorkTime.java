package io.hlsforge.run;

import java.io.Serializable;

/**
 * Where the time of some per-asset work went, in nanoseconds of wall time on the thread that did
 * it: all of it ({@code work}), and the parts spent waiting for child processes (ffmpeg, ffprobe)
 * and in storage calls that move bytes (see {@link WorkClock}). The rest of {@code work} is
 * hlsforge's own computing: parsing, measuring, hashing, planning playlists.
 */
public record WorkTime(long workNanos, long childNanos, long storageNanos, long items)
    implements Serializable {
  public static final WorkTime ZERO = new WorkTime(0, 0, 0, 0);

  public WorkTime plus(WorkTime o) {
    return new WorkTime(
        workNanos + o.workNanos,
        childNanos + o.childNanos,
        storageNanos + o.storageNanos,
        items + o.items);
  }

  /** Work that is neither waiting for a child nor for storage. */
  public long ownNanos() {
    return Math.max(0, workNanos - childNanos - storageNanos);
  }
}
