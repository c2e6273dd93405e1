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
      List<RunSummary.TitleQuality> titles = titles(renditions);
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
              sizes,
              titles));
    } finally {
      renditions.unpersist();
    }
  }

  /**
   * The first {@link RunSummary#MAX_QUALITY_TITLES} titles (by asset id) with a measured rung or an
   * audio rendition: rungs by bit rate, audio by name.
   */
  private static List<RunSummary.TitleQuality> titles(Dataset<Row> renditions) {
    Dataset<Row> measured =
        renditions.filter(
            col("kind")
                .equalTo("audio")
                .and(col("loudness_lufs").isNotNull())
                .or(
                    col("kind")
                        .equalTo("video")
                        .and(
                            col("psnr_y_db")
                                .isNotNull()
                                .or(col("ssim").isNotNull())
                                .or(col("xpsnr_db").isNotNull()))));
    Dataset<Row> first =
        measured
            .select("asset_id")
            .distinct()
            .orderBy("asset_id")
            .limit(RunSummary.MAX_QUALITY_TITLES);
    Map<String, List<RunSummary.Rung>> rungs = new LinkedHashMap<>();
    Map<String, List<RunSummary.Audio>> audio = new LinkedHashMap<>();
    measured
        .join(first, "asset_id")
        .orderBy(col("asset_id"), col("kind").desc(), col("average_bandwidth"), col("rendition"))
        .select(
            "asset_id",
            "kind",
            "rendition",
            "average_bandwidth",
            "psnr_y_db",
            "ssim",
            "xpsnr_db",
            "source_loudness_lufs",
            "loudness_lufs",
            "loudness_range_lu",
            "true_peak_dbtp",
            "loudness_target_lufs")
        .collectAsList()
        .forEach(
            r -> {
              String asset = r.getString(0);
              rungs.computeIfAbsent(asset, a -> new ArrayList<>());
              audio.computeIfAbsent(asset, a -> new ArrayList<>());
              if ("video".equals(r.getString(1))) {
                rungs
                    .get(asset)
                    .add(
                        new RunSummary.Rung(
                            r.getString(2), r.getLong(3), dbl(r, 4), dbl(r, 5), dbl(r, 6)));
              } else {
                audio
                    .get(asset)
                    .add(
                        new RunSummary.Audio(
                            r.getString(2),
                            dbl(r, 7),
                            dbl(r, 8),
                            dbl(r, 9),
                            dbl(r, 10),
                            dbl(r, 11)));
              }
            });
    List<RunSummary.TitleQuality> out = new ArrayList<>();
    rungs.forEach((asset, v) -> out.add(new RunSummary.TitleQuality(asset, v, audio.get(asset))));
    return out;
  }

  private static Double dbl(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }
}
