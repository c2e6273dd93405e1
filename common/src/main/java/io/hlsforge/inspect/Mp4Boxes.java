package io.hlsforge.inspect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A bounds-checked ISO BMFF box walker. Every box must fit inside its container: a size smaller
 * than the box's header, or one running past the container's end, is a {@link
 * MalformedMediaException} naming the box and the byte, never an out-of-bounds read. A size of 0
 * ("to the end of the file") is allowed only at the top level, where the standard allows it. Fewer
 * than 8 trailing bytes in a container cannot hold a box header and are ignored, as players do.
 */
final class Mp4Boxes {
  private static final int HEADER = 8;
  private static final int LARGE_HEADER = 16;
  private static final Set<String> TOP_LEVEL_TYPES =
      Set.of("ftyp", "styp", "moov", "moof", "sidx", "mdat", "free");

  private Mp4Boxes() {}

  /** True when the bytes start with a box type that begins an init or media segment. */
  static boolean looksLikeMp4(byte[] b) {
    return b.length >= HEADER
        && TOP_LEVEL_TYPES.contains(new String(b, 4, 4, StandardCharsets.ISO_8859_1));
  }

  /** The top-level boxes of a file or segment. */
  static List<Mp4Box> topLevel(byte[] b) {
    return walk(b, 0, b.length, "segment", Placement.TOP_LEVEL);
  }

  /** The boxes inside {@code parent}'s payload. */
  static List<Mp4Box> children(byte[] b, Mp4Box parent) {
    return children(b, parent.payload(), parent.end(), "box '" + parent.type() + "'");
  }

  /** The boxes in {@code [from, to)}, e.g. after a sample entry's fixed fields. */
  static List<Mp4Box> children(byte[] b, int from, int to, String container) {
    return walk(b, from, to, container, Placement.NESTED);
  }

  /** The first child of {@code type}, or null. */
  static Mp4Box first(List<Mp4Box> boxes, String type) {
    for (Mp4Box box : boxes) {
      if (box.type().equals(type)) {
        return box;
      }
    }
    return null;
  }

  /** The first child of {@code type}; fails naming {@code path} when there is none. */
  static Mp4Box require(List<Mp4Box> boxes, String type, String path) {
    Mp4Box box = first(boxes, type);
    if (box == null) {
      throw new MalformedMediaException(
          "Cannot inspect " + path + ": no '" + type + "' box in " + path);
    }
    return box;
  }

  private enum Placement {
    TOP_LEVEL,
    NESTED
  }

  private static List<Mp4Box> walk(byte[] b, int from, int to, String container, Placement where) {
    ByteWindow w = new ByteWindow(b, from, to, container);
    List<Mp4Box> out = new ArrayList<>();
    int p = from;
    while (p + HEADER <= to) {
      long size = w.u32(p, "box size");
      String type = w.fourcc(p + 4, "box type");
      int header = HEADER;
      if (size == 1) {
        size = w.u64(p + HEADER, "largesize of box '" + type + "'");
        header = LARGE_HEADER;
      } else if (size == 0) {
        if (where != Placement.TOP_LEVEL) {
          throw w.malformed(
              String.format(
                  Locale.ROOT,
                  "box '%s' at byte %d has size 0, which only a top-level box may have",
                  type,
                  p));
        }
        size = to - p;
      }
      if (size < header) {
        throw w.malformed(
            String.format(
                Locale.ROOT,
                "box '%s' at byte %d has size %d, smaller than its %d-byte header",
                type,
                p,
                size,
                header));
      }
      if (size > to - p) {
        throw w.malformed(
            String.format(
                Locale.ROOT,
                "box '%s' at byte %d declares %d bytes but the %s ends at byte %d",
                type,
                p,
                size,
                container,
                to));
      }
      out.add(new Mp4Box(type, p, p + header, (int) (p + size)));
      p += (int) size;
    }
    return out;
  }
}
