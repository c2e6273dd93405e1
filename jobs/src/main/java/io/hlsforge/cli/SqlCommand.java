package io.hlsforge.cli;

import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.NoticeRecord;
import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.RunRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.spark.ManifestStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Spark SQL over the manifest tables: probes, renditions, segments, failures, notices and runs are
 * registered as views of {@code {output}/manifests/*} (plain Parquet any engine reads).
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Run a Spark SQL query over the manifest tables (probes, renditions, segments, failures, notices, runs).")
final class SqlCommand implements Callable<Integer> {
  static final Map<String, Class<? extends Record>> TABLES =
      Map.of(
          ManifestStore.PROBES,
          ProbeRecord.class,
          ManifestStore.RENDITIONS,
          RenditionRecord.class,
          ManifestStore.SEGMENTS,
          SegmentRecord.class,
          ManifestStore.FAILURES,
          FailureRecord.class,
          ManifestStore.NOTICES,
          NoticeRecord.class,
          ManifestStore.RUNS,
          RunRecord.class);

  @Parameters(
      index = "0",
      paramLabel = "<query>",
      description = "The query, e.g. \"SELECT reason, count(*) FROM failures GROUP BY reason\".")
  String query;

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (one object per line). Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() {
    if (!List.of("table", "csv", "json").contains(format)) {
      throw new UsageException("--format must be table, csv or json, not '" + format + "'");
    }
    String out = manifests.outputUri();
    SparkSession spark = JobLauncher.session("hlsforge sql", manifests.master);
    try {
      ManifestStore store = new ManifestStore(spark, out);
      TABLES.forEach((name, type) -> store.read(name, type).createOrReplaceTempView(name));
      Dataset<Row> result;
      try {
        result = spark.sql(query);
      } catch (Exception e) {
        // spark.sql only analyses here (execution is lazy): parse and analysis errors, thrown by
        // Scala without a Java throws clause.
        throw new UsageException("Cannot run the query: " + e.getMessage(), e);
      }
      System.out.print(
          switch (format) {
            case "json" -> String.join("\n", result.toJSON().collectAsList()) + "\n";
            case "csv" -> ResultFormats.csv(result.columns(), result.collectAsList());
            default -> ResultFormats.table(result.columns(), result.collectAsList());
          });
      return Main.EXIT_OK;
    } finally {
      spark.stop();
    }
  }

  /** Plain-text renderings of a small result. Pure. */
  static final class ResultFormats {
    private ResultFormats() {}

    static String csv(String[] columns, List<Row> rows) {
      StringBuilder s = new StringBuilder(String.join(",", columns)).append('\n');
      for (Row r : rows) {
        s.append(cells(r).stream().map(ResultFormats::csvCell).collect(Collectors.joining(",")))
            .append('\n');
      }
      return s.toString();
    }

    static String table(String[] columns, List<Row> rows) {
      int[] width = new int[columns.length];
      for (int i = 0; i < columns.length; i++) {
        width[i] = columns[i].length();
      }
      List<List<String>> cells = rows.stream().map(ResultFormats::cells).toList();
      for (List<String> row : cells) {
        for (int i = 0; i < row.size(); i++) {
          width[i] = Math.max(width[i], row.get(i).length());
        }
      }
      StringBuilder s = new StringBuilder();
      line(s, List.of(columns), width);
      line(s, Arrays.stream(width).mapToObj("-"::repeat).toList(), width);
      cells.forEach(row -> line(s, row, width));
      s.append('(').append(rows.size()).append(rows.size() == 1 ? " row)\n" : " rows)\n");
      return s.toString();
    }

    private static void line(StringBuilder s, List<String> cells, int[] width) {
      for (int i = 0; i < cells.size(); i++) {
        s.append(i == 0 ? "" : " | ")
            .append(String.format(Locale.ROOT, "%-" + width[i] + "s", cells.get(i)));
      }
      s.append('\n');
    }

    private static List<String> cells(Row r) {
      ArrayList<String> out = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        out.add(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
      }
      return out;
    }

    private static String csvCell(String v) {
      return v.matches("[^,\"\\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }
  }
}
