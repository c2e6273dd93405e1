package io.hlsforge.inspect;

/**
 * One ISO BMFF box (ISO/IEC 14496-12 §4.2) as found in a byte array: its four-character type, its
 * first byte, the first byte after its header, and its end (exclusive).
 */
record Mp4Box(String type, int start, int payload, int end) {
  /** The box's payload as a bounds-checked window. */
  ByteWindow content(byte[] b) {
    return new ByteWindow(b, payload, end, "box '" + type + "' at byte " + start);
  }

  /** The payload of a full box after its version and flags. */
  int afterVersionAndFlags() {
    return payload + 4;
  }
}
