package io.hlsforge.inspect;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds MPEG-TS byte by byte for tests, from ISO/IEC 13818-1 rather than from the reader under
 * test: 188-byte packets with adaptation-field stuffing, PAT and PMT sections with their CRC_32,
 * and PES packets split over as many TS packets as they need.
 */
final class TsBytes {
  static final int PMT_PID = 0x1000;
  static final int VIDEO_PID = 0x100;
  static final int AUDIO_PID = 0x101;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<Integer, Integer> continuity = new HashMap<>();

  int size() {
    return out.size();
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** A PAT with one program (number 1) whose PMT is on {@link #PMT_PID}. */
  TsBytes pat() {
    return psi(0, section(0x00, 1, new byte[] {0x00, 0x01, (byte) (0xE0 | PMT_PID >> 8), 0x00}));
  }

  /** A PMT on {@link #PMT_PID} listing (stream_type, PID) pairs, PCR on the first PID. */
  TsBytes pmt(int... typesAndPids) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int pcr = typesAndPids[1];
    body.write(0xE0 | pcr >> 8);
    body.write(pcr & 0xff);
    body.write(0xF0); // program_info_length 0
    body.write(0x00);
    for (int i = 0; i < typesAndPids.length; i += 2) {
      body.write(typesAndPids[i]);
      body.write(0xE0 | typesAndPids[i + 1] >> 8);
      body.write(typesAndPids[i + 1] & 0xff);
      body.write(0xF0); // ES_info_length 0
      body.write(0x00);
    }
    return psi(PMT_PID, section(0x02, 1, body.toByteArray()));
  }

  /** A PSI packet: pointer_field 0, the section, 0xFF stuffing to the end of the packet. */
  TsBytes psi(int pid, byte[] section) {
    byte[] payload = new byte[184];
    Arrays.fill(payload, (byte) 0xFF);
    payload[0] = 0;
    System.arraycopy(section, 0, payload, 1, section.length);
    return packet(pid, true, payload);
  }

  /**
   * A PES packet with a PTS (PTS_DTS_flags '10', PES_header_data_length 5), split into TS packets;
   * the last is padded with adaptation-field stuffing.
   */
  TsBytes pes(int pid, int streamId, long pts, byte[] es) {
    ByteArrayOutputStream pes = new ByteArrayOutputStream();
    pes.writeBytes(new byte[] {0, 0, 1, (byte) streamId, 0, 0, (byte) 0x80, (byte) 0x80, 5});
    pes.writeBytes(ptsBytes(pts));
    pes.writeBytes(es);
    byte[] all = pes.toByteArray();
    for (int at = 0; at < all.length; at += 184) {
      packet(pid, at == 0, Arrays.copyOfRange(all, at, Math.min(all.length, at + 184)));
    }
    return this;
  }

  /** One packet; a payload shorter than 184 bytes is preceded by adaptation-field stuffing. */
  TsBytes packet(int pid, boolean unitStart, byte[] payload) {
    int cc = continuity.merge(pid, 1, (a, b) -> (a + b) & 0xf);
    byte[] p = new byte[188];
    p[0] = 0x47;
    p[1] = (byte) ((unitStart ? 0x40 : 0) | pid >> 8);
    p[2] = (byte) pid;
    int start = 4;
    if (payload.length < 184) {
      int adaptation = 183 - payload.length; // adaptation_field_length
      p[3] = (byte) (0x30 | cc);
      p[4] = (byte) adaptation;
      if (adaptation > 0) {
        p[5] = 0x00; // no flags
        Arrays.fill(p, 6, 5 + adaptation, (byte) 0xFF);
      }
      start = 5 + adaptation;
    } else {
      p[3] = (byte) (0x10 | cc);
    }
    System.arraycopy(payload, 0, p, start, payload.length);
    out.writeBytes(p);
    return this;
  }

  /**
   * The five PTS bytes of ISO/IEC 13818-1 §2.4.3.7: '0010', PTS[32..30], marker, PTS[29..15],
   * marker, PTS[14..0], marker.
   */
  static byte[] ptsBytes(long pts) {
    return new byte[] {
      (byte) (0x20 | ((pts >> 30) & 0x7) << 1 | 1),
      (byte) (pts >> 22),
      (byte) (((pts >> 15) & 0x7f) << 1 | 1),
      (byte) (pts >> 7),
      (byte) ((pts & 0x7f) << 1 | 1)
    };
  }

  /** A long-form section: table_id, section_length, id, version 0 current, section 0 of 0, CRC. */
  static byte[] section(int tableId, int idExtension, byte[] body) {
    int sectionLength = 5 + body.length + 4;
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.write(tableId);
    s.write(0xB0 | sectionLength >> 8);
    s.write(sectionLength & 0xff);
    s.write(idExtension >> 8);
    s.write(idExtension & 0xff);
    s.write(0xC1); // reserved, version 0, current_next_indicator 1
    s.write(0x00);
    s.write(0x00);
    s.writeBytes(body);
    int crc = crc32Mpeg2(s.toByteArray());
    s.write(crc >>> 24);
    s.write(crc >>> 16);
    s.write(crc >>> 8);
    s.write(crc);
    return s.toByteArray();
  }

  /** CRC-32/MPEG-2: polynomial 0x04C11DB7, initial 0xFFFFFFFF, no reflection, no final xor. */
  static int crc32Mpeg2(byte[] data) {
    int crc = 0xFFFFFFFF;
    for (byte b : data) {
      crc ^= (b & 0xff) << 24;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
      }
    }
    return crc;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
