package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.run.RunHooks;
import io.hlsforge.run.TaskAttempt;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.storage.SerializableHadoopConf;
import io.hlsforge.testkit.Await;
import io.hlsforge.testkit.FileChecksums;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every package task dies once after uploading its segments (local[2,4] lets Spark retry it): the
 * run must publish exactly the objects and manifest rows of a clean run, with no duplicate rows.
 */
class TaskRetryTest {
  static SparkSession spark;
  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2,4]")
            .appName("hlsforge-retry-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Stands in for the executor that dies: thrown by the hook, it ends the task attempt. */
  static final class LostExecutor extends Error {
    LostExecutor(String message) {
      super(message);
    }
  }

  /**
   * The first attempt of every package task dies after it has uploaded its segments, as a lost
   * executor would after its writes and before its result reaches the driver. An {@link Error}, not
   * an exception: the per-asset boundary turns exceptions into the asset's failure row, and a lost
   * executor is not the asset's failure but the attempt's, which Spark runs again.
   */
  static final class FirstPackageAttemptDies implements RunHooks {
    @Override
    public void afterUnitUploads(TaskAttempt attempt, int segments) {
      if (attempt.first()) {
        throw new LostExecutor(
            "injected: attempt 0 of "
                + attempt.assetId()
                + " lost after "
                + segments
                + " segments");
      }
    }
  }

  private static RunContext context(String name, RunHooks hooks) {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 200}, {name = 90p, height = 90, video-kbps = 100}]"),
                Optional.empty(),
                Optional.empty()));
    return new RunContext(
            "run-" + name,
            "2026-11-25",
            work.resolve("c.csv").toUri().toString(),
            work.resolve(name + "/out").toUri().toString(),
            work.resolve(name + "/hosting").toUri().toString(),
            settings,
            new SerializableHadoopConf(
                new Configuration(spark.sparkContext().hadoopConfiguration())))
        .withHooks(hooks);
  }

  private static Map<String, String> files(Path root) throws Exception {
    return FileChecksums.of(root);
  }

  private static <T extends Record> List<T> rows(String name, String table, Class<T> type) {
    RecordRows<T> r = RecordRows.of(type);
    return new ManifestStore(spark, work.resolve(name + "/out").toUri().toString())
        .read(table, type).collectAsList().stream().map(r::fromRow).toList();
  }

  @Test
  void aRetriedPackageTaskLeavesExactlyWhatACleanRunLeaves() throws Exception {
    Path a = SampleMedia.testCard(work.resolve("a.mp4"), 320, 180, "25", 3);
    Path b = SampleMedia.mp3(work.resolve("b.mp3"), 3);
    Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\na," + a + "\nb," + b + "\n");

    RunReport clean =
        new Pipeline(context("clean", RunHooks.NONE), spark).execute(Pipeline.Stages.ALL);
    AtomicInteger failedTasks = new AtomicInteger();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) {
                  failedTasks.incrementAndGet();
                }
              }
            });
    RunReport retried =
        new Pipeline(context("retried", new FirstPackageAttemptDies()), spark)
            .execute(Pipeline.Stages.ALL);
    // Listener events arrive asynchronously: wait until the bus has delivered them.
    Await.until(() -> failedTasks.get() >= 2);
    assertThat(failedTasks.get())
        .as("the first attempt of both package tasks really failed")
        .isGreaterThanOrEqualTo(2);

    assertThat(clean.assetsSucceeded()).isEqualTo(2);
    assertThat(retried.assetsSucceeded())
        .as("every task failed once and succeeded on retry")
        .isEqualTo(2);
    assertThat(files(work.resolve("retried/hosting")))
        .as("same published objects")
        .isEqualTo(files(work.resolve("clean/hosting")));
    assertThat(files(work.resolve("retried/out/media")))
        .as("same stored segments")
        .isEqualTo(files(work.resolve("clean/out/media")));

    List<SegmentRecord> cleanSegments = rows("clean", ManifestStore.SEGMENTS, SegmentRecord.class);
    List<SegmentRecord> retriedSegments =
        rows("retried", ManifestStore.SEGMENTS, SegmentRecord.class);
    assertThat(retriedSegments).hasSameSizeAs(cleanSegments);
    assertThat(
            retriedSegments.stream()
                .map(s -> s.assetId() + "/" + s.rendition() + "/" + s.segmentIndex())
                .distinct()
                .count())
        .as("no duplicate segment rows")
        .isEqualTo(retriedSegments.size());
    assertThat(rows("retried", ManifestStore.RENDITIONS, RenditionRecord.class))
        .hasSameSizeAs(rows("clean", ManifestStore.RENDITIONS, RenditionRecord.class));
    assertThat(retriedSegments)
        .extracting(SegmentRecord::encodingId)
        .containsOnlyElementsOf(cleanSegments.stream().map(SegmentRecord::encodingId).toList());
  }
}
