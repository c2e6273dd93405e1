package io.hlsforge.spark;

import io.hlsforge.layout.OutputLayout;
import io.hlsforge.storage.Locations;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Parquet manifest tables under {@code {output}/manifests/}. Rows are only ever written by
 * Spark's writer (append, via its commit protocol), so a retried or speculative task can never add
 * a second copy of its rows; readers see a table's new files only after the job commits.
 */
public final class ManifestStore {
  public static final String PROBES = "probes";
  public static final String RENDITIONS = "renditions";
  public static final String SEGMENTS = "segments";
  public static final String FAILURES = "failures";
  public static final String NOTICES = "notices";
  public static final String RUNS = "runs";

  private final SparkSession spark;
  private final String outputUri;

  public ManifestStore(SparkSession spark, String outputUri) {
    this.spark = spark;
    this.outputUri = outputUri;
  }

  public String tableUri(String table) {
    return OutputLayout.manifestTable(outputUri, table);
  }

  public <T extends Record> void append(String table, Class<T> type, JavaRDD<T> records) {
    RecordRows<T> rows = RecordRows.of(type);
    Dataset<Row> df = spark.createDataFrame(records.map(rows::toRow), rows.schema());
    df.write().mode(SaveMode.Append).parquet(tableUri(table));
  }

  public <T extends Record> void append(String table, Class<T> type, List<T> records) {
    JavaRDD<T> rdd =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(records, Math.max(1, Math.min(records.size(), 8)));
    append(table, type, rdd);
  }

  /** The table, or an empty frame with the record's schema when nothing was committed yet. */
  public <T extends Record> Dataset<Row> read(String table, Class<T> type) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), RecordRows.of(type).schema());
    }
    return spark
        .read()
        .schema(RecordRows.of(type).schema())
        .parquet(Locations.globLiteral(tableUri(table)));
  }

  public boolean exists(String table) {
    Path p = Locations.hadoopPath(tableUri(table));
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot check manifest table " + p + ": " + e.getMessage(), e);
    }
  }
}
