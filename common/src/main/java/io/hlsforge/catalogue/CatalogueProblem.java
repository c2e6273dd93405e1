package io.hlsforge.catalogue;

import java.io.Serializable;

/**
 * Why one row of a catalogue cannot be used, and where it is: the catalogue's location and the
 * row's first line (0 for a row of a Parquet table, which has no lines).
 */
public record CatalogueProblem(String catalogue, long line, String reason) implements Serializable {
  /** {@code nightly.csv line 7: 4 fields where the header has 3 …}. */
  public String message() {
    String name = catalogue.substring(catalogue.lastIndexOf('/') + 1);
    return (line > 0 ? name + " line " + line : "a row of " + name) + ": " + reason;
  }
}
