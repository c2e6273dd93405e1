package io.hlsforge.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.holdenkarau.spark.testing.JavaRDDComparisons;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordRowsTest extends SharedSparkSession {

  @Test
  void schemaIsTheRecordComponentsInSnakeCase() {
    assertThat(RecordRows.of(SegmentRecord.class).schema().fieldNames())
        .containsExactly(
            "run_id",
            "asset_id",
            "encoding_id",
            "rendition",
            "segment_index",
            "file_name",
            "uri",
            "duration_s",
            "start_s",
            "start_pts",
            "bytes",
            "byte_offset",
            "sha256",
            "starts_with_keyframe",
            "keyframe_times",
            "keyframe_offsets",
            "keyframe_lengths",
            "psnr_y_db",
            "ssim",
            "xpsnr_db",
            "quality_frames");
    assertThat(RecordRows.of(RenditionRecord.class).schema().fieldNames())
        .as("the issue's column names: a one-letter word splits too")
        .endsWith(
            "psnr_y_db",
            "ssim",
            "xpsnr_db",
            "psnr_y_min_segment_db",
            "loudness_lufs",
            "loudness_range_lu",
            "true_peak_dbtp",
            "source_loudness_lufs",
            "source_loudness_range_lu",
            "source_true_peak_dbtp",
            "loudness_target_lufs");
    assertThat(
            RecordRows.of(SegmentRecord.class)
                .schema()
                .apply("keyframe_offsets")
                .dataType()
                .simpleString())
        .isEqualTo("array<bigint>");
    assertThat(RecordRows.of(SegmentRecord.class).schema().apply("bytes").nullable())
        .as("primitives are not nullable")
        .isFalse();
    assertThat(RecordRows.of(SegmentRecord.class).schema().apply("uri").nullable()).isTrue();
  }

  @Test
  void recordsSurviveAParquetRoundTrip(@TempDir Path dir) {
    List<FailureRecord> records =
        List.of(
            new FailureRecord(
                "r1",
                "a",
                "file:/a.mp4",
                "probe",
                "INPUT_CORRUPT",
                "Cannot probe asset 'a': bad",
                1L),
            new FailureRecord("r1", "b", null, "publish", "PUBLISH", "Cannot publish", 2L));
    ManifestStore store = new ManifestStore(spark, dir.toUri().toString());
    store.append(ManifestStore.FAILURES, FailureRecord.class, records);

    RecordRows<FailureRecord> rows = RecordRows.of(FailureRecord.class);
    JavaRDD<FailureRecord> back =
        store.read(ManifestStore.FAILURES, FailureRecord.class).javaRDD().map(rows::fromRow);
    JavaRDD<FailureRecord> expected =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(records);
    assertThat(JavaRDDComparisons.compareRDD(expected, back).isEmpty())
        .as("same records, any order")
        .isTrue();
  }

  @Test
  void listColumnsSurviveAParquetRoundTrip(@TempDir Path dir) {
    SegmentRecord segment =
        new SegmentRecord(
            "r1",
            "a",
            "e1",
            "360p",
            0,
            "segment_00000.ts",
            "file:/s.ts",
            6.0,
            0.0,
            1.4,
            1000,
            376L,
            "ab",
            true,
            List.of(0.0, 2.0),
            List.of(564L, 9000L),
            List.of(4000L, 3000L),
            null,
            null,
            null,
            null);
    ManifestStore store = new ManifestStore(spark, dir.toUri().toString());
    store.append(ManifestStore.SEGMENTS, SegmentRecord.class, List.of(segment));
    RecordRows<SegmentRecord> rows = RecordRows.of(SegmentRecord.class);
    assertThat(store.read(ManifestStore.SEGMENTS, SegmentRecord.class).collectAsList())
        .singleElement()
        .extracting(rows::fromRow)
        .isEqualTo(segment);
  }

  @Test
  void readingATableThatWasNeverWrittenGivesAnEmptyFrameWithTheSchema(@TempDir Path dir) {
    ManifestStore store = new ManifestStore(spark, dir.toUri().toString());
    assertThat(store.read(ManifestStore.SEGMENTS, SegmentRecord.class).count()).isZero();
    assertThat(store.read(ManifestStore.SEGMENTS, SegmentRecord.class).columns())
        .contains("sha256");
  }
}
