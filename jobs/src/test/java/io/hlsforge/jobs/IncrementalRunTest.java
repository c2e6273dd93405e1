package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.plan.Reuse;
import io.hlsforge.run.RunHooks;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.SerializableHadoopConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-running on an unchanged catalogue encodes and publishes nothing; a changed source or ladder
 * re-encodes exactly the affected assets; --force re-encodes anyway. (One output, runs in order.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRunTest extends SharedSparkSession {
  @TempDir static Path work;
  static Path a;
  static Path b;

  @BeforeAll
  static void catalogue() throws Exception {
    a = SampleMedia.testCard(work.resolve("a.mp4"), 320, 180, "25", 3);
    b = SampleMedia.testCard(work.resolve("b.mp4"), 320, 180, "25", 3);
    Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\na," + a + "\nb," + b + "\n");
  }

  private static RunReport run(String runId, String ladderKbps, Reuse reuse) {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = " + ladderKbps + "}]"),
                Optional.empty(),
                Optional.empty()));
    return new Pipeline(
            new RunContext(
                runId,
                "2026-11-25",
                work.resolve("c.csv").toUri().toString(),
                work.resolve("out").toUri().toString(),
                work.resolve("hosting").toUri().toString(),
                settings,
                new SerializableHadoopConf(
                    new Configuration(spark.sparkContext().hadoopConfiguration())),
                reuse,
                RunHooks.NONE),
            spark)
        .execute(Pipeline.Stages.ALL);
  }

  private static long segmentRows(String runId) {
    return new ManifestStore(spark, work.resolve("out").toUri().toString())
        .read(ManifestStore.SEGMENTS, SegmentRecord.class)
        .filter(functions.col("run_id").equalTo(runId))
        .count();
  }

  private static long renditionRows(String runId) {
    return new ManifestStore(spark, work.resolve("out").toUri().toString())
        .read(ManifestStore.RENDITIONS, RenditionRecord.class)
        .filter(functions.col("run_id").equalTo(runId))
        .count();
  }

  @Test
  @Order(1)
  void aSecondRunOnAnUnchangedCatalogueSkipsEverything() throws Exception {
    RunReport first = run("r1", "250", Reuse.COMMITTED);
    assertThat(first.assetsSucceeded()).isEqualTo(2);
    assertThat(segmentRows("r1")).isPositive();
    long masterWritten =
        Files.getLastModifiedTime(work.resolve("hosting/a/master.m3u8")).toMillis();

    RunReport second = run("r2", "250", Reuse.COMMITTED);
    assertThat(second.succeeded()).isTrue();
    assertThat(second.assetsSkipped()).isEqualTo(2);
    assertThat(second.assetsSucceeded()).isZero();
    assertThat(second.summary("again")).contains("2 skipped (unchanged)");
    assertThat(segmentRows("r2")).as("no new segment rows").isZero();
    assertThat(Files.getLastModifiedTime(work.resolve("hosting/a/master.m3u8")).toMillis())
        .as("not republished")
        .isEqualTo(masterWritten);
  }

  @Test
  @Order(2)
  void aChangedSourceReencodesOnlyThatAsset() throws Exception {
    Files.setLastModifiedTime(
        b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 60_000)); // "re-uploaded"
    RunReport r = run("r3", "250", Reuse.COMMITTED);
    assertThat(r.assetsSucceeded()).isEqualTo(1);
    assertThat(r.assetsSkipped()).isEqualTo(1);
    assertThat(
            new ManifestStore(spark, work.resolve("out").toUri().toString())
                .read(ManifestStore.RENDITIONS, RenditionRecord.class)
                .filter(functions.col("run_id").equalTo("r3"))
                .select("asset_id")
                .distinct()
                .collectAsList())
        .extracting(row -> row.getString(0))
        .containsExactly("b");
    String master = Files.readString(work.resolve("hosting/b/master.m3u8"));
    String encoding =
        master
            .lines()
            .filter(l -> l.endsWith("index.m3u8"))
            .findFirst()
            .orElseThrow()
            .split("/")[0];
    assertThat(
            new ManifestStore(spark, work.resolve("out").toUri().toString())
                .read(ManifestStore.RENDITIONS, RenditionRecord.class)
                .filter(functions.col("run_id").equalTo("r3"))
                .first()
                .<String>getAs("encoding_id"))
        .as("the new encoding is live")
        .isEqualTo(encoding);
  }

  @Test
  @Order(3)
  void aChangedLadderReencodesEverythingAndForceReencodesAnyway() {
    RunReport ladder = run("r4", "300", Reuse.COMMITTED);
    assertThat(ladder.assetsSucceeded()).isEqualTo(2);
    assertThat(renditionRows("r4")).isEqualTo(4); // 180p + audio for each

    RunReport forced = run("r5", "300", Reuse.NONE);
    assertThat(forced.assetsSucceeded()).isEqualTo(2);
    assertThat(forced.assetsSkipped()).isZero();
    assertThat(segmentRows("r5")).isPositive();
  }
}
