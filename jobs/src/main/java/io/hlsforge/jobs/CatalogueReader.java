package io.hlsforge.jobs;

import io.hlsforge.catalogue.AssetIds;
import io.hlsforge.catalogue.CatalogueEntry;
import io.hlsforge.storage.Locations;
import io.hlsforge.tracks.SubtitleSidecar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads the catalogue: a CSV file with header {@code asset_id,source_uri[,title]}, JSON Lines with
 * the same fields, a Parquet file or table, or a directory of media files that is scanned (asset id
 * derived from the relative path). Relative {@code source_uri}s resolve against the catalogue's
 * directory. Asset ids are validated later, per asset, so one bad line becomes one failure row.
 */
public final class CatalogueReader {
  private final SparkSession spark;
  private final List<String> scanExtensions;

  public CatalogueReader(SparkSession spark, List<String> scanExtensions) {
    this.spark = spark;
    this.scanExtensions = scanExtensions;
  }

  public JavaRDD<CatalogueEntry> read(String catalogueUri) {
    Path path = new Path(catalogueUri);
    FileStatus status;
    FileSystem fs;
    try {
      fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      status = fs.getFileStatus(path);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read catalogue '" + catalogueUri + "': " + e.getMessage(), e);
    }
    String name = path.getName().toLowerCase(Locale.ROOT);
    if (status.isDirectory()) {
      return isParquetTable(fs, path)
          ? fromTable(spark.read().parquet(catalogueUri), catalogueUri)
          : scan(fs, path);
    }
    Dataset<Row> table;
    if (name.endsWith(".csv")) {
      table = spark.read().option("header", "true").option("mode", "FAILFAST").csv(catalogueUri);
    } else if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
      table = spark.read().json(catalogueUri);
    } else if (name.endsWith(".parquet")) {
      table = spark.read().parquet(catalogueUri);
    } else {
      throw new IllegalArgumentException(
          "Cannot read catalogue '"
              + catalogueUri
              + "': expected .csv, .jsonl/.json, .parquet or a directory");
    }
    return fromTable(table, catalogueUri);
  }

  private JavaRDD<CatalogueEntry> fromTable(Dataset<Row> table, String catalogueUri) {
    List<String> columns = Arrays.asList(table.columns());
    if (!columns.contains("asset_id") || !columns.contains("source_uri")) {
      throw new IllegalArgumentException(
          "Cannot read catalogue '"
              + catalogueUri
              + "': columns asset_id and source_uri are required, found "
              + columns);
    }
    boolean hasTitle = columns.contains("title");
    boolean hasAudio = columns.contains("audio");
    boolean hasSubtitles = columns.contains("subtitles");
    String base =
        new Path(catalogueUri).getParent() == null
            ? catalogueUri
            : new Path(catalogueUri).getParent().toString();
    Dataset<Row> selected =
        table.select(
            functions.col("asset_id"),
            functions.col("source_uri"),
            hasTitle ? functions.col("title") : functions.lit(null).cast("string"),
            hasAudio ? functions.col("audio").cast("string") : functions.lit(null).cast("string"),
            hasSubtitles
                ? functions.col("subtitles").cast("string")
                : functions.lit(null).cast("string"));
    return selected
        .javaRDD()
        .map(
            row -> {
              String assetId = row.isNullAt(0) ? "" : row.get(0).toString().strip();
              String source = row.isNullAt(1) ? "" : row.get(1).toString().strip();
              String title = row.isNullAt(2) ? assetId : row.getString(2);
              String audio =
                  row.isNullAt(3) || row.getString(3).isBlank() ? null : row.getString(3);
              String subtitles = row.isNullAt(4) ? null : resolveSidecars(base, row.getString(4));
              return new CatalogueEntry(assetId, resolve(base, source), title, audio, subtitles);
            });
  }

  /**
   * The subtitles cell with every location resolved like {@code source_uri}; a malformed cell is
   * kept as written, so the asset (not the run) fails when it is planned.
   */
  static String resolveSidecars(String base, String cell) {
    try {
      StringBuilder out = new StringBuilder();
      for (SubtitleSidecar s : SubtitleSidecar.parseCell(cell)) {
        out.append(out.length() == 0 ? "" : ";")
            .append(s.language())
            .append(s.forced() ? ":forced" : "")
            .append('=')
            .append(resolve(base, s.uri()));
      }
      return out.length() == 0 ? null : out.toString();
    } catch (IllegalArgumentException e) {
      return cell;
    }
  }

  /**
   * An absolute URI or path is kept; a relative one is taken relative to the catalogue's folder.
   */
  static String resolve(String base, String source) {
    if (source.isEmpty()
        || source.contains("://")
        || source.startsWith("/")
        || source.startsWith("file:")) {
      return source.isEmpty() ? source : Locations.normalize(source);
    }
    return Locations.join(base, source);
  }

  private JavaRDD<CatalogueEntry> scan(FileSystem fs, Path dir) {
    List<CatalogueEntry> entries = new ArrayList<>();
    String root = fs.makeQualified(dir).toUri().getPath();
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String fileName = f.getPath().getName();
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!f.isFile() || !scanExtensions.contains(ext)) {
          continue;
        }
        String relative = f.getPath().toUri().getPath().substring(root.length());
        entries.add(
            new CatalogueEntry(
                AssetIds.fromRelativePath(relative), f.getPath().toString(), fileName));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot scan catalogue directory '" + dir + "': " + e.getMessage(), e);
    }
    entries.sort((a, b) -> a.assetId().compareTo(b.assetId()));
    return JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(entries, Math.max(1, Math.min(entries.size(), 64)));
  }

  private static boolean isParquetTable(FileSystem fs, Path dir) {
    try {
      for (FileStatus f : fs.listStatus(dir)) {
        if (f.getPath().getName().endsWith(".parquet")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
