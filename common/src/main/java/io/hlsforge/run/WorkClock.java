package io.hlsforge.run;

/**
 * Per-thread clocks of the time spent waiting for child processes and for storage, so a stage can
 * say where its time went (the run summary's time lines) without any of its callers passing a clock
 * around. Each clock counts only the outermost timed call on its thread, so a storage call made
 * inside another (a copy that reads and writes) is counted once. Work done on other threads is not
 * seen; hlsforge's per-asset work runs on the task's thread.
 */
public final class WorkClock {
  /** What a timed call waits for. */
  public enum Kind {
    CHILD,
    STORAGE
  }

  private static final class Counters {
    final long[] spent = new long[Kind.values().length];
    final int[] depth = new int[Kind.values().length];
  }

  private static final ThreadLocal<Counters> COUNTERS = ThreadLocal.withInitial(Counters::new);

  private WorkClock() {}

  /**
   * Starts timing a call on this thread's {@code kind} clock; closing the span stops it: {@code try
   * (var timed = WorkClock.start(Kind.CHILD)) { … }}.
   */
  public static Span start(Kind kind) {
    Counters c = COUNTERS.get();
    int k = kind.ordinal();
    long start = c.depth[k]++ == 0 ? System.nanoTime() : 0;
    return () -> {
      if (--c.depth[k] == 0) {
        c.spent[k] += System.nanoTime() - start;
      }
    };
  }

  /** A timed call in progress. */
  @FunctionalInterface
  public interface Span extends AutoCloseable {
    @Override
    void close();
  }

  /** A point to measure from on this thread. */
  public static Mark mark() {
    Counters c = COUNTERS.get();
    return new Mark(
        System.nanoTime(), c.spent[Kind.CHILD.ordinal()], c.spent[Kind.STORAGE.ordinal()]);
  }

  /** This thread's clocks at one moment. */
  public record Mark(long at, long child, long storage) {
    /** The time since this mark, on the same thread, as one item of work. */
    public WorkTime elapsed() {
      Mark now = mark();
      return new WorkTime(now.at - at, now.child - child, now.storage - storage, 1);
    }
  }
}
