package io.hlsforge.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Catalogue rows as spreadsheets and scripts write them. Expected line numbers are counted by hand
 * from the text in each test.
 */
class CatalogueRowReaderTest {
  private static final String CSV = "file:///cat/nightly.csv";
  private static final String JSONL = "file:///cat/nightly.jsonl";

  private static List<CatalogueEntry> read(CatalogueFormat format, String catalogue, String text)
      throws Exception {
    List<CatalogueEntry> out = new ArrayList<>();
    try (CatalogueRowReader r =
        CatalogueRowReader.open(format, catalogue, new StringReader(text))) {
      r.forEachRemaining(l -> out.add(CatalogueEntries.from(l, catalogue)));
    }
    return out;
  }

  @Test
  void aSpreadsheetExportWithBomCrlfAndQuotedFieldsReadsAsWritten() throws Exception {
    List<CatalogueEntry> rows =
        read(
            CatalogueFormat.CSV,
            CSV,
            "\uFEFFasset_id,source_uri,title,audio\r\n"
                + "a,/m/a.mp4,\"Hello, \"\"World\"\"\",\"eng,spa\"\r\n"
                + "\r\n"
                + "b,Season 1/b.mp4,\"two\r\nlines\",\r\n"
                + "c,file:///m/c%20d.mp4,,\r\n");
    assertThat(rows).allMatch(CatalogueEntry::isValid);
    assertThat(rows)
        .containsExactly(
            new CatalogueEntry("a", "file:///m/a.mp4", "Hello, \"World\"", "eng,spa", null),
            new CatalogueEntry("b", "file:///cat/Season 1/b.mp4", "two\nlines", null, null),
            new CatalogueEntry("c", "file:///m/c d.mp4", "c", null, null));
  }

  @Test
  void eachMalformedRowIsOneProblemWithItsLineAndTheRestGoesOn() throws Exception {
    List<CatalogueEntry> rows =
        read(
            CatalogueFormat.CSV,
            CSV,
            String.join(
                "\n",
                "asset_id,source_uri,title", // 1
                "ok1,/m/1.mp4,One", // 2
                "wide,/m/2.mp4,Two, the sequel", // 3: an unquoted comma
                "narrow,/m/3.mp4", // 4
                "stray,/m/4.mp4,\"Four", // 5: a quote never closed
                "ok2,/m/5.mp4,Five", // 6
                "after,/m/6.mp4,\"Six\" extra", // 7
                ",/m/7.mp4,No id", // 8
                "nosource,,No source", // 9
                "nul\u0000byte,/m/8.mp4,Kept for the id check", // 10
                "ok3,/m/9.mp4,\"Nine, \"\"quoted\"\"\"", // 11
                ""));
    assertThat(rows.stream().filter(CatalogueEntry::isValid).map(CatalogueEntry::assetId))
        .containsExactly("ok1", "ok2", "nul\u0000byte", "ok3");
    assertThat(rows.stream().filter(e -> !e.isValid()).map(e -> e.problem().message()))
        .containsExactly(
            "nightly.csv line 3: 4 fields where the header has 3 (is a field with a comma not in"
                + " double quotes?)",
            "nightly.csv line 4: 2 fields where the header has 3",
            "nightly.csv line 5: the double quote that opens field 3 is never closed",
            "nightly.csv line 7: text after the closing double quote of field 3",
            "nightly.csv line 8: no asset_id",
            "nightly.csv line 9: no source_uri for asset nosource");
    CatalogueEntry wide = rows.get(1);
    assertThat(wide.assetId()).as("the id is kept when it could be read").isEqualTo("wide");
    assertThat(wide.sourceUri()).as("the failure names the catalogue").isEqualTo(CSV);
  }

  @Test
  void aStrayQuoteDoesNotSwallowTheRowsAfterIt() throws Exception {
    // The quote that opens field 3 on line 2 would close on line 4, and what that joins is not a
    // row: the quote is a stray one, and lines 3 and 4 are rows of their own.
    List<CatalogueEntry> rows =
        read(
            CatalogueFormat.CSV,
            CSV,
            "asset_id,source_uri,title\n"
                + "a,/m/a.mp4,\"Five screen\n"
                + "b,/m/b.mp4,B\n"
                + "c,/m/c.mp4,\"C\"\n");
    assertThat(rows.stream().filter(CatalogueEntry::isValid).map(CatalogueEntry::assetId))
        .containsExactly("b", "c");
    assertThat(rows.get(0).problem().message())
        .isEqualTo("nightly.csv line 2: the double quote that opens field 3 is never closed");
  }

  @Test
  void jsonLinesRowsAreCheckedOneByOne() throws Exception {
    List<CatalogueEntry> rows =
        read(
            CatalogueFormat.JSON_LINES,
            JSONL,
            String.join(
                "\n",
                "\uFEFF{\"asset_id\":\"a\",\"source_uri\":\"hdfs://nn/a b.mp4\",\"title\":\"A\"}", // 1
                "{\"asset_id\":\"b\",\"source_uri\":\"/m/b.mp4\",", // 2: cut short
                "", // 3
                "[1,2]", // 4
                "{\"asset_id\":\"c\",\"source_uri\":\"/m/c.mp4\",\"audio\":[\"eng\"]}", // 5
                "{\"asset_id\":7,\"source_uri\":\"rel/d.mp4\",\"extra\":{\"x\":1}}", // 6
                "{\"source_uri\":\"/m/e.mp4\"}")); // 7
    assertThat(rows.stream().filter(CatalogueEntry::isValid))
        .containsExactly(
            new CatalogueEntry("a", "hdfs://nn/a b.mp4", "A"),
            new CatalogueEntry("7", "file:///cat/rel/d.mp4", "7"));
    assertThat(rows.stream().filter(e -> !e.isValid()).map(e -> e.problem().message()))
        .hasSize(4)
        .satisfiesExactly(
            m -> assertThat(m).startsWith("nightly.jsonl line 2: not valid JSON: "),
            m -> assertThat(m).isEqualTo("nightly.jsonl line 4: not a JSON object"),
            m -> assertThat(m).isEqualTo("nightly.jsonl line 5: audio is an array, not a string"),
            m -> assertThat(m).isEqualTo("nightly.jsonl line 7: no asset_id"));
  }

  @Test
  void aFileThatCannotBeReadAtAllSaysWhy() {
    assertThatThrownBy(() -> read(CatalogueFormat.CSV, CSV, "\uFEFF\n  \n"))
        .isInstanceOf(UnreadableCatalogueException.class)
        .hasMessage("Cannot read catalogue " + CSV + ": it is empty");
    assertThatThrownBy(() -> read(CatalogueFormat.CSV, CSV, "a,/m/a.mp4\nb,/m/b.mp4\n"))
        .isInstanceOf(UnreadableCatalogueException.class)
        .hasMessageContaining("not a header with the columns asset_id and source_uri")
        .hasMessageContaining("'a,/m/a.mp4'");
    assertThatThrownBy(() -> read(CatalogueFormat.JSON_LINES, JSONL, ""))
        .hasMessageEndingWith("it is empty");
    assertThatThrownBy(() -> read(CatalogueFormat.JSON_LINES, JSONL, "[{\"asset_id\":\"a\"}]\n"))
        .hasMessageContaining("a JSON array");
    assertThatThrownBy(
            () -> read(CatalogueFormat.JSON_LINES, JSONL, "{\n  \"asset_id\": \"a\"\n}\n"))
        .hasMessageContaining("an object spans several lines");
    assertThatThrownBy(
            () -> read(CatalogueFormat.JSON_LINES, JSONL, "{\"id\":\"a\",\"path\":\"/a.mp4\"}\n"))
        .isInstanceOf(UnreadableCatalogueException.class)
        .hasMessageEndingWith(
            "its first object (line 1) has neither asset_id nor source_uri; found [id, path]");
    assertThatThrownBy(() -> CatalogueFormat.of("file:///cat/list.txt"))
        .isInstanceOf(UnreadableCatalogueException.class)
        .hasMessageContaining("list.txt: unknown format");
  }

  @Test
  void emptySpreadsheetRowsAreSkippedAndALineBreakInALocationIsAStrayQuote() throws Exception {
    // A line break inside a title is legal CSV (a multi-line cell), inside a location it is not:
    // the quote on line 4 is a stray one, and line 5 is read as a row of its own.
    List<CatalogueEntry> rows =
        read(
            CatalogueFormat.CSV,
            CSV,
            "asset_id,source_uri,title\n"
                + ",,\n" // 2: an empty spreadsheet row
                + "a,/m/a.mp4,\"two\nlines\"\n" // 3-4: a multi-line title
                + "c,\"/m/c\nd.mp4\",C\n"); // 5-6: a line break inside a location
    assertThat(rows.stream().map(e -> e.isValid() ? e.assetId() : e.problem().message()))
        .containsExactly(
            "a",
            "nightly.csv line 5: the double quote that opens field 2 is never closed",
            "nightly.csv line 6: 2 fields where the header has 3");
    assertThat(rows.get(0).title()).isEqualTo("two\nlines");
  }

  @Test
  void twoObjectsOnOneJsonLineAreAProblemNotOneRow() throws Exception {
    List<CatalogueEntry> rows =
        read(
            CatalogueFormat.JSON_LINES,
            JSONL,
            "{\"asset_id\":\"a\",\"source_uri\":\"/a.mp4\"}{\"asset_id\":\"b\",\"source_uri\":\"/b.mp4\"}\n");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).problem().message()).startsWith("nightly.jsonl line 1: not valid JSON");
  }

  @Test
  void aSubtitleLocationThatCannotBeUsedMakesTheRowInvalid() throws Exception {
    List<CatalogueEntry> rows =
        read(
            CatalogueFormat.CSV,
            CSV,
            "asset_id,source_uri,subtitles\na,/m/a.mp4,fr=file://server/share/a.fr.srt\n");
    assertThat(rows.get(0).problem().message())
        .startsWith("nightly.csv line 2: subtitles: ")
        .contains("server");
  }

  @Test
  void aHeaderOnlyCsvIsAnEmptyCatalogueNotAnError() throws Exception {
    assertThat(read(CatalogueFormat.CSV, CSV, "asset_id,source_uri\n")).isEmpty();
  }
}
