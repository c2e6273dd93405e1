package io.hlsforge.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Lines catalogue: one JSON object per line with the same fields as the CSV header; blank
 * lines are skipped. A line that is not a JSON object, or whose known fields are not plain values,
 * is a row with a problem; the next line goes on. A JSON array or a pretty-printed object is not
 * JSON Lines, and the file is unreadable.
 */
final class JsonLinesCatalogueReader extends CatalogueRowReader {
  /** Two objects on one line, or text after one, is not a row: it would silently lose a title. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  JsonLinesCatalogueReader(String catalogue, Reader reader) {
    super(catalogue, reader);
    NumberedLines.Line first;
    try {
      first = lines.nextNonBlank();
    } catch (IOException e) {
      throw unreadable(e);
    }
    if (first == null) {
      throw new UnreadableCatalogueException(catalogue, "it is empty");
    }
    String start = first.text().strip();
    if (start.startsWith("[")) {
      throw new UnreadableCatalogueException(
          catalogue, "it is a JSON array; hlsforge reads JSON Lines, one object per line");
    }
    if (start.equals("{")) {
      throw new UnreadableCatalogueException(
          catalogue,
          "an object spans several lines; hlsforge reads JSON Lines, one object per line");
    }
    // The JSON Lines form of a CSV without a header: objects, but not catalogue rows.
    try {
      JsonNode node = JSON.readTree(first.text());
      if (node != null
          && node.isObject()
          && !node.has(CatalogueEntries.ASSET_ID)
          && !node.has(CatalogueEntries.SOURCE_URI)) {
        throw new UnreadableCatalogueException(
            catalogue,
            "its first object (line "
                + first.number()
                + ") has neither asset_id nor source_uri; found "
                + fieldNames(node));
      }
    } catch (JsonProcessingException e) {
      // A bad first line is a bad row like any other.
    }
    lines.pushBack(List.of(first));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Override
  protected CatalogueLine read() throws IOException {
    NumberedLines.Line l = lines.nextNonBlank();
    if (l == null) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(l.text());
    } catch (JsonProcessingException e) {
      return new CatalogueLine(l.number(), Map.of(), "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return new CatalogueLine(l.number(), Map.of(), "not a JSON object");
    }
    Map<String, String> cells = new HashMap<>();
    String problem = null;
    for (String column : CatalogueEntries.COLUMNS) {
      JsonNode v = node.get(column);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isContainerNode()) {
        problem =
            problem != null
                ? problem
                : column + " is " + (v.isArray() ? "an array" : "an object") + ", not a string";
        continue;
      }
      cells.put(column, v.asText());
    }
    return new CatalogueLine(l.number(), cells, problem);
  }
}
