package io.hlsforge.catalogue;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the rows of a catalogue file in order, one {@link CatalogueLine} each, good or bad. The
 * constructor reads as far as it needs to decide that the file can be read at all and throws {@link
 * UnreadableCatalogueException} when it cannot. A failure to read the bytes themselves is an {@link
 * UncheckedIOException} naming the file: storage trouble, not a bad row.
 */
public abstract class CatalogueRowReader implements Iterator<CatalogueLine>, Closeable {
  protected final String catalogue;
  protected final NumberedLines lines;
  private CatalogueLine next;
  private boolean done;

  protected CatalogueRowReader(String catalogue, Reader reader) {
    this.catalogue = catalogue;
    this.lines = new NumberedLines(reader);
  }

  /** A reader for a CSV or JSON Lines catalogue. */
  public static CatalogueRowReader open(CatalogueFormat format, String catalogue, Reader reader) {
    return switch (format) {
      case CSV -> new CsvCatalogueReader(catalogue, reader);
      case JSON_LINES -> new JsonLinesCatalogueReader(catalogue, reader);
      case PARQUET ->
          throw new IllegalArgumentException("Parquet catalogues are read as tables, not rows");
    };
  }

  /** The next row, or null at the end of the file. */
  protected abstract CatalogueLine read() throws IOException;

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = read();
      } catch (IOException e) {
        throw unreadable(e);
      }
      done = next == null;
    }
    return next != null;
  }

  @Override
  public CatalogueLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CatalogueLine l = next;
    next = null;
    return l;
  }

  protected UncheckedIOException unreadable(IOException e) {
    return new UncheckedIOException(
        "Cannot read catalogue " + catalogue + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
