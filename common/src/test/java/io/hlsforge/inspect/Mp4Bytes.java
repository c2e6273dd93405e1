package io.hlsforge.inspect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds ISO BMFF boxes for tests from ISO/IEC 14496-12 and -14/-15, not from the reader. */
final class Mp4Bytes {
  private Mp4Bytes() {}

  static byte[] box(String type, byte[]... children) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] c : children) {
      body.writeBytes(c);
    }
    return ByteBuffer.allocate(8 + body.size())
        .putInt(8 + body.size())
        .put(type.getBytes(StandardCharsets.ISO_8859_1))
        .put(body.toByteArray())
        .array();
  }

  static byte[] fullBox(String type, int version, int flags, byte[]... fields) {
    byte[] vf = ByteBuffer.allocate(4).putInt(version << 24 | flags).array();
    byte[][] all = new byte[fields.length + 1][];
    all[0] = vf;
    System.arraycopy(fields, 0, all, 1, fields.length);
    return box(type, all);
  }

  static byte[] u8(int... v) {
    return TsBytes.bytes(v);
  }

  static byte[] u16(int v) {
    return ByteBuffer.allocate(2).putShort((short) v).array();
  }

  static byte[] u32(long v) {
    return ByteBuffer.allocate(4).putInt((int) v).array();
  }

  static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static byte[] zeros(int n) {
    return new byte[n];
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** mdhd version 0: times, timescale, duration, language 'und', pre_defined. */
  static byte[] mdhd(long timescale) {
    return fullBox("mdhd", 0, 0, u32(0), u32(0), u32(timescale), u32(0), u16(0x55C4), u16(0));
  }

  /** mdhd version 1: 64-bit times and duration. */
  static byte[] mdhdV1(long timescale) {
    return fullBox("mdhd", 1, 0, u64(0), u64(0), u32(timescale), u64(0), u16(0x55C4), u16(0));
  }

  static byte[] hdlr(String handler) {
    return fullBox("hdlr", 0, 0, u32(0), ascii(handler), zeros(12), ascii("Handler\0"));
  }

  /** A one-track init segment around one sample entry. */
  static byte[] init(byte[] mdhd, String handler, byte[] sampleEntry) {
    byte[] stsd = fullBox("stsd", 0, 0, u32(1), sampleEntry);
    return TsBytes.concat(
        box("ftyp", ascii("iso5"), u32(512), ascii("iso6mp41")),
        box(
            "moov",
            box(
                "trak",
                box(
                    "mdia",
                    mdhd,
                    hdlr(handler),
                    box("minf", box("stbl", stsd, fullBox("stts", 0, 0, u32(0))))))));
  }

  /**
   * VisualSampleEntry: reserved, data_reference_index 1, pre_defined/reserved, width, height, 72
   * dpi, frame_count 1, compressorname, depth 0x18, pre_defined -1, then its boxes.
   */
  static byte[] visualEntry(String format, int width, int height, byte[]... boxes) {
    byte[][] all = new byte[boxes.length + 1][];
    all[0] =
        TsBytes.concat(
            zeros(6),
            u16(1),
            zeros(16),
            u16(width),
            u16(height),
            u32(0x00480000),
            u32(0x00480000),
            u32(0),
            u16(1),
            zeros(32),
            u16(0x18),
            u16(0xFFFF));
    System.arraycopy(boxes, 0, all, 1, boxes.length);
    return box(format, all);
  }

  /** AudioSampleEntry version 0: channelcount 2, samplesize 16, samplerate 16.16. */
  static byte[] audioEntry(String format, int sampleRate, byte[]... boxes) {
    byte[][] all = new byte[boxes.length + 1][];
    all[0] =
        TsBytes.concat(
            zeros(6),
            u16(1),
            zeros(8),
            u16(2),
            u16(16),
            u16(0),
            u16(0),
            u32((long) sampleRate << 16));
    System.arraycopy(boxes, 0, all, 1, boxes.length);
    return box(format, all);
  }

  /** An esds whose DecoderSpecificInfo is {@code audioSpecificConfig} (ISO/IEC 14496-1 §7.2.6). */
  static byte[] esds(byte[] audioSpecificConfig) {
    byte[] dsi = TsBytes.concat(u8(0x05, audioSpecificConfig.length), audioSpecificConfig);
    byte[] dcd =
        TsBytes.concat(
            u8(0x04, 13 + dsi.length, 0x40, 0x15), zeros(3), u32(128000), u32(128000), dsi);
    byte[] sl = u8(0x06, 1, 0x02);
    byte[] es = TsBytes.concat(u8(0x03, 3 + dcd.length + sl.length), u16(1), u8(0), dcd, sl);
    return fullBox("esds", 0, 0, es);
  }
}
