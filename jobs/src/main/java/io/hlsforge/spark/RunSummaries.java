package io.hlsforge.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.mean;
import static org.apache.spark.sql.functions.sum;

import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.RunRecord;
import io.hlsforge.manifest.RunStatus;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.report.RunSummary;
import io.hlsforge.run.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads one run's {@link RunSummary} back from the manifest tables. */
public final class RunSummaries {
  private RunSummaries() {}

  /**
   * @param runId a run id, or null for the most recently started run
   */
  public static Optional<RunSummary> load(SparkSession spark, String outputUri, String runId) {
    ManifestStore store = new ManifestStore(spark, outputUri);
    Dataset<Row> runs = store.read(ManifestStore.RUNS, RunRecord.class);
    if (runId == null) {
      List<Row> latest =
          runs.orderBy(col("started_at_ms").desc()).select("run_id").limit(1).collectAsList();
      if (latest.isEmpty()) {
        return Optional.empty();
      }
      runId = latest.get(0).getString(0);
    }
    RecordRows<RunRecord> runRows = RecordRows.of(RunRecord.class);
    List<RunRecord> stages =
        runs.filter(col("run_id").equalTo(runId)).orderBy("started_at_ms").collectAsList().stream()
            .map(runRows::fromRow)
            .toList();
    if (stages.isEmpty()) {
      return Optional.empty();
    }
    String id = runId;
    Map<String, Long> failures = new LinkedHashMap<>();
    store
        .read(ManifestStore.FAILURES, FailureRecord.class)
        .filter(col("run_id").equalTo(id))
        .groupBy("reason")
        .agg(count(lit(1)).alias("n"))
        .orderBy(col("n").desc(), col("reason"))
        .collectAsList()
        .forEach(r -> failures.put(r.getString(0), r.getLong(1)));

    Dataset<Row> renditions =
        store
            .read(ManifestStore.RENDITIONS, RenditionRecord.class)
            .filter(col("run_id").equalTo(id))
            .cache();
    try {
      Row bytes = renditions.agg(sum("total_bytes")).first();
      List<RunSummary.Title> slowest = new ArrayList<>();
      renditions
          .groupBy("asset_id")
          .agg(max("duration_s").alias("media"), max("package_ms").alias("ms"))
          .orderBy(col("ms").desc(), col("asset_id"))
          .limit(10)
          .collectAsList()
          .forEach(
              r ->
                  slowest.add(
                      new RunSummary.Title(r.getString(0), r.getDouble(1), r.getLong(2) / 1000.0)));
      List<RunSummary.Rendition> perRendition = new ArrayList<>();
      renditions
          .groupBy("rendition")
          .agg(count(lit(1)), mean("average_bandwidth"), mean("peak_bandwidth"))
          .orderBy(col("rendition"))
          .collectAsList()
          .forEach(
              r ->
                  perRendition.add(
                      new RunSummary.Rendition(
                          r.getString(0),
                          r.getLong(1),
                          Math.round(r.getDouble(2)),
                          Math.round(r.getDouble(3)))));
      List<RunSummary.Bucket> sizes = new ArrayList<>();
      store
          .read(ManifestStore.SEGMENTS, SegmentRecord.class)
          .filter(col("run_id").equalTo(id).and(col("bytes").gt(0)))
          .groupBy(floor(log(2.0, col("bytes"))).alias("p"))
          .agg(count(lit(1)))
          .orderBy("p")
          .collectAsList()
          .forEach(
              r ->
                  sizes.add(
                      new RunSummary.Bucket(
                          1L << r.getLong(0), 1L << (r.getLong(0) + 1), r.getLong(1))));

      RunRecord first = stages.get(0);
      RunRecord last = stages.get(stages.size() - 1);
      Optional<RunRecord> packaging =
          stages.stream()
              .filter(s -> Stage.ofId("runs.stage", s.stage()) == Stage.PACKAGE)
              .findFirst();
      List<RunSummary.Stage> lines =
          stages.stream()
              .map(
                  s ->
                      new RunSummary.Stage(
                          s.stage(),
                          s.assetsTotal(),
                          s.assetsSucceeded(),
                          s.assetsSkipped(),
                          s.assetsFailed(),
                          (s.finishedAtMs() - s.startedAtMs()) / 1000.0,
                          s.times()))
              .toList();
      return Optional.of(
          new RunSummary(
              id,
              first.runDate(),
              RunStatus.ofWord(last.status()),
              lines,
              first.assetsTotal(),
              packaging.map(RunRecord::assetsSucceeded).orElse(last.assetsSucceeded()),
              stages.stream().mapToLong(RunRecord::assetsSkipped).max().orElse(0),
              stages.stream().mapToLong(RunRecord::assetsFailed).sum(),
              packaging.map(RunRecord::mediaSeconds).orElse(last.mediaSeconds()),
              bytes.isNullAt(0) ? 0 : bytes.getLong(0),
              packaging.map(p -> (p.finishedAtMs() - p.startedAtMs()) / 1000.0).orElse(0.0),
              failures,
              slowest,
              perRendition,
              sizes));
    } finally {
      renditions.unpersist();
    }
  }
}
