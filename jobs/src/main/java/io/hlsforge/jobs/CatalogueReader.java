package io.hlsforge.jobs;

import io.hlsforge.catalogue.AssetIds;
import io.hlsforge.catalogue.CatalogueEntries;
import io.hlsforge.catalogue.CatalogueEntry;
import io.hlsforge.catalogue.CatalogueFormat;
import io.hlsforge.catalogue.CatalogueRowReader;
import io.hlsforge.catalogue.UnreadableCatalogueException;
import io.hlsforge.storage.Locations;
import io.hlsforge.storage.SerializableHadoopConf;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads the catalogue: a CSV file with header {@code asset_id,source_uri[,title]…}, JSON Lines with
 * the same fields, a Parquet file or table, or a directory of media files that is scanned (asset id
 * derived from the relative path). Relative {@code source_uri}s resolve against the catalogue's
 * folder.
 *
 * <p>A catalogue that cannot be read at all is an {@link UnreadableCatalogueException} before any
 * work. A row that cannot be used is an entry with its problem, so it becomes one failure row and
 * every other row goes on. CSV and JSON Lines are read by hlsforge's own readers, in one task, so
 * each row keeps its line number; probing is spread over the cluster afterwards.
 */
public final class CatalogueReader {
  private final SparkSession spark;
  private final List<String> scanExtensions;

  public CatalogueReader(SparkSession spark, List<String> scanExtensions) {
    this.spark = spark;
    this.scanExtensions = scanExtensions;
  }

  /** What a catalogue location holds, as far as reading it needs to know. */
  private enum Kind {
    SCAN,
    TABLE,
    ROWS
  }

  /**
   * Throws {@link UnreadableCatalogueException} when the catalogue cannot be read at all (missing,
   * empty, no header, unknown format, a table without the required columns); reads no rows.
   */
  public void check(String catalogue) {
    if (open(catalogue) == Kind.TABLE) {
      requireColumns(spark.read().parquet(Locations.globLiteral(catalogue)), catalogue);
    }
  }

  public JavaRDD<CatalogueEntry> read(String catalogue) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Kind kind = open(catalogue);
    if (kind == Kind.SCAN) {
      Path path = Locations.hadoopPath(catalogue);
      try {
        return scan(path.getFileSystem(conf), path);
      } catch (IOException e) {
        throw new UnreadableCatalogueException(catalogue, e.getMessage(), e);
      }
    }
    if (kind == Kind.TABLE) {
      return fromTable(spark.read().parquet(Locations.globLiteral(catalogue)), catalogue);
    }
    CatalogueFormat format = CatalogueFormat.of(catalogue);
    SerializableHadoopConf hadoop = new SerializableHadoopConf(conf);
    return JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(List.of(catalogue), 1)
        .mapPartitions(
            files -> {
              List<CatalogueEntry> out = new ArrayList<>();
              while (files.hasNext()) {
                String file = files.next();
                try (CatalogueRowReader r = rows(format, file, hadoop.get())) {
                  r.forEachRemaining(l -> out.add(CatalogueEntries.from(l, file)));
                }
              }
              return out.iterator();
            });
  }

  /**
   * What the catalogue is; a CSV or JSON Lines file's header (or first object) is read here, on the
   * driver, so an unreadable file stops the run before any task starts.
   */
  private Kind open(String catalogue) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path path = Locations.hadoopPath(catalogue);
    FileSystem fs;
    FileStatus status;
    try {
      fs = path.getFileSystem(conf);
      status = fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      throw new UnreadableCatalogueException(catalogue, "it does not exist");
    } catch (IOException e) {
      throw new UnreadableCatalogueException(catalogue, e.getMessage(), e);
    }
    if (status.isDirectory()) {
      return isParquetTable(fs, path) ? Kind.TABLE : Kind.SCAN;
    }
    CatalogueFormat format = CatalogueFormat.of(catalogue);
    if (format == CatalogueFormat.PARQUET) {
      return Kind.TABLE;
    }
    try {
      rows(format, catalogue, conf).close();
    } catch (IOException e) {
      throw new UnreadableCatalogueException(catalogue, e.getMessage(), e);
    }
    return Kind.ROWS;
  }

  /** The rows of a CSV or JSON Lines catalogue file, open until closed. */
  private static CatalogueRowReader rows(
      CatalogueFormat format, String catalogue, Configuration conf) {
    try {
      Path p = Locations.hadoopPath(catalogue);
      InputStreamReader reader =
          new InputStreamReader(p.getFileSystem(conf).open(p), StandardCharsets.UTF_8);
      try {
        return CatalogueRowReader.open(format, catalogue, reader);
      } catch (RuntimeException e) {
        reader.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UnreadableCatalogueException(catalogue, e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UnreadableCatalogueException(catalogue, e.getCause().getMessage(), e);
    }
  }

  private static List<String> requireColumns(Dataset<Row> table, String catalogue) {
    List<String> columns = Arrays.asList(table.columns());
    if (!columns.contains(CatalogueEntries.ASSET_ID)
        || !columns.contains(CatalogueEntries.SOURCE_URI)) {
      throw new UnreadableCatalogueException(
          catalogue, "the columns asset_id and source_uri are required, found " + columns);
    }
    return columns;
  }

  private JavaRDD<CatalogueEntry> fromTable(Dataset<Row> table, String catalogue) {
    List<String> columns = requireColumns(table, catalogue);
    Dataset<Row> selected =
        table.select(
            CatalogueEntries.COLUMNS.stream()
                .map(
                    c ->
                        columns.contains(c)
                            ? functions.col(c).cast("string")
                            : functions.lit(null).cast("string"))
                .toArray(Column[]::new));
    return selected
        .javaRDD()
        .map(
            row ->
                CatalogueEntries.from(
                    row.getString(0),
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    catalogue,
                    0));
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
                AssetIds.fromRelativePath(relative), Locations.of(f.getPath()), fileName));
      }
    } catch (IOException e) {
      throw new UnreadableCatalogueException(
          Locations.of(dir), "cannot scan the directory: " + e.getMessage(), e);
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
