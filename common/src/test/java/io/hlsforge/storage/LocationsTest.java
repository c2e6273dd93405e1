package io.hlsforge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user typed → a location → a file: names with every character that needs escaping in a URI
 * reach the same file whether typed as a plain path, a relative path or an RFC 8089 file: URI.
 */
class LocationsTest {
  /** One name per character that URIs escape or that globs and shells treat specially. */
  static final List<String> NAMES =
      List.of(
          "a b.mp4",
          "a#b.mp4",
          "100%.mp4",
          "a%20b.mp4",
          "why?.mp4",
          "[1] x.mp4",
          "it's.mp4",
          "a,b.mp4",
          "Grüße.mp4",
          "日本.mp4",
          "Interview: part 1.mp4");

  @Test
  void everyFormOfANameReachesTheSameFile(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("Season 1 [#%]"));
    HadoopStorage storage = new HadoopStorage(new Configuration());
    for (String name : NAMES) {
      Path file = Files.writeString(folder.resolve(name), name);
      String expected = "file://" + file;
      // java.net's own encoder is the oracle for what a file manager's "copy link" gives.
      String fileUri = file.toUri().toString();
      assertThat(fileUri).as("the JDK percent-encodes %s", name).doesNotContain(" ");
      for (String typed :
          List.of(
              file.toString(),
              fileUri,
              "file:" + file.toUri().getRawPath(),
              "file://localhost" + file.toUri().getRawPath())) {
        String location = Locations.normalize(typed);
        assertThat(location).as(typed).isEqualTo(expected);
        assertThat(new String(storage.read(location), "UTF-8")).as(typed).isEqualTo(name);
        assertThat(storage.status(location)).as(typed).isPresent();
      }
      String base = Locations.normalize(folder.toString());
      assertThat(Locations.resolve(base, name)).as("relative " + name).isEqualTo(expected);
      assertThat(Locations.resolve(base + "/", "./" + name)).isEqualTo(expected);
      assertThat(Locations.of(Locations.hadoopPath(expected))).isEqualTo(expected);
      assertThat(Locations.localFile(expected)).contains(file);
    }
  }

  @Test
  void aLocationHlsforgePrintedReadsBackAsTheSameFile(@TempDir Path dir) throws Exception {
    // Printed locations keep '#', '?' and '%' as they are; typed back, they name the same file.
    for (String name : List.of("a#1.mp4", "why?.mp4", "100% [x].mp4")) {
      Path file = Files.writeString(dir.resolve(name), name);
      String printed = "file://" + file;
      assertThat(Locations.normalize(printed)).isEqualTo(printed);
      assertThat(Locations.localFile(Locations.normalize(printed))).contains(file);
    }
  }

  @Test
  void otherFileSystemsKeepTheirPathAsWritten() {
    assertThat(Locations.normalize("HDFS://nn//media/./a/../Season 1/"))
        .as("normalised as Hadoop opens it")
        .isEqualTo("hdfs://nn/media/Season 1");
    assertThat(Locations.normalize("hdfs://nn:8020/media/Season 1/a%20b.mp4"))
        .isEqualTo("hdfs://nn:8020/media/Season 1/a%20b.mp4");
    assertThat(Locations.resolve("s3a://bucket/cat", "../Season 1/a#1.mp4"))
        .isEqualTo("s3a://bucket/Season 1/a#1.mp4");
    assertThat(Locations.resolve("hdfs://nn/cat/", "/abs/x.mp4"))
        .as("an absolute plain path is a local file")
        .isEqualTo("file:///abs/x.mp4");
    org.apache.hadoop.fs.Path p = Locations.hadoopPath("hdfs://nn:8020/media/a b#1?.mp4");
    assertThat(p.toUri().getAuthority()).isEqualTo("nn:8020");
    assertThat(p.toUri().getPath()).isEqualTo("/media/a b#1?.mp4");
    assertThat(Locations.parts("s3://cdn-origin/vod/my folder"))
        .isEqualTo(new Locations.Parts("s3", "cdn-origin", "/vod/my folder"));
  }

  @Test
  void fileUrisNamingAnotherHostAreRefused() {
    assertThatThrownBy(() -> Locations.normalize("file://server/share/a.mp4"))
        .hasMessageContaining("server");
    assertThatThrownBy(() -> Locations.normalize(" ")).hasMessageContaining("empty");
  }

  @Test
  void globCharactersAreEscapedForReadersThatExpandThem() {
    assertThat(Locations.globLiteral("file:///out [1]/why?/{a,b}*"))
        .isEqualTo("file:///out \\[1\\]/why\\?/\\{a,b\\}\\*");
  }

  @Test
  void playlistReferencesResolveAgainstALocationAsAPlayerWould() {
    // The reference is a URI (percent-encoded); the result is a location (literal characters).
    assertThat(Locations.resolveReference("file:///hls/a #1 [x]/master.m3u8", "e1/seg%2001.ts"))
        .contains("file:///hls/a #1 [x]/e1/seg 01.ts");
    assertThat(Locations.resolveReference("hdfs://nn/hls/100%/master.m3u8", "../x/index.m3u8"))
        .contains("hdfs://nn/hls/x/index.m3u8");
    assertThat(Locations.resolveReference("file:///a/master.m3u8", "seg[1].ts")).isEmpty();
  }
}
