package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.catalogue.CatalogueEntry;
import io.hlsforge.catalogue.UnreadableCatalogueException;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.Locations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueReaderTest extends SharedSparkSession {
  private static final List<String> EXTENSIONS = List.of("mp4", "mp3");

  private List<CatalogueEntry> read(Path catalogue) {
    return new CatalogueReader(spark, EXTENSIONS)
        .read(Locations.normalize(catalogue.toString())).collect().stream()
            .sorted((a, b) -> a.assetId().compareTo(b.assetId()))
            .toList();
  }

  @Test
  void readsCsvWithAndWithoutTitles(@TempDir Path dir) throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("c.csv"), "asset_id,source_uri\nb,/data/b.mp4\na,sub/a.mp3\n");
    List<CatalogueEntry> entries = read(csv);
    assertThat(entries).extracting(CatalogueEntry::assetId).containsExactly("a", "b");
    assertThat(URI.create(entries.get(0).sourceUri()).getPath())
        .as("relative to the catalogue's folder")
        .isEqualTo(dir.resolve("sub/a.mp3").toString());
    assertThat(entries.get(1).sourceUri())
        .as("absolute paths become file URIs")
        .isEqualTo("file:///data/b.mp4");
    assertThat(entries.get(0).title()).as("title defaults to the id").isEqualTo("a");
  }

  @Test
  void readsJsonLinesAndParquet(@TempDir Path dir) throws Exception {
    Path jsonl =
        Files.writeString(
            dir.resolve("c.jsonl"),
            "{\"asset_id\":\"x\",\"source_uri\":\"hdfs://nn/x.mp4\",\"title\":\"X\"}\n{\"asset_id\":\"y\",\"source_uri\":\"s3a://b/y.mp4\"}\n");
    List<CatalogueEntry> entries = read(jsonl);
    assertThat(entries)
        .containsExactly(
            new CatalogueEntry("x", "hdfs://nn/x.mp4", "X"),
            new CatalogueEntry("y", "s3a://b/y.mp4", "y"));

    Path parquet = dir.resolve("table.parquet");
    spark.read().json(jsonl.toString()).write().parquet(parquet.toString());
    assertThat(read(parquet)).isEqualTo(entries);
  }

  @Test
  void scansADirectoryForMediaDerivingSafeIds(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("season 1"));
    Files.writeString(dir.resolve("season 1/ep 01.mp4"), "x");
    Files.writeString(dir.resolve("talk.MP3"), "x");
    Files.writeString(dir.resolve("notes.txt"), "x");
    List<CatalogueEntry> entries = read(dir);
    assertThat(entries)
        .extracting(CatalogueEntry::assetId)
        .containsExactly("season-1_ep-01", "talk");
    assertThat(entries.get(0).sourceUri())
        .as("a location keeps the file's characters as they are")
        .isEqualTo("file://" + dir.resolve("season 1/ep 01.mp4"));
  }

  @Test
  void aCatalogueThatCannotBeReadAtAllIsRejectedByNameAndReason(@TempDir Path dir)
      throws Exception {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "id,path\na,b\n");
    assertThatThrownBy(() -> read(csv))
        .isInstanceOf(UnreadableCatalogueException.class)
        .hasMessageContaining(csv.toString())
        .hasMessageContaining("not a header with the columns asset_id and source_uri");
    assertThatThrownBy(() -> read(dir.resolve("nope.csv")))
        .isInstanceOf(UnreadableCatalogueException.class)
        .hasMessageEndingWith("nope.csv: it does not exist");
    Path table = dir.resolve("t.parquet");
    spark.sql("select 'a' as id, 'b' as path").write().parquet(table.toString());
    assertThatThrownBy(() -> new CatalogueReader(spark, EXTENSIONS).check("file://" + table))
        .isInstanceOf(UnreadableCatalogueException.class)
        .hasMessageContaining("the columns asset_id and source_uri are required, found [id, path]");
  }

  @Test
  void badRowsBecomeEntriesWithTheirLineAndTheRestAreRead(@TempDir Path dir) throws Exception {
    // A folder whose name Spark's file sources would take as a glob pattern.
    Path folder = Files.createDirectories(dir.resolve("exports [1] #2?"));
    Path csv =
        Files.writeString(
            folder.resolve("c.csv"),
            "asset_id,source_uri\na,a b.mp4\nb,/m/b.mp4,extra\nc,\"c.mp4\n");
    List<CatalogueEntry> entries = read(csv);
    assertThat(entries).extracting(CatalogueEntry::assetId).containsExactly("a", "b", "c");
    assertThat(entries.get(0).sourceUri()).isEqualTo("file://" + folder.resolve("a b.mp4"));
    assertThat(entries.get(1).problem().message())
        .isEqualTo(
            "c.csv line 3: 3 fields where the header has 2 (is a field with a comma not in double"
                + " quotes?)");
    assertThat(entries.get(2).problem().message())
        .isEqualTo("c.csv line 4: the double quote that opens field 2 is never closed");

    Path table = folder.resolve("t.parquet");
    spark
        .sql("select * from values ('x', 'x.mp4'), (null, 'y.mp4') as t(asset_id, source_uri)")
        .write()
        .parquet(table.toString());
    List<CatalogueEntry> rows = read(table);
    assertThat(rows).extracting(CatalogueEntry::isValid).containsExactly(false, true);
    assertThat(rows.get(0).problem().message()).isEqualTo("a row of t.parquet: no asset_id");
    assertThat(rows.get(1).sourceUri()).isEqualTo("file://" + folder.resolve("x.mp4"));
  }
}
