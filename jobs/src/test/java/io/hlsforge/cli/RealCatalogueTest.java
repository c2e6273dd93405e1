package io.hlsforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalogues as people write them, through the command line: file names with every character that
 * needs escaping in a URI, given as absolute and relative paths and as percent-encoded file: URIs,
 * next to malformed rows; output and hosting under folders with such names too. The oracles are the
 * JDK's URI encoder, the file system and line numbers counted as the catalogue is written.
 */
class RealCatalogueTest {
  /** One name per character; the last has all of them. */
  private static final List<String> NAMES =
      List.of(
          "a b",
          "a#b",
          "100%",
          "a%20b",
          "why?",
          "[1] x",
          "it's",
          "a,b",
          "Grüße",
          "日本",
          "Interview: part 1",
          "all # % ? [1] ' , ü 日本");

  @TempDir static Path work;
  static Path media;
  static Path clip;

  @BeforeAll
  static void media() throws Exception {
    LoopbackSpark.set();
    media = Files.createDirectories(work.resolve("Season 1 #2 [x]"));
    clip = SampleMedia.testCard(work.resolve("clip.mp4"), 160, 90, "25", 1);
    for (String name : NAMES) {
      Files.copy(clip, media.resolve(name + ".mp4"));
    }
  }

  @AfterAll
  static void clearSparkProperties() {
    LoopbackSpark.clear();
  }

  /** A CSV field, quoted as a spreadsheet quotes it. */
  private static String csv(String field) {
    return field.contains(",") || field.contains("\"")
        ? "\"" + field.replace("\"", "\"\"") + "\""
        : field;
  }

  private static List<String> settings() {
    return List.of(
        "--master",
        "local[2]",
        "--set",
        "hlsforge.segment-seconds=2",
        "--set",
        "hlsforge.video.preset=ultrafast",
        "--set",
        "hlsforge.max-failure-ratio=1.0",
        "--set",
        "hlsforge.ladder=[{name = 90p, height = 90, video-kbps = 150}]");
  }

  private static CliRun cli(String command, List<String> args) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(args);
    all.addAll(settings());
    return CliRun.of(all.toArray(String[]::new));
  }

  /** {@code hlsforge run} of a catalogue, publishing to {@code hosting}. */
  private static CliRun run(Path catalogue, Path output, Path hosting, String runId) {
    return cli(
        "run",
        List.of(
            "--catalogue",
            catalogue.toString(),
            "--output",
            output.toString(),
            "--hosting",
            hosting.toString(),
            "--run-id",
            runId));
  }

  private static List<Row> table(Path output, String table) {
    // Spark's file sources expand globs: the brackets in the folder name are escaped by hand.
    String path = output.resolve("manifests").resolve(table).toString();
    return SparkSession.builder()
        .master("local[1]")
        .getOrCreate()
        .read()
        .parquet(path.replace("[", "\\[").replace("]", "\\]").replace("?", "\\?"))
        .collectAsList();
  }

  @Test
  void everyNameAsAbsoluteRelativeAndFileUriIsFoundAndProbed() throws Exception {
    Map<String, Path> expected = new LinkedHashMap<>();
    int last = NAMES.size() - 1;
    // Subtitle files with such names too: one next to the source, one named in the catalogue.
    Path nextToSource =
        Files.writeString(
            media.resolve(NAMES.get(last) + ".en.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHi\n");
    Path named =
        Files.writeString(
            Files.createDirectories(media.resolve("Subs #1 [x]")).resolve("Grüße ü.fr.vtt"),
            "WEBVTT\n\n00:00.000 --> 00:01.000\nSalut\n");
    StringBuilder rows = new StringBuilder("asset_id,source_uri,subtitles\n");
    for (int i = 0; i < NAMES.size(); i++) {
      Path file = media.resolve(NAMES.get(i) + ".mp4");
      String subtitles = i == last ? "fr=Subs #1 [x]/Grüße ü.fr.vtt" : "";
      rows.append("abs-" + i + ",").append(csv(file.toString())).append(",").append(subtitles);
      rows.append("\nrel-" + i + ",").append(csv(NAMES.get(i) + ".mp4")).append(",\n");
      // java.net.URI percent-encodes what RFC 3986 does not allow: what "copy link" gives.
      rows.append("uri-" + i + ",").append(csv(file.toUri().toString())).append(",\n");
      expected.put("abs-" + i, file);
      expected.put("rel-" + i, file);
      expected.put("uri-" + i, file);
    }
    Path catalogue = Files.writeString(media.resolve("catalogue.csv"), rows.toString());
    Path output = work.resolve("probe out ü [1]");
    CliRun r =
        cli(
            "probe",
            List.of(
                "--catalogue",
                catalogue.toString(),
                "--output",
                output.toString(),
                "--run-id",
                "p1"));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(table(output, "failures")).isEmpty();
    List<Row> probes = table(output, "probes");
    Map<String, String> sources =
        probes.stream()
            .collect(
                Collectors.toMap(
                    row -> row.getString(row.fieldIndex("asset_id")),
                    row -> row.getString(row.fieldIndex("source_uri"))));
    assertThat(sources.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (id, file) ->
            assertThat(sources.get(id))
                .as(id + ": the location keeps the file's own characters")
                .isEqualTo("file://" + file));
    Map<String, List<String>> sidecars =
        probes.stream()
            .collect(
                Collectors.toMap(
                    row -> row.getString(row.fieldIndex("asset_id")),
                    row ->
                        row.<Row>getList(row.fieldIndex("sidecars")).stream()
                            .map(s -> s.getString(s.fieldIndex("uri")))
                            .toList()));
    assertThat(sidecars.get("abs-" + last))
        .containsExactly("file://" + named, "file://" + nextToSource);
    assertThat(sidecars.get("uri-" + last)).containsExactly("file://" + nextToSource);
    assertThat(sidecars.get("rel-0")).isEmpty();
  }

  @Test
  void aConfigFileWithSuchANameIsReadAsAPathAndAsAFileUri() throws Exception {
    Path config =
        Files.writeString(
            Files.createDirectories(work.resolve("conf #1 [x] ü")).resolve("night's 100%.conf"),
            "hlsforge.segment-seconds = 4\n");
    for (String typed : List.of(config.toString(), config.toUri().toString())) {
      CommonOptions options = new CommonOptions();
      options.config = typed;
      assertThat(JobLauncher.settings(options).segmentSeconds()).as(typed).isEqualTo(4.0);
    }
  }

  @Test
  void aDirectoryWithASpaceIsScannedAsNamed() throws Exception {
    // Names whose derived ids differ (a b, a#b and a,b would all be "a-b": a duplicate id).
    Path folder = Files.createDirectories(work.resolve("To scan 1"));
    List<String> names = List.of("a b.mp4", "why?.mp4", "[1] x.mp4", "Grüße.mp4", "it's.mp4");
    for (String name : names) {
      Files.copy(clip, folder.resolve(name));
    }
    Path output = work.resolve("scan out");
    CliRun r =
        cli(
            "probe",
            List.of(
                "--catalogue", folder.toString(), "--output", output.toString(), "--run-id", "s1"));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(table(output, "failures")).isEmpty();
    assertThat(table(output, "probes"))
        .extracting(row -> row.getString(row.fieldIndex("source_uri")))
        .containsExactlyInAnyOrderElementsOf(
            names.stream().map(n -> "file://" + folder.resolve(n)).toList());
  }

  @Test
  void badRowsAreFailureRowsWithTheirLineAndTheGoodRowsArePublished() throws Exception {
    String all = NAMES.get(NAMES.size() - 1) + ".mp4";
    Path file = media.resolve(all);
    List<String> lines =
        List.of(
            "asset_id,source_uri,title", // line 1
            "good-abs," + csv(file.toString()) + ",Absolute", // 2
            "wide,/media/x.mp4,Two, the sequel", // 3: an unquoted comma
            "good-rel," + csv(all) + ",Relative", // 4
            "stray,/media/y.mp4,\"Never closed", // 5
            ",/media/z.mp4,No id", // 6
            "good-uri," + csv(file.toUri().toString()) + ",\"URI, encoded\"", // 7
            "nosource,,No source"); // 8
    Path catalogue = Files.writeString(media.resolve("mixed.csv"), String.join("\r\n", lines));
    Path output = work.resolve("out #1 100% [a]");
    Path hosting = work.resolve("hosting dir ü 'x'");
    CliRun r = run(catalogue, output, hosting, "r1");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.errHasStackTrace()).as(r.err()).isFalse();

    for (String id : List.of("good-abs", "good-rel", "good-uri")) {
      Path master = hosting.resolve(id).resolve("master.m3u8");
      assertThat(master).as(id).isRegularFile();
      Path playlist =
          master.resolveSibling(
              Files.readAllLines(master).stream()
                  .filter(l -> l.endsWith(".m3u8") && !l.startsWith("#"))
                  .findFirst()
                  .orElseThrow());
      List<String> segments =
          Files.readAllLines(playlist).stream().filter(l -> !l.startsWith("#")).toList();
      assertThat(segments).as(id).isNotEmpty();
      segments.forEach(s -> assertThat(playlist.resolveSibling(s)).isNotEmptyFile());
    }
    Map<String, String> failures =
        table(output, "failures").stream()
            .collect(
                Collectors.toMap(
                    row -> row.getString(row.fieldIndex("message")),
                    row -> row.getString(row.fieldIndex("reason"))));
    assertThat(failures)
        .containsOnlyKeys(
            "Cannot probe asset 'wide': mixed.csv line 3: 4 fields where the header has 3 (is a"
                + " field with a comma not in double quotes?)",
            "Cannot probe asset 'stray': mixed.csv line 5: the double quote that opens field 3 is"
                + " never closed",
            "Cannot probe a catalogue row: mixed.csv line 6: no asset_id",
            "Cannot probe asset 'nosource': mixed.csv line 8: no source_uri for asset nosource");
    assertThat(failures.values()).containsOnly("CATALOGUE_INVALID");
    assertThat(r.out()).contains("CATALOGUE_INVALID");
  }

  @Test
  void badJsonLinesAreFailureRowsWithTheirLineAndTheGoodLinesArePublished() throws Exception {
    Path file = media.resolve("a b.mp4");
    List<String> lines =
        List.of(
            "{\"asset_id\": \"json-abs\", \"source_uri\": \"" + file + "\"}", // line 1
            "{\"asset_id\": \"cut\", \"source_uri\": \"/m/c.mp4\",", // 2: cut short
            "", // 3: blank, skipped
            "{\"asset_id\": \"json-rel\", \"source_uri\": \"why?.mp4\"}", // 4
            "{\"asset_id\": \"listed\", \"source_uri\": [\"/m/d.mp4\"]}", // 5
            "{\"source_uri\": \"/m/e.mp4\"}", // 6
            "{\"asset_id\": \"none\"}"); // 7
    Path catalogue =
        Files.writeString(media.resolve("mixed #2.jsonl"), String.join("\n", lines) + "\n");
    Path output = work.resolve("json out [2]");
    Path hosting = work.resolve("json hosting 2");
    CliRun r = run(catalogue, output, hosting, "j1");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.errHasStackTrace()).as(r.err()).isFalse();
    for (String id : List.of("json-abs", "json-rel")) {
      assertThat(hosting.resolve(id).resolve("master.m3u8")).as(id).isRegularFile();
    }
    List<Row> failures = table(output, "failures");
    assertThat(failures)
        .extracting(row -> row.getString(row.fieldIndex("reason")))
        .containsOnly("CATALOGUE_INVALID");
    // Jackson's own words follow "not valid JSON: "; the rest is ours.
    assertThat(failures)
        .extracting(row -> row.getString(row.fieldIndex("message")))
        .hasSize(4)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "Cannot probe a catalogue row: mixed #2.jsonl line 2: not valid JSON: "))
        .contains(
            "Cannot probe asset 'listed': mixed #2.jsonl line 5: source_uri is an array, not a"
                + " string",
            "Cannot probe a catalogue row: mixed #2.jsonl line 6: no asset_id",
            "Cannot probe asset 'none': mixed #2.jsonl line 7: no source_uri for asset none");
  }
}
