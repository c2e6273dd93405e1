package io.hlsforge.bench;

import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.spark.ManifestStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Writes manifests for {@code titles} titles of 3 video renditions + 1 audio rendition with {@code
 * segmentsPerRendition} 6-second segments each, without any media: the input of the
 * publish-at-scale benchmark (bin/bench, which runs it from jobs/target/test-classes). Usage:
 * {@code SyntheticManifests <output-uri> <titles> <segments-per-rendition>}.
 */
public final class SyntheticManifests {
  private static final String[][] RUNGS = {
    {"720p", "1280", "720", "3000"}, {"480p", "854", "480", "1200"}, {"360p", "640", "360", "730"}
  };

  private SyntheticManifests() {}

  public static void main(String[] args) {
    String output = args[0];
    int titles = Integer.parseInt(args[1]);
    int segments = Integer.parseInt(args[2]);
    SparkSession spark =
        SparkSession.builder().appName("hlsforge synthetic manifests").getOrCreate();
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < titles; i++) {
        ids.add(i);
      }
      JavaRDD<Integer> assets = jsc.parallelize(ids, Math.max(1, jsc.defaultParallelism() * 2));
      ManifestStore store = new ManifestStore(spark, output);
      store.append(
          ManifestStore.RENDITIONS,
          RenditionRecord.class,
          assets.flatMap(i -> renditions(i, segments).iterator()));
      store.append(
          ManifestStore.SEGMENTS,
          SegmentRecord.class,
          assets.flatMap(i -> segments(i, segments, output).iterator()));
    } finally {
      spark.stop();
    }
  }

  static String asset(int i) {
    return String.format("title-%05d", i);
  }

  static List<RenditionRecord> renditions(int i, int segments) {
    List<RenditionRecord> out = new ArrayList<>();
    double seconds = segments * 6.0;
    for (String[] r : RUNGS) {
      long bps = Long.parseLong(r[3]) * 1000;
      out.add(
          new RenditionRecord(
              "synthetic",
              asset(i),
              "esynthetic",
              r[0],
              "video",
              "file:/none",
              Integer.parseInt(r[1]),
              Integer.parseInt(r[2]),
              30,
              (int) (bps / 1000),
              0,
              0,
              null,
              "avc1.64001f",
              "ts",
              null,
              segments,
              seconds,
              (long) (bps / 8 * seconds),
              6,
              bps * 11 / 10,
              bps,
              "synthetic",
              1L,
              0L,
              null,
              null,
              false,
              null,
              List.of(),
              "SDR",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    out.add(
        new RenditionRecord(
            "synthetic",
            asset(i),
            "esynthetic",
            "audio-stereo",
            "audio",
            "file:/none",
            0,
            0,
            0,
            0,
            128,
            2,
            "und",
            "mp4a.40.2",
            "ts",
            null,
            segments,
            seconds,
            (long) (16_000 * seconds),
            6,
            131_000,
            128_000,
            "synthetic",
            1L,
            0L,
            "Audio",
            "default",
            false,
            null,
            List.of(0),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    return out;
  }

  static List<SegmentRecord> segments(int i, int segments, String output) {
    List<SegmentRecord> out = new ArrayList<>();
    for (RenditionRecord r : renditions(i, segments)) {
      long bytes = r.totalBytes() / segments;
      boolean video = r.kind().equals("video");
      for (int s = 0; s < segments; s++) {
        String name = String.format("segment_%05d.ts", s);
        out.add(
            new SegmentRecord(
                "synthetic",
                r.assetId(),
                r.encodingId(),
                r.rendition(),
                s,
                name,
                output + "/media/" + name,
                6.0,
                s * 6.0,
                1.4 + s * 6.0,
                bytes,
                null,
                "0",
                true,
                video ? List.of(0.0, 2.0, 4.0) : List.of(),
                video ? List.of(0L, bytes / 3, 2 * bytes / 3) : List.of(),
                video ? List.of(20_000L, 20_000L, 20_000L) : List.of(),
                null,
                null,
                null,
                null));
      }
    }
    return out;
  }
}
