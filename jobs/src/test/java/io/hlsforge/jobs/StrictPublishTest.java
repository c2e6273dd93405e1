package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.SerializableHadoopConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publish validates every package first: a damaged one is refused in strict mode, not half-shipped.
 */
class StrictPublishTest extends SharedSparkSession {

  private static RunContext context(String runId, Path work, boolean strict) {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.publish.strict",
                    Boolean.toString(strict),
                    "hlsforge.max-failure-ratio",
                    "1",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 200}]"),
                Optional.empty(),
                Optional.empty()));
    return new RunContext(
        runId,
        "2026-11-25",
        work.resolve("c.csv").toUri().toString(),
        work.resolve("out").toUri().toString(),
        work.resolve(strict ? "hosting-strict" : "hosting-lax").toUri().toString(),
        settings,
        new SerializableHadoopConf(new Configuration(spark.sparkContext().hadoopConfiguration())));
  }

  @Test
  void aDamagedPackageBecomesAFailureRowInsteadOfBeingPublished(@TempDir Path work)
      throws Exception {
    Path clip = SampleMedia.testCard(work.resolve("clip.mp4"), 320, 180, "25", 5);
    Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\nclip," + clip + "\n");
    new Pipeline(context("p1", work, true), spark).execute(Pipeline.Stages.PROBE);
    new Pipeline(context("p2", work, true), spark).execute(Pipeline.Stages.PACKAGE);

    // Damage the stored package after packaging: the second video segment loses half its bytes.
    Path segment;
    try (Stream<Path> files = Files.walk(work.resolve("out/media/clip"))) {
      segment =
          files
              .filter(p -> p.toString().endsWith("/180p/segment_00001.ts"))
              .findFirst()
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segment);
    Files.write(segment, Arrays.copyOf(bytes, bytes.length / 188 / 2 * 188));

    RunReport strict =
        new Pipeline(context("p3", work, true), spark).execute(Pipeline.Stages.PUBLISH);
    assertThat(strict.assetsSucceeded()).isZero();
    assertThat(work.resolve("hosting-strict/clip/master.m3u8")).doesNotExist();
    RecordRows<FailureRecord> rows = RecordRows.of(FailureRecord.class);
    List<FailureRecord> failures =
        new ManifestStore(spark, work.resolve("out").toUri().toString())
            .read(ManifestStore.FAILURES, FailureRecord.class).collectAsList().stream()
                .map(rows::fromRow)
                .toList();
    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stage()).isEqualTo("publish");
              assertThat(f.reason()).isEqualTo("INVALID_PACKAGE");
              assertThat(f.message())
                  .startsWith("Cannot publish asset 'clip': the package breaks")
                  .contains("[A8]");
            });

    RunReport lax =
        new Pipeline(context("p4", work, false), spark).execute(Pipeline.Stages.PUBLISH);
    assertThat(lax.assetsSucceeded()).as("strict = false publishes what it has").isEqualTo(1);
    assertThat(work.resolve("hosting-lax/clip/master.m3u8")).exists();
  }
}
