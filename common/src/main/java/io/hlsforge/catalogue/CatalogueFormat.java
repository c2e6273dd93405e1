package io.hlsforge.catalogue;

import java.util.Locale;

/** The formats of a catalogue file, by its name's extension. */
public enum CatalogueFormat {
  CSV,
  JSON_LINES,
  PARQUET;

  /** The format of a catalogue file; an unknown extension is an unreadable catalogue. */
  public static CatalogueFormat of(String location) {
    String name = location.substring(location.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSON_LINES;
    }
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    throw new UnreadableCatalogueException(
        location,
        "unknown format; expected .csv, .jsonl (.ndjson, .json), .parquet or a directory");
  }
}
