package io.hlsforge.tracks;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.spark.RunContext;
import io.hlsforge.storage.SerializableHadoopConf;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a small one-rung ladder over a test catalogue, into {@code work/out-…} and {@code
 * hosting-…}.
 */
final class TrackPackages {
  private TrackPackages() {}

  static RunReport run(SparkSession spark, Path work, Path catalogue, String runId, String format) {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds", "2",
                    "hlsforge.segment-format", format,
                    "hlsforge.video.preset", "ultrafast",
                    "hlsforge.ladder", "[{name = 180p, height = 180, video-kbps = 250}]"),
                Optional.empty(),
                Optional.empty()));
    return new Pipeline(
            new RunContext(
                runId,
                "2026-12-02",
                catalogue.toUri().toString(),
                work.resolve("out-" + format).toUri().toString(),
                work.resolve("hosting-" + format).toUri().toString(),
                settings,
                new SerializableHadoopConf(
                    new Configuration(spark.sparkContext().hadoopConfiguration()))),
            spark)
        .execute(Pipeline.Stages.ALL);
  }
}
