package io.hlsforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue that cannot be read at all is a usage error: exit 2 and one line on stderr naming the
 * file and the reason, no stack trace, and nothing written to the output.
 */
class UnreadableCatalogueTest {
  @TempDir static Path work;

  @BeforeAll
  static void sparkProperties() {
    LoopbackSpark.set();
  }

  @AfterAll
  static void clearSparkProperties() {
    LoopbackSpark.clear();
  }

  private static void assertUnreadable(Path catalogue, String reason) throws Exception {
    Path output = work.resolve("out " + catalogue.getFileName());
    CliRun r =
        CliRun.of(
            "run",
            "--master",
            "local[1]",
            "--catalogue",
            catalogue.toString(),
            "--output",
            output.toString(),
            "--hosting",
            work.resolve("hosting").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err().lines().filter(l -> !l.isBlank()))
        .as("one line")
        .containsExactly("hlsforge: Cannot read catalogue file://" + catalogue + ": " + reason);
    assertThat(r.errHasStackTrace()).isFalse();
    assertThat(output).as("nothing written before the catalogue was read").doesNotExist();
  }

  @Test
  void aMissingFileOrFolderSaysItDoesNotExist() throws Exception {
    assertUnreadable(work.resolve("nope.csv"), "it does not exist");
    assertUnreadable(work.resolve("Season 1"), "it does not exist");
  }

  @Test
  void anEmptyFileOrOneWithoutAHeaderSaysSo() throws Exception {
    assertUnreadable(Files.writeString(work.resolve("empty.csv"), ""), "it is empty");
    assertUnreadable(
        Files.writeString(work.resolve("rows only.csv"), "a,/m/a.mp4\n"),
        "its first line is not a header with the columns asset_id and source_uri (it reads"
            + " 'a,/m/a.mp4')");
    assertUnreadable(
        Files.writeString(work.resolve("array.json"), "[{\"asset_id\": \"a\"}]\n"),
        "it is a JSON array; hlsforge reads JSON Lines, one object per line");
  }

  @Test
  void anUnknownFormatOrATableWithoutTheColumnsSaysWhatIsExpected() throws Exception {
    assertUnreadable(
        Files.writeString(work.resolve("list.txt"), "a\n"),
        "unknown format; expected .csv, .jsonl (.ndjson, .json), .parquet or a directory");
    Path table = work.resolve("t.parquet");
    SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
    try {
      spark.sql("select 'a' as id, 'b' as path").write().parquet(table.toString());
    } finally {
      spark.stop();
    }
    assertUnreadable(table, "the columns asset_id and source_uri are required, found [id, path]");
  }
}
