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
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.SerializableHadoopConf;
import io.hlsforge.testkit.TestMedia;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue of hostile inputs next to one good title: every bad entry becomes exactly one failure
 * row with its reason class and a message naming it, and the good title is packaged and valid.
 */
class HostileInputsTest extends SharedSparkSession {
  @TempDir static Path work;
  static RunReport report;
  static Map<String, FailureRecord> failures;

  /** asset id → expected reason */
  static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  @BeforeAll
  static void runTheCorpus() throws Exception {
    Path media = Files.createDirectories(work.resolve("media"));
    Path good = SampleMedia.testCard(media.resolve("good.mp4"), 320, 180, "25", 3);
    Path zero = Files.write(media.resolve("zero.mp4"), new byte[0]);
    Path text =
        Files.writeString(
            media.resolve("text.mp4"), "<html>this is a web page saved as .mp4</html>\n");
    byte[] whole =
        Files.readAllBytes(SampleMedia.testCard(media.resolve("full.mp4"), 320, 180, "25", 3));
    Path truncated =
        Files.write(
            media.resolve("truncated.mp4"),
            Arrays.copyOf(whole, whole.length / 2)); // moov is at the end
    Path directory = Files.createDirectories(media.resolve("folder.mp4"));
    Path playlist =
        Files.writeString(
            media.resolve("remote.m3u8"),
            "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/x.ts\n#EXT-X-ENDLIST\n");
    Path concat =
        Files.writeString(
            media.resolve("passwd.ffconcat"), "ffconcat version 1.0\nfile /etc/passwd\n");
    Path damagedTs =
        TestMedia.damagedInTheMiddle(
            SampleMedia.testCard(media.resolve("whole.ts"), 320, 180, "25", 4),
            media.resolve("damaged.ts"));
    Path hugeFrames = TestMedia.declaringFrameSize(media.resolve("huge.y4m"), 16000, 16000);
    Path impossibleFrames =
        TestMedia.declaringFrameSize(media.resolve("impossible.y4m"), 60000, 60000);

    EXPECTED.put("zero-byte", "INPUT_CORRUPT");
    EXPECTED.put("text-as-mp4", "INPUT_CORRUPT");
    EXPECTED.put("truncated-moov", "INPUT_CORRUPT");
    EXPECTED.put("missing", "INPUT_MISSING");
    EXPECTED.put("directory", "INPUT_UNREADABLE");
    EXPECTED.put("ts-damaged-mid-stream", "INPUT_CORRUPT");
    EXPECTED.put("huge-frame-header", "INPUT_LIMIT_EXCEEDED");
    EXPECTED.put("impossible-frame-header", "INPUT_CORRUPT");
    EXPECTED.put("remote-playlist", "PROTOCOL_DENIED");
    EXPECTED.put("concat-passwd", "PROTOCOL_DENIED");
    StringBuilder csv = new StringBuilder("asset_id,source_uri\ngood," + good + "\n");
    Map<String, Path> sources =
        Map.of(
            "zero-byte",
            zero,
            "text-as-mp4",
            text,
            "truncated-moov",
            truncated,
            "missing",
            media.resolve("gone.mp4"),
            "directory",
            directory,
            "remote-playlist",
            playlist,
            "concat-passwd",
            concat,
            "ts-damaged-mid-stream",
            damagedTs,
            "huge-frame-header",
            hugeFrames,
            "impossible-frame-header",
            impossibleFrames);
    EXPECTED
        .keySet()
        .forEach(id -> csv.append(id).append(',').append(sources.get(id)).append('\n'));
    for (String id : List.of("../escape", "a/b", "%2e%2e", "nul\u0000byte", "x".repeat(300))) {
      EXPECTED.put(id, "INVALID_ASSET_ID");
      csv.append(id).append(',').append(good).append('\n');
    }
    Files.writeString(work.resolve("c.csv"), csv.toString());

    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.max-failure-ratio",
                    "1.0",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 250}]"),
                Optional.empty(),
                Optional.empty()));
    report =
        new Pipeline(
                new RunContext(
                    "hostile",
                    "2026-11-25",
                    work.resolve("c.csv").toUri().toString(),
                    work.resolve("out").toUri().toString(),
                    work.resolve("hosting").toUri().toString(),
                    settings,
                    new SerializableHadoopConf(
                        new Configuration(spark.sparkContext().hadoopConfiguration()))),
                spark)
            .execute(Pipeline.Stages.ALL);
    RecordRows<FailureRecord> rows = RecordRows.of(FailureRecord.class);
    List<FailureRecord> all =
        new ManifestStore(spark, work.resolve("out").toUri().toString())
            .read(ManifestStore.FAILURES, FailureRecord.class).collectAsList().stream()
                .map(rows::fromRow)
                .toList();
    assertThat(all.stream().map(FailureRecord::assetId))
        .as("exactly one row per bad entry")
        .doesNotHaveDuplicates();
    failures = all.stream().collect(Collectors.toMap(FailureRecord::assetId, f -> f));
  }

  @Test
  void everyBadEntryIsOneFailureRowWithItsReasonAndNamesTheInput() {
    assertThat(failures.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    EXPECTED.forEach(
        (id, reason) -> {
          FailureRecord f = failures.get(id);
          assertThat(f.reason()).as(id + ": " + f.message()).isEqualTo(reason);
          assertThat(f.message())
              .as(id)
              .contains(
                  reason.equals("INVALID_ASSET_ID")
                      ? "Cannot probe asset '" + id.substring(0, 3)
                      : id);
          assertThat(f.message())
              .as("no raw control characters in messages")
              .doesNotContain("\u0000");
        });
    assertThat(failures.get("nul\u0000byte").message()).contains("nul\\u0000byte");
    assertThat(failures.get("x".repeat(300)).message())
        .as("a long id is shortened in messages")
        .contains("(300 characters)")
        .hasSizeLessThan(400);
    assertThat(failures.get("ts-damaged-mid-stream").message()).contains("corrupt");
    assertThat(failures.get("ts-damaged-mid-stream").stage())
        .as("it probes fine; decoding finds the damage")
        .isEqualTo("package");
    assertThat(failures.get("huge-frame-header").message()).contains("16000x16000", "max-width");
    assertThat(failures.get("remote-playlist").message())
        .contains("Protocol 'http' not on whitelist");
    assertThat(failures.get("concat-passwd").message()).contains("Unsafe file name '/etc/passwd'");
  }

  @Test
  void theGoodTitleIsPackagedAndValidAndTheRunPassesItsGate() {
    assertThat(report.assetsSucceeded()).isEqualTo(1);
    assertThat(report.succeeded()).as("max-failure-ratio 1.0").isTrue();
    ValidationReport r =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())))
            .validate(work.resolve("hosting/good/master.m3u8").toUri().toString());
    assertThat(r.errors()).as(r.toText()).isEmpty();
    try (var published = Files.list(work.resolve("hosting"))) {
      assertThat(published.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("good", "index.json");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
