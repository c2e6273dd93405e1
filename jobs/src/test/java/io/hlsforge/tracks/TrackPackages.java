package io.hlsforge.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.spark.RunContext;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.SerializableHadoopConf;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a small one-rung ladder over a test catalogue, into {@code work/out-…} and {@code
 * hosting-…}. Shared by the track and timeline pipeline tests.
 */
public final class TrackPackages {
  private TrackPackages() {}

  static RunReport run(SparkSession spark, Path work, Path catalogue, String runId, String format) {
    return run(spark, work, catalogue, runId, format, format, Map.of());
  }

  /**
   * @param name the output and hosting directories' suffix ({@code out-<name>}, {@code
   *     hosting-<name>})
   * @param extra settings added to (or replacing) the small ladder's
   */
  public static RunReport run(
      SparkSession spark,
      Path work,
      Path catalogue,
      String runId,
      String format,
      String name,
      Map<String, String> extra) {
    Map<String, String> keys =
        new LinkedHashMap<>(
            Map.of(
                "hlsforge.segment-seconds", "2",
                "hlsforge.segment-format", format,
                "hlsforge.video.preset", "ultrafast",
                "hlsforge.ladder", "[{name = 180p, height = 180, video-kbps = 250}]"));
    keys.putAll(extra);
    HlsforgeSettings settings =
        HlsforgeSettings.from(ConfigLoader.load(keys, Optional.empty(), Optional.empty()));
    return new Pipeline(
            new RunContext(
                runId,
                "2026-12-02",
                catalogue.toUri().toString(),
                work.resolve("out-" + name).toUri().toString(),
                work.resolve("hosting-" + name).toUri().toString(),
                settings,
                new SerializableHadoopConf(
                    new Configuration(spark.sparkContext().hadoopConfiguration()))),
            spark)
        .execute(Pipeline.Stages.ALL);
  }

  /** The master's lines starting {@code prefix}, without the encoding directory in their URIs. */
  public static List<String> masterLines(Path hosting, String asset, String prefix)
      throws IOException {
    return Files.readString(hosting.resolve(asset + "/master.m3u8"))
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.replaceAll("URI=\"e[0-9a-f]+/", "URI=\""))
        .toList();
  }

  /** Each asset's published master validates with no errors. */
  public static void assertValid(Path hosting, String... assets) {
    HlsValidator validator =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())));
    for (String asset : assets) {
      ValidationReport v =
          validator.validate(hosting.resolve(asset + "/master.m3u8").toUri().toString());
      assertThat(v.errors()).as(v.toText()).isEmpty();
    }
  }
}
