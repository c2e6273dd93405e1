package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.catalogue.CatalogueEntry;
import io.hlsforge.spark.SharedSparkSession;
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
        .read(catalogue.toUri().toString()).collect().stream()
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
        .isEqualTo(
            new org.apache.hadoop.fs.Path(dir.resolve("season 1/ep 01.mp4").toUri()).toString());
  }

  @Test
  void aCatalogueWithoutTheRequiredColumnsIsRejectedByName(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "id,path\na,b\n");
    assertThatThrownBy(() -> read(csv))
        .hasMessageContaining("asset_id and source_uri are required");
    assertThatThrownBy(() -> read(dir.resolve("nope.csv")))
        .hasMessageContaining("Cannot read catalogue");
  }
}
