package io.hlsforge.inspect;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A bounds-checked window {@code [start, end)} onto a byte array. Offsets are absolute (bytes from
 * the start of the segment), so an error names the byte where the problem is. Every read names the
 * field it reads: malformed input fails with what and where, never with an
 * ArrayIndexOutOfBoundsException.
 */
final class ByteWindow {
  private final byte[] bytes;
  private final int start;
  private final int end;
  // Worked out only for a message: a segment has thousands of windows and almost never an error.
  private final Supplier<String> what;

  /**
   * @param what what the window holds, for messages: "PMT section", "box 'stsd'"
   */
  ByteWindow(byte[] bytes, int start, int end, String what) {
    this(bytes, start, end, () -> what);
  }

  /**
   * @param what what the window holds, described only when a message needs it
   */
  ByteWindow(byte[] bytes, int start, int end, Supplier<String> what) {
    if (start < 0 || end > bytes.length || start > end) {
      throw new IllegalStateException(
          "window [" + start + ", " + end + ") is outside " + bytes.length + " bytes");
    }
    this.bytes = bytes;
    this.start = start;
    this.end = end;
    this.what = what;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** Fails unless {@code length} bytes from {@code at} lie inside the window. */
  void require(long at, long length, String field) {
    if (at < start || length < 0 || at + length > end) {
      throw malformed(
          String.format(
              Locale.ROOT,
              "%s at byte %d needs %d bytes but the %s ends at byte %d",
              field,
              at,
              length,
              what.get(),
              end));
    }
  }

  int u8(int at, String field) {
    require(at, 1, field);
    return bytes[at] & 0xff;
  }

  int u16(int at, String field) {
    require(at, 2, field);
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }

  int u24(int at, String field) {
    require(at, 3, field);
    return ((bytes[at] & 0xff) << 16) | ((bytes[at + 1] & 0xff) << 8) | (bytes[at + 2] & 0xff);
  }

  long u32(int at, String field) {
    require(at, 4, field);
    return ((long) (bytes[at] & 0xff) << 24)
        | ((bytes[at + 1] & 0xff) << 16)
        | ((bytes[at + 2] & 0xff) << 8)
        | (bytes[at + 3] & 0xff);
  }

  /** An unsigned 64-bit field; values past {@link Long#MAX_VALUE} are malformed here. */
  long u64(int at, String field) {
    long high = u32(at, field);
    long low = u32(at + 4, field);
    if ((high & 0x80000000L) != 0) {
      throw malformed(String.format(Locale.ROOT, "%s at byte %d is too large", field, at));
    }
    return (high << 32) | low;
  }

  String fourcc(int at, String field) {
    require(at, 4, field);
    return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
  }

  MalformedMediaException malformed(String detail) {
    return new MalformedMediaException("Cannot inspect " + what.get() + ": " + detail);
  }
}
