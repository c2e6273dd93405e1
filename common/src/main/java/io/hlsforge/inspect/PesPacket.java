package io.hlsforge.inspect;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * A PES packet (ISO/IEC 13818-1 §2.4.3.6) being reassembled from the TS packets of one PID: where
 * its first TS packet is, its PTS, and its elementary-stream bytes so far.
 */
final class PesPacket {
  static final double CLOCK_HZ = 90000.0;
  private static final int FIXED_HEADER = 9;
  private static final int PTS_BYTES = 5;

  private final long offset;
  private final double pts;
  private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

  private PesPacket(long offset, double pts) {
    this.offset = offset;
    this.pts = pts;
  }

  /** Offset of the TS packet that starts this PES packet. */
  long offset() {
    return offset;
  }

  /** Presentation time in seconds, NaN when the header carries none. */
  double pts() {
    return pts;
  }

  byte[] elementaryStream() {
    return payload.toByteArray();
  }

  /** Appends a continuation packet's payload. */
  void append(byte[] ts, TsPacket packet) {
    payload.write(ts, packet.payloadStart(), packet.payloadEnd() - packet.payloadStart());
  }

  /**
   * Starts a PES packet from the TS packet that begins it (payload_unit_start_indicator set).
   *
   * @throws MalformedMediaException when the start code is missing or the header runs past the
   *     packet
   */
  static PesPacket start(byte[] ts, TsPacket packet) {
    ByteWindow w =
        packet.payload(
            ts,
            () ->
                String.format(
                    Locale.ROOT,
                    "PES header in TS packet at byte %d (PID 0x%x)",
                    packet.offset(),
                    packet.pid()));
    int p = w.start();
    w.require(p, FIXED_HEADER, "PES header");
    if (w.u24(p, "packet_start_code_prefix") != 0x000001) {
      throw w.malformed("no packet_start_code_prefix 00 00 01 at byte " + p);
    }
    int flags = w.u8(p + 7, "PTS_DTS_flags");
    int headerLength = w.u8(p + 8, "PES_header_data_length");
    int data = p + FIXED_HEADER + headerLength;
    if (data > w.end()) {
      throw w.malformed(
          String.format(
              Locale.ROOT,
              "PES_header_data_length %d runs past the end of the packet (byte %d > %d)",
              headerLength,
              data,
              w.end()));
    }
    double pts = Double.NaN;
    if ((flags & 0x80) != 0) {
      if (headerLength < PTS_BYTES) {
        throw w.malformed(
            "PTS_DTS_flags announce a PTS but PES_header_data_length is only " + headerLength);
      }
      pts = decodeTimestamp(ts, p + FIXED_HEADER) / CLOCK_HZ;
    }
    PesPacket pes = new PesPacket(packet.offset(), pts);
    pes.payload.write(ts, data, w.end() - data);
    return pes;
  }

  /**
   * A 33-bit PTS/DTS in its five bytes: 4 prefix bits, bits 32..30, marker, 29..15, marker, 14..0,
   * marker.
   */
  static long decodeTimestamp(byte[] b, int p) {
    return ((long) (b[p] & 0x0e) << 29)
        | ((long) (b[p + 1] & 0xff) << 22)
        | ((long) (b[p + 2] & 0xfe) << 14)
        | ((long) (b[p + 3] & 0xff) << 7)
        | ((b[p + 4] & 0xfe) >> 1);
  }
}
