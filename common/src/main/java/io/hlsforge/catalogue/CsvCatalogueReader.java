package io.hlsforge.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV catalogue (RFC 4180, as spreadsheets export it): a header line naming the columns, then one
 * row per asset. Fields are separated by commas; a field in double quotes may hold commas, line
 * breaks and doubled quotes ({@code ""}); CRLF or LF line ends and a byte-order mark are accepted;
 * blank lines are skipped.
 *
 * <p>A row that cannot be read is a {@link CatalogueLine} with its problem, and reading goes on
 * with the next line: a row with more or fewer fields than the header (usually an unquoted comma),
 * text after a closing quote, or a quote that is never closed. A quoted field may span lines; but
 * when joining the following lines does not give a row with the header's number of fields and no
 * line break in its asset_id or source_uri (or reaches {@link #MAX_ROW_LINES} lines or the end of
 * the file), the quote is taken to be a stray one: the row's first line is reported and the lines
 * after it are read again as rows of their own.
 */
final class CsvCatalogueReader extends CatalogueRowReader {
  /** More lines than this in one row is a stray quote, not a long description. */
  static final int MAX_ROW_LINES = 1000;

  private final List<String> header;

  CsvCatalogueReader(String catalogue, Reader reader) {
    super(catalogue, reader);
    Fields h;
    try {
      h = fields(-1);
    } catch (IOException e) {
      throw unreadable(e);
    }
    if (h == null) {
      throw new UnreadableCatalogueException(catalogue, "it is empty");
    }
    if (h.problem() != null) {
      throw new UnreadableCatalogueException(
          catalogue, "its header (line " + h.line() + ") is not valid CSV: " + h.problem());
    }
    header = h.values().stream().map(String::strip).toList();
    if (!header.contains(CatalogueEntries.ASSET_ID)
        || !header.contains(CatalogueEntries.SOURCE_URI)) {
      String found = String.join(",", header);
      throw new UnreadableCatalogueException(
          catalogue,
          "its first line is not a header with the columns asset_id and source_uri (it reads '"
              + (found.length() > 120 ? found.substring(0, 120) + "…" : found)
              + "')");
    }
  }

  @Override
  protected CatalogueLine read() throws IOException {
    Fields f = fields(header.size());
    // A row of empty fields (",,") is how spreadsheets export an empty row: skipped like a blank
    // line.
    while (f != null && f.problem() == null && f.values().stream().allMatch(String::isBlank)) {
      f = fields(header.size());
    }
    if (f == null) {
      return null;
    }
    Map<String, String> cells = new HashMap<>();
    for (int i = 0; i < Math.min(header.size(), f.values().size()); i++) {
      cells.putIfAbsent(header.get(i), f.values().get(i));
    }
    String problem = f.problem();
    if (problem == null && f.values().size() != header.size()) {
      problem =
          f.values().size()
              + " fields where the header has "
              + header.size()
              + (f.values().size() > header.size()
                  ? " (is a field with a comma not in double quotes?)"
                  : "");
    }
    return new CatalogueLine(f.line(), cells, problem);
  }

  /** One row's fields as split, from its first line; null at the end of the file. */
  private record Fields(long line, List<String> values, String problem) {}

  /**
   * The next row, joining lines while a quoted field is open. {@code expected} is the header's
   * number of fields (-1 while reading the header itself).
   */
  private Fields fields(int expected) throws IOException {
    NumberedLines.Line first = lines.nextNonBlank();
    if (first == null) {
      return null;
    }
    List<NumberedLines.Line> taken = new ArrayList<>(List.of(first));
    StringBuilder text = new StringBuilder(first.text());
    while (true) {
      Split s = split(text);
      if (s.openField() < 0) {
        boolean joined = taken.size() > 1;
        if (joined
            && (s.problem() != null
                || (expected >= 0 && s.values().size() != expected)
                || breaksALocationOrId(s.values()))) {
          return stray(first, taken, s.values().size());
        }
        return new Fields(first.number(), s.values(), s.problem());
      }
      NumberedLines.Line more = taken.size() < MAX_ROW_LINES ? lines.next() : null;
      if (more == null) {
        return stray(first, taken, s.openField());
      }
      taken.add(more);
      text.append('\n').append(more.text());
    }
  }

  /** No id or location holds a line break: one that does is a stray quote's doing. */
  private boolean breaksALocationOrId(List<String> values) {
    for (String column : List.of(CatalogueEntries.ASSET_ID, CatalogueEntries.SOURCE_URI)) {
      int i = header.indexOf(column);
      if (i >= 0 && i < values.size() && values.get(i).indexOf('\n') >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The first line of {@code taken} as a row whose quote is never closed; the rest read again. */
  private Fields stray(NumberedLines.Line first, List<NumberedLines.Line> taken, int field) {
    lines.pushBack(taken.subList(1, taken.size()));
    Split alone = split(first.text());
    int open = alone.openField() >= 0 ? alone.openField() : field;
    return new Fields(
        first.number(),
        alone.values(),
        "the double quote that opens field " + (open + 1) + " is never closed");
  }

  /** The fields of a row's text; {@code openField} ≥ 0 when a quoted field runs past its end. */
  record Split(List<String> values, int openField, String problem) {}

  static Split split(CharSequence s) {
    List<String> values = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (true) {
      int j = i;
      while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
        j++;
      }
      if (j < n && s.charAt(j) == '"') {
        StringBuilder v = new StringBuilder();
        i = j + 1;
        while (true) {
          if (i >= n) {
            return new Split(values, values.size(), null);
          }
          char c = s.charAt(i);
          if (c == '"') {
            if (i + 1 < n && s.charAt(i + 1) == '"') {
              v.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          v.append(c);
          i++;
        }
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
          i++;
        }
        values.add(v.toString());
        if (i >= n) {
          return new Split(values, -1, null);
        }
        if (s.charAt(i) != ',') {
          return new Split(
              values, -1, "text after the closing double quote of field " + values.size());
        }
        i++;
      } else {
        int comma = i;
        while (comma < n && s.charAt(comma) != ',') {
          comma++;
        }
        values.add(s.subSequence(i, comma).toString());
        if (comma >= n) {
          return new Split(values, -1, null);
        }
        i = comma + 1;
      }
    }
  }
}
