package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.run.RunHooks;
import io.hlsforge.run.Stage;
import io.hlsforge.run.TaskAttempt;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.SerializableHadoopConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A RuntimeException while one asset is handled — thrown by a hook inside the probe, package or
 * publish task of asset {@code bad} — is that asset's one {@code INTERNAL} failure row in that
 * stage. No Spark task fails, the run succeeds, and the other assets are published.
 */
class InternalFailuresTest extends SharedSparkSession {
  @TempDir static Path work;
  static Path catalogue;

  /** Throws an unexpected exception in asset {@code bad}'s task of one stage. */
  static final class ThrowsFor implements RunHooks {
    private final Stage stage;

    ThrowsFor(Stage stage) {
      this.stage = stage;
    }

    private void throwIfChosen(TaskAttempt attempt) {
      if (attempt.stage() == stage && attempt.assetId().equals("bad")) {
        throw new IllegalStateException("injected into " + stage.id());
      }
    }

    @Override
    public void beforeProbe(TaskAttempt attempt) {
      throwIfChosen(attempt);
    }

    /** After the uploads: the asset's segments are stored, yet none of its rows may commit. */
    @Override
    public void afterUnitUploads(TaskAttempt attempt, int segments) {
      throwIfChosen(attempt);
    }

    @Override
    public void beforePublish(TaskAttempt attempt) {
      throwIfChosen(attempt);
    }
  }

  /** Throws an unexpected exception while the driver plans asset {@code bad}'s tasks. */
  static final class ThrowsWhilePlanning implements RunHooks {
    @Override
    public void beforePlanning(String assetId) {
      if (assetId.equals("bad")) {
        throw new IllegalStateException("injected into planning");
      }
    }
  }

  @BeforeAll
  static void generateMedia() throws Exception {
    Path media = Files.createDirectories(work.resolve("media"));
    Path clip = SampleMedia.testCard(media.resolve("clip.mp4"), 320, 180, "25", 2);
    Path talk = SampleMedia.mp3(media.resolve("talk.mp3"), 2);
    catalogue =
        Files.writeString(
            work.resolve("catalogue.csv"),
            "asset_id,source_uri\nclip," + clip + "\ntalk," + talk + "\nbad," + clip + "\n");
  }

  private static RunContext context(Stage stage) {
    return context(stage.id(), new ThrowsFor(stage));
  }

  private static RunContext context(String name, RunHooks hooks) {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds", "2",
                    "hlsforge.video.preset", "ultrafast",
                    "hlsforge.max-failure-ratio", "0.5",
                    "hlsforge.ladder", "[{name = 180p, height = 180, video-kbps = 200}]"),
                Optional.empty(),
                Optional.empty()));
    Path dir = work.resolve(name);
    return new RunContext(
            "internal-" + name,
            "2026-12-02",
            catalogue.toUri().toString(),
            dir.resolve("out").toUri().toString(),
            dir.resolve("hosting").toUri().toString(),
            settings,
            new SerializableHadoopConf(
                new Configuration(spark.sparkContext().hadoopConfiguration())))
        .withHooks(hooks);
  }

  private static <T extends Record> List<T> table(Stage stage, String name, Class<T> type) {
    return table(stage.id(), name, type);
  }

  private static <T extends Record> List<T> table(String run, String name, Class<T> type) {
    RecordRows<T> rows = RecordRows.of(type);
    return new ManifestStore(spark, work.resolve(run + "/out").toUri().toString())
        .read(name, type).collectAsList().stream().map(rows::fromRow).toList();
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void anUnexpectedExceptionIsOneInternalFailureRowAndTheRunSucceeds(Stage stage) throws Exception {
    AtomicInteger failedTasks = new AtomicInteger();
    SparkListener countFailures =
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo().failed()) {
              failedTasks.incrementAndGet();
            }
          }
        };
    spark.sparkContext().addSparkListener(countFailures);
    RunReport report;
    try {
      report = new Pipeline(context(stage), spark).execute(Pipeline.Stages.ALL);
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(countFailures);
    }

    assertThat(failedTasks.get()).as("no Spark task failed").isZero();
    assertThat(report.succeeded()).as(report.summary(stage.id())).isTrue();
    assertThat(report.assetsSucceeded()).isEqualTo(2);
    List<FailureRecord> failures = table(stage, ManifestStore.FAILURES, FailureRecord.class);
    assertThat(failures)
        .extracting(f -> f.assetId() + ":" + f.stage() + ":" + f.reason())
        .containsExactly("bad:" + stage.id() + ":INTERNAL");
    assertThat(failures.get(0).message())
        .startsWith(
            "Cannot "
                + stage.id()
                + " asset 'bad': internal error: java.lang.IllegalStateException: injected into "
                + stage.id()
                + "\n\tat "
                + ThrowsFor.class.getName()
                + ".throwIfChosen(InternalFailuresTest.java:");
    List<String> packaged =
        table(stage, ManifestStore.RENDITIONS, RenditionRecord.class).stream()
            .map(RenditionRecord::assetId)
            .distinct()
            .toList();
    if (stage == Stage.PUBLISH) {
      assertThat(packaged).containsExactlyInAnyOrder("clip", "talk", "bad");
    } else {
      assertThat(packaged)
          .as("a failed asset commits no rows")
          .containsExactlyInAnyOrder("clip", "talk");
    }
    Path hosting = work.resolve(stage.id() + "/hosting");
    assertThat(hosting.resolve("clip/master.m3u8")).exists();
    assertThat(hosting.resolve("talk/master.m3u8")).exists();
    assertThat(hosting.resolve("bad/master.m3u8")).doesNotExist();
  }

  @Test
  void anUnexpectedExceptionWhilePlanningIsOneInternalPackageFailureRow() throws Exception {
    RunReport report =
        new Pipeline(context("planning", new ThrowsWhilePlanning()), spark)
            .execute(Pipeline.Stages.ALL);

    assertThat(report.succeeded()).as(report.summary("planning")).isTrue();
    assertThat(report.assetsSucceeded()).isEqualTo(2);
    List<FailureRecord> failures = table("planning", ManifestStore.FAILURES, FailureRecord.class);
    assertThat(failures)
        .extracting(f -> f.assetId() + ":" + f.stage() + ":" + f.reason())
        .containsExactly("bad:package:INTERNAL");
    assertThat(failures.get(0).message())
        .startsWith(
            "Cannot plan asset 'bad': internal error: java.lang.IllegalStateException: injected"
                + " into planning\n\tat "
                + ThrowsWhilePlanning.class.getName()
                + ".beforePlanning(InternalFailuresTest.java:");
    assertThat(
            table("planning", ManifestStore.RENDITIONS, RenditionRecord.class).stream()
                .map(RenditionRecord::assetId)
                .distinct())
        .containsExactlyInAnyOrder("clip", "talk");
    Path hosting = work.resolve("planning/hosting");
    assertThat(hosting.resolve("clip/master.m3u8")).exists();
    assertThat(hosting.resolve("talk/master.m3u8")).exists();
    assertThat(hosting.resolve("bad/master.m3u8")).doesNotExist();
  }
}
