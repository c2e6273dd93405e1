package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.plan.Reuse;
import io.hlsforge.run.RunHooks;
import io.hlsforge.run.Stage;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.SerializableHadoopConf;
import io.hlsforge.testkit.FileChecksums;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-running on an unchanged catalogue encodes and publishes nothing; a changed source or ladder
 * re-encodes exactly the affected assets; --force re-encodes anyway. Each test packages its own
 * catalogue into its own output first; "nothing re-encoded / republished" is read from the manifest
 * rows, the encoding ids, the run's counts and the checksums of every hosted object.
 */
class IncrementalRunTest extends SharedSparkSession {
  @TempDir static Path media;
  static Path sourceA;
  static Path sourceB;
  static Path sourceBChanged;

  @TempDir Path work;

  @BeforeAll
  static void generate() throws Exception {
    sourceA = SampleMedia.testCard(media.resolve("a.mp4"), 320, 180, "25", 3);
    sourceB = SampleMedia.testCard(media.resolve("b.mp4"), 320, 180, "25", 3);
    sourceBChanged = SampleMedia.testCard(media.resolve("b-new.mp4"), 320, 180, "25", 4);
  }

  @BeforeEach
  void catalogue() throws Exception {
    Path a = Files.copy(sourceA, work.resolve("a.mp4"));
    Path b = Files.copy(sourceB, work.resolve("b.mp4"));
    Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\na," + a + "\nb," + b + "\n");
  }

  private RunReport run(String runId, String ladderKbps, Reuse reuse) {
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

  private ManifestStore store() {
    return new ManifestStore(spark, work.resolve("out").toUri().toString());
  }

  private long segmentRows(String runId) {
    return store()
        .read(ManifestStore.SEGMENTS, SegmentRecord.class)
        .filter(functions.col("run_id").equalTo(runId))
        .count();
  }

  /** Asset → encoding ids of the renditions run {@code runId} packaged. */
  private Map<String, Set<String>> encodings(String runId) {
    return store()
        .read(ManifestStore.RENDITIONS, RenditionRecord.class)
        .filter(functions.col("run_id").equalTo(runId))
        .select("asset_id", "encoding_id")
        .collectAsList()
        .stream()
        .collect(
            Collectors.groupingBy(
                r -> r.getString(0),
                TreeMap::new,
                Collectors.mapping(r -> r.getString(1), Collectors.toSet())));
  }

  private static StageReport stage(RunReport r, Stage stage) {
    return r.stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
  }

  /** The encoding id the stable master of {@code asset} points to. */
  private String liveEncoding(String asset) throws Exception {
    return Files.readString(work.resolve("hosting").resolve(asset).resolve("master.m3u8"))
        .lines()
        .filter(l -> l.endsWith("index.m3u8"))
        .findFirst()
        .orElseThrow()
        .split("/")[0];
  }

  @Test
  void aSecondRunOnAnUnchangedCatalogueSkipsEverything() throws Exception {
    RunReport first = run("r1", "250", Reuse.COMMITTED);
    assertThat(first.assetsSucceeded()).isEqualTo(2);
    assertThat(segmentRows("r1")).isPositive();
    Map<String, String> hostedBefore = FileChecksums.of(work.resolve("hosting"));

    RunReport second = run("r2", "250", Reuse.COMMITTED);
    assertThat(second.succeeded()).isTrue();
    assertThat(second.assetsSkipped()).isEqualTo(2);
    assertThat(second.assetsSucceeded()).isZero();
    assertThat(second.summary("again")).contains("2 skipped (unchanged)");
    assertThat(stage(second, Stage.PACKAGE).assetsSucceeded()).as("nothing encoded").isZero();
    assertThat(stage(second, Stage.PUBLISH).assetsSkipped()).as("nothing published").isEqualTo(2);
    assertThat(segmentRows("r2")).as("no new segment rows").isZero();
    assertThat(encodings("r2")).as("no new rendition rows").isEmpty();
    assertThat(FileChecksums.of(work.resolve("hosting")))
        .as("every hosted object as it was")
        .isEqualTo(hostedBefore);
  }

  @Test
  void aChangedSourceReencodesOnlyThatAsset() throws Exception {
    run("r1", "250", Reuse.COMMITTED);
    Map<String, Set<String>> before = encodings("r1");
    String liveA = liveEncoding("a");
    Files.copy(
        sourceBChanged,
        work.resolve("b.mp4"),
        StandardCopyOption.REPLACE_EXISTING); // "re-uploaded"

    RunReport r = run("r3", "250", Reuse.COMMITTED);
    assertThat(r.assetsSucceeded()).isEqualTo(1);
    assertThat(r.assetsSkipped()).isEqualTo(1);
    Map<String, Set<String>> after = encodings("r3");
    assertThat(after).containsOnlyKeys("b");
    assertThat(after.get("b")).hasSize(1).doesNotContainAnyElementsOf(before.get("b"));
    assertThat(liveEncoding("b"))
        .as("the new encoding is live")
        .isEqualTo(after.get("b").iterator().next());
    assertThat(liveEncoding("a")).as("a untouched").isEqualTo(liveA);
  }

  @Test
  void aChangedLadderReencodesEverythingAndForceReencodesAnyway() {
    run("r1", "250", Reuse.COMMITTED);
    Map<String, Set<String>> first = encodings("r1");

    RunReport ladder = run("r4", "300", Reuse.COMMITTED);
    assertThat(ladder.assetsSucceeded()).isEqualTo(2);
    Map<String, Set<String>> changed = encodings("r4");
    assertThat(changed).containsOnlyKeys("a", "b");
    assertThat(changed.get("a")).doesNotContainAnyElementsOf(first.get("a"));
    assertThat(
            store()
                .read(ManifestStore.RENDITIONS, RenditionRecord.class)
                .filter(functions.col("run_id").equalTo("r4"))
                .count())
        .isEqualTo(4); // 180p + audio for each

    RunReport forced = run("r5", "300", Reuse.NONE);
    assertThat(forced.assetsSucceeded()).isEqualTo(2);
    assertThat(forced.assetsSkipped()).isZero();
    assertThat(segmentRows("r5")).isPositive();
    assertThat(encodings("r5")).as("same settings, same encoding ids").isEqualTo(changed);
  }
}
