package io.hlsforge.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.DoubleAccumulator;

/**
 * Live progress of the package stage on the driver's console: titles done/total, media hours done,
 * the current realtime factor and an ETA — a redrawn bar on a terminal, a log line every {@code
 * logEverySeconds} otherwise. Tasks report through accumulators, which Spark merges into the driver
 * as each task finishes (a retried attempt's updates are not counted twice).
 */
public final class PackageProgress implements AutoCloseable {
  private final DoubleAccumulator secondsDone;
  private final CollectionAccumulator<String> unitsDone;
  private final Map<String, Integer> unitsPerTitle;
  private final double totalSeconds;
  private final long started = System.currentTimeMillis();
  private final Thread reporter;
  private final boolean terminal = System.console() != null;
  private boolean closed;

  /**
   * @param unitsPerTitle asset id → number of tasks (1, or chunks + audio)
   */
  public PackageProgress(
      SparkContext sc,
      Map<String, Integer> unitsPerTitle,
      double totalSeconds,
      long logEverySeconds) {
    this.secondsDone = sc.doubleAccumulator("hlsforge media seconds packaged");
    this.unitsDone = sc.collectionAccumulator("hlsforge units packaged");
    this.unitsPerTitle = Map.copyOf(unitsPerTitle);
    this.totalSeconds = totalSeconds;
    long every = terminal ? 1 : Math.max(1, logEverySeconds);
    reporter =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  TimeUnit.SECONDS.sleep(every);
                  print(false);
                }
              } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
              }
            },
            "hlsforge-progress");
    reporter.setDaemon(true);
    if (!unitsPerTitle.isEmpty()) {
      reporter.start();
    }
  }

  /** What a task reports when its unit is finished (packaged or failed). */
  public Reporter reporter() {
    return new Reporter(secondsDone, unitsDone);
  }

  /** The executor side: serializable, shipped with the task closure. */
  public record Reporter(DoubleAccumulator secondsDone, CollectionAccumulator<String> unitsDone)
      implements Serializable {
    public void unitFinished(String assetId, double mediaSeconds) {
      secondsDone.add(mediaSeconds);
      unitsDone.add(assetId);
    }
  }

  private void print(boolean last) {
    Map<String, Integer> done = new HashMap<>();
    List<String> units = unitsDone.value();
    synchronized (units) {
      units.forEach(a -> done.merge(a, 1, Integer::sum));
    }
    long titles =
        done.entrySet().stream()
            .filter(e -> e.getValue() >= unitsPerTitle.getOrDefault(e.getKey(), 1))
            .count();
    String line =
        line(
            titles,
            unitsPerTitle.size(),
            secondsDone.value(),
            totalSeconds,
            System.currentTimeMillis() - started);
    if (terminal) {
      System.err.print("\r" + line + (last ? "\n" : ""));
    } else {
      System.err.println("hlsforge progress: " + line);
    }
    System.err.flush();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    reporter.interrupt();
    if (!unitsPerTitle.isEmpty()) {
      print(true);
    }
  }

  /** "[#####-----] 3/8 titles · 0.012/0.030 media h · 2.4x realtime · ETA 0:41". Pure. */
  public static String line(
      long titlesDone, long titlesTotal, double secondsDone, double secondsTotal, long elapsedMs) {
    double fraction =
        secondsTotal > 0
            ? Math.min(1, secondsDone / secondsTotal)
            : (titlesTotal > 0 ? (double) titlesDone / titlesTotal : 1);
    int filled = (int) Math.round(fraction * 20);
    double elapsed = elapsedMs / 1000.0;
    double speed = elapsed > 0 ? secondsDone / elapsed : 0;
    String eta = speed > 0 ? clock((secondsTotal - secondsDone) / speed) : "--:--";
    return String.format(
        Locale.ROOT,
        "[%s%s] %d/%d titles · %.3f/%.3f media h · %.1fx realtime · ETA %s",
        "#".repeat(filled),
        "-".repeat(20 - filled),
        titlesDone,
        titlesTotal,
        secondsDone / 3600,
        secondsTotal / 3600,
        speed,
        eta);
  }

  static String clock(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
