package io.hlsforge.catalogue;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The physical lines of a text file, numbered from 1, without their line ends (LF, CRLF or CR); a
 * byte-order mark at the start is dropped. Lines can be pushed back to be read again, which is how
 * a parser that joined lines into one row gives the lines after the first another chance.
 */
final class NumberedLines implements Closeable {
  record Line(long number, String text) {}

  private final BufferedReader in;
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private long count;

  NumberedLines(Reader reader) {
    this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
  }

  /** The next line, or null at the end of the file. */
  Line next() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pop();
    }
    String text = in.readLine();
    if (text == null) {
      return null;
    }
    count++;
    if (count == 1 && text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new Line(count, text);
  }

  /** The next line that is not blank, or null at the end of the file. */
  Line nextNonBlank() throws IOException {
    Line l = next();
    while (l != null && l.text().isBlank()) {
      l = next();
    }
    return l;
  }

  /** These lines, in this order, are read again before any new one. */
  void pushBack(List<Line> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      pushedBack.push(lines.get(i));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
