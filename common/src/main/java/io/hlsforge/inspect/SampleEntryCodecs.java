package io.hlsforge.inspect;

import java.util.Locale;

/**
 * RFC 6381 codec strings from the configuration boxes of an fMP4 sample entry: avcC (ISO/IEC
 * 14496-15 §5.3.3.1), hvcC (§8.3.3.1, string per Annex E) and esds (ISO/IEC 14496-1 §7.2.6).
 */
final class SampleEntryCodecs {
  private static final int ES_DESCRIPTOR = 0x03;
  private static final int DECODER_CONFIG_DESCRIPTOR = 0x04;
  private static final int DECODER_SPECIFIC_INFO = 0x05;

  /** objectTypeIndication, streamType, bufferSizeDB, maxBitrate, avgBitrate. */
  private static final int DECODER_CONFIG_FIXED = 13;

  private static final int ESCAPE_OBJECT_TYPE = 31;

  private SampleEntryCodecs() {}

  /** {@code avc1.PPCCLL} (or avc3…) from an avcC's profile, compatibility and level bytes. */
  static String avc(String format, byte[] b, Mp4Box avcC) {
    ByteWindow w = avcC.content(b);
    int p = w.start();
    return String.format(
        Locale.ROOT,
        "%s.%02x%02x%02x",
        format,
        w.u8(p + 1, "AVCProfileIndication"),
        w.u8(p + 2, "profile_compatibility"),
        w.u8(p + 3, "AVCLevelIndication"));
  }

  /**
   * The first SPS of an avcC (after version, profile, compatibility, level, length size and the SPS
   * count: a 16-bit length, then the NAL unit), or null when it cannot be read.
   */
  static VideoSignal avcSignal(byte[] b, Mp4Box avcC) {
    ByteWindow w = avcC.content(b);
    int p = w.start();
    if ((w.u8(p + 5, "numOfSequenceParameterSets") & 0x1f) == 0) {
      return null;
    }
    int length = w.u16(p + 6, "sequenceParameterSetLength");
    w.require(p + 8, length, "sequenceParameterSetNALUnit");
    try {
      return H264Sps.parse(b, p + 8, p + 8 + length);
    } catch (MalformedMediaException e) {
      return null;
    }
  }

  /**
   * An hvcC's bit depth (bitDepthLumaMinus8, byte 17) with the transfer of the sample entry's
   * {@code colr} box when it is of type {@code nclx} (ISO/IEC 14496-12 §12.1.5: primaries,
   * transfer, matrix as 16-bit codes); transfer unspecified without one.
   */
  static VideoSignal hevcSignal(byte[] b, Mp4Box hvcC, Mp4Box colr) {
    ByteWindow w = hvcC.content(b);
    int bitDepth = 8 + (w.u8(w.start() + 17, "bitDepthLumaMinus8") & 0x07);
    int transfer = VideoSignal.TRANSFER_UNSPECIFIED;
    if (colr != null) {
      ByteWindow c = colr.content(b);
      if (c.end() - c.start() >= 10 && "nclx".equals(c.fourcc(c.start(), "colour_type"))) {
        transfer = c.u16(c.start() + 6, "transfer_characteristics");
      }
    }
    // The picture size of an HEVC track is its sample entry's (Mp4Track), not parsed from the SPS.
    return new VideoSignal("hevc", bitDepth, transfer, 0, 0);
  }

  /** {@code hvc1.[space]profile.compat(reversed hex).[LH]level.constraints}, per Annex E. */
  static String hevc(String format, byte[] b, Mp4Box hvcC) {
    ByteWindow w = hvcC.content(b);
    int p = w.start();
    w.require(p, 13, "HEVCDecoderConfigurationRecord");
    int first = w.u8(p + 1, "general_profile_space");
    int space = (first >> 6) & 3;
    boolean highTier = ((first >> 5) & 1) == 1;
    int profile = first & 0x1f;
    long compat = w.u32(p + 2, "general_profile_compatibility_flags");
    long reversed = Long.reverse(compat) >>> 32;
    int level = w.u8(p + 12, "general_level_idc");
    StringBuilder s = new StringBuilder(format).append('.');
    if (space > 0) {
      s.append((char) ('A' + space - 1));
    }
    s.append(profile)
        .append('.')
        .append(Long.toHexString(reversed).toUpperCase(Locale.ROOT))
        .append('.')
        .append(highTier ? 'H' : 'L')
        .append(level);
    int last = 5;
    while (last >= 0 && w.u8(p + 6 + last, "general_constraint_indicator_flags") == 0) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      s.append('.')
          .append(
              Integer.toHexString(w.u8(p + 6 + i, "general_constraint_indicator_flags"))
                  .toUpperCase(Locale.ROOT));
    }
    return s.toString();
  }

  /**
   * The MPEG-4 audio object type in an esds: the first 5 bits (or the 6-bit escape) of its
   * DecoderSpecificInfo (AudioSpecificConfig), or -1 when it has none.
   */
  static int esdsObjectType(byte[] b, Mp4Box esds) {
    ByteWindow w = esds.content(b);
    int p = esds.afterVersionAndFlags();
    while (p < w.end()) {
      int tag = w.u8(p++, "descriptor tag");
      int length = 0;
      for (int i = 0; i < 4; i++) {
        int c = w.u8(p++, "descriptor length");
        length = (length << 7) | (c & 0x7f);
        if ((c & 0x80) == 0) {
          break;
        }
      }
      switch (tag) {
        case ES_DESCRIPTOR -> {
          int flags = w.u8(p + 2, "ES_Descriptor flags");
          p += 3 + ((flags & 0x80) != 0 ? 2 : 0) + ((flags & 0x20) != 0 ? 2 : 0);
          if ((flags & 0x40) != 0) {
            p += 1 + w.u8(p, "URLlength");
          }
        }
        case DECODER_CONFIG_DESCRIPTOR -> p += DECODER_CONFIG_FIXED;
        case DECODER_SPECIFIC_INFO -> {
          int objectType = (w.u8(p, "audioObjectType") >> 3) & 0x1f;
          if (objectType == ESCAPE_OBJECT_TYPE) {
            int escaped = w.u16(p, "audioObjectTypeExt");
            objectType = 32 + ((escaped >> 5) & 0x3f);
          }
          return objectType;
        }
        default -> p += length;
      }
    }
    return -1;
  }
}
