package io.hlsforge.bench;

import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.spark.ManifestStore;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Copies the renditions and segments rows of a really packaged output {@code copies} times, each
 * copy under its own asset id ({@code title-00000} …) and every copy's segment rows pointing at the
 * same, real media objects: the input of the strict publish-at-scale benchmark (bin/bench 6), where
 * the validator reads and inspects every segment of every title as it does on a real night. Usage:
 * {@code CloneManifests <packaged-output-uri> <target-output-uri> <copies>}.
 */
public final class CloneManifests {
  private CloneManifests() {}

  public static void main(String[] args) {
    String source = args[0];
    String target = args[1];
    long copies = Long.parseLong(args[2]);
    SparkSession spark = SparkSession.builder().appName("hlsforge clone manifests").getOrCreate();
    try {
      ManifestStore from = new ManifestStore(spark, source);
      ManifestStore to = new ManifestStore(spark, target);
      Dataset<Row> ids =
          spark
              .range(copies)
              .repartition(Math.max(1, spark.sparkContext().defaultParallelism() * 2))
              .select(functions.format_string("title-%05d", functions.col("id")).as("clone_id"));
      clone(from.read(ManifestStore.RENDITIONS, RenditionRecord.class), ids)
          .write()
          .mode(SaveMode.Append)
          .parquet(to.tableUri(ManifestStore.RENDITIONS));
      clone(from.read(ManifestStore.SEGMENTS, SegmentRecord.class), ids)
          .write()
          .mode(SaveMode.Append)
          .parquet(to.tableUri(ManifestStore.SEGMENTS));
    } finally {
      spark.stop();
    }
  }

  /** Every row once per clone id, with that id as its asset id; the columns stay in order. */
  private static Dataset<Row> clone(Dataset<Row> rows, Dataset<Row> ids) {
    String[] columns = rows.columns();
    Column[] out = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] =
          columns[i].equals("asset_id")
              ? functions.col("clone_id").as("asset_id")
              : functions.col(columns[i]);
    }
    return rows.crossJoin(ids).select(out);
  }
}
