package io.hlsforge.inspect;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The header of one 188-byte MPEG-TS packet (ISO/IEC 13818-1 §2.4.3.2) and where its payload is.
 *
 * @param offset the packet's first byte (its sync byte) in the segment
 * @param payloadStart first payload byte, after any adaptation field
 * @param payloadEnd end of the packet; {@code payloadStart == payloadEnd} when there is no payload
 */
record TsPacket(int offset, int pid, boolean unitStart, int payloadStart, int payloadEnd) {
  static final int SIZE = 188;
  static final int SYNC = 0x47;
  static final int PAT_PID = 0;

  boolean hasPayload() {
    return payloadStart < payloadEnd;
  }

  /** The payload as a bounds-checked window, named for messages. */
  ByteWindow payload(byte[] ts, String what) {
    return new ByteWindow(ts, payloadStart, payloadEnd, what);
  }

  /** The payload as a bounds-checked window, described only if a message needs it. */
  ByteWindow payload(byte[] ts, Supplier<String> what) {
    return new ByteWindow(ts, payloadStart, payloadEnd, what);
  }

  /**
   * Reads the packet at {@code offset}.
   *
   * @throws MalformedMediaException when the packet is cut short, has lost sync, or its adaptation
   *     field is longer than the packet
   */
  static TsPacket at(byte[] ts, int offset) {
    if (offset + SIZE > ts.length) {
      throw new MalformedMediaException(
          String.format(
              Locale.ROOT,
              "Cannot inspect segment: truncated TS packet at byte %d (%d of %d bytes)",
              offset,
              ts.length - offset,
              SIZE));
    }
    if ((ts[offset] & 0xff) != SYNC) {
      throw new MalformedMediaException("Cannot inspect segment: lost TS sync at byte " + offset);
    }
    int pid = ((ts[offset + 1] & 0x1f) << 8) | (ts[offset + 2] & 0xff);
    boolean unitStart = (ts[offset + 1] & 0x40) != 0;
    int adaptationControl = (ts[offset + 3] >> 4) & 3;
    int end = offset + SIZE;
    int payload = offset + 4;
    // 0 is reserved and 2 is "adaptation field only": neither carries a payload.
    if (adaptationControl == 0 || adaptationControl == 2) {
      return new TsPacket(offset, pid, unitStart, end, end);
    }
    if (adaptationControl == 3) {
      int adaptationLength = ts[offset + 4] & 0xff;
      payload += 1 + adaptationLength;
      if (payload > end) {
        throw new MalformedMediaException(
            String.format(
                Locale.ROOT,
                "Cannot inspect segment: TS packet at byte %d (PID 0x%x) has an"
                    + " adaptation_field_length of %d, past the end of the packet",
                offset,
                pid,
                adaptationLength));
      }
    }
    return new TsPacket(offset, pid, unitStart, payload, end);
  }
}
