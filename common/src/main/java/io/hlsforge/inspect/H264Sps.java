package io.hlsforge.inspect;

import java.util.Arrays;

/**
 * Reads an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1) as far as the colour description
 * of its VUI (§E.1.1): bit depth, picture size after cropping (§7.4.2.1.1) and transfer
 * characteristics. Stops early, with the transfer unspecified, when the SPS has no VUI or no colour
 * description.
 */
final class H264Sps {
  private H264Sps() {}

  /** profile_idc values whose SPS carries chroma format and bit depth (the High profiles). */
  private static boolean hasChromaInfo(int profile) {
    return switch (profile) {
      case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
      default -> false;
    };
  }

  /**
   * @param nal the SPS NAL unit from its header byte on, emulation prevention bytes included
   * @throws MalformedMediaException when the SPS ends before its colour description
   */
  static VideoSignal parse(byte[] nal, int from, int to) throws MalformedMediaException {
    BitReader r = new BitReader(Rbsp.of(nal, from + 1, to));
    int profile = r.bits(8);
    r.bits(16); // constraint flags, level
    r.ue(); // seq_parameter_set_id
    int bitDepth = 8;
    int chromaFormat = 1;
    boolean separateColourPlanes = false;
    if (hasChromaInfo(profile)) {
      chromaFormat = r.ue();
      if (chromaFormat == 3) {
        separateColourPlanes = r.bits(1) == 1;
      }
      bitDepth = 8 + r.ue();
      r.ue(); // bit_depth_chroma_minus8
      r.bits(1); // qpprime_y_zero_transform_bypass_flag
      if (r.bits(1) == 1) { // seq_scaling_matrix_present_flag
        for (int i = 0; i < (chromaFormat != 3 ? 8 : 12); i++) {
          if (r.bits(1) == 1) {
            skipScalingList(r, i < 6 ? 16 : 64);
          }
        }
      }
    }
    r.ue(); // log2_max_frame_num_minus4
    int pocType = r.ue();
    if (pocType == 0) {
      r.ue();
    } else if (pocType == 1) {
      r.bits(1);
      r.se();
      r.se();
      int cycle = r.ue();
      for (int i = 0; i < cycle; i++) {
        r.se();
      }
    }
    r.ue(); // max_num_ref_frames
    r.bits(1); // gaps_in_frame_num_value_allowed_flag
    int widthInMbs = r.ue() + 1;
    int heightInMapUnits = r.ue() + 1;
    int frameMbsOnly = r.bits(1);
    if (frameMbsOnly == 0) {
      r.bits(1); // mb_adaptive_frame_field_flag
    }
    r.bits(1); // direct_8x8_inference_flag
    int width = widthInMbs * 16;
    int height = (2 - frameMbsOnly) * heightInMapUnits * 16;
    if (r.bits(1) == 1) { // frame_cropping_flag: offsets in units of CropUnitX/Y (7-19 to 7-22)
      int chromaArrayType = separateColourPlanes ? 0 : chromaFormat;
      int cropX = chromaArrayType == 0 || chromaArrayType == 3 ? 1 : 2;
      int cropY = (chromaArrayType == 1 ? 2 : 1) * (2 - frameMbsOnly);
      width -= cropX * (r.ue() + r.ue());
      height -= cropY * (r.ue() + r.ue());
    }
    int transfer = VideoSignal.TRANSFER_UNSPECIFIED;
    if (r.bits(1) == 1) { // vui_parameters_present_flag
      if (r.bits(1) == 1 && r.bits(8) == 255) { // aspect_ratio_info_present, Extended_SAR
        r.bits(32);
      }
      if (r.bits(1) == 1) { // overscan_info_present_flag
        r.bits(1);
      }
      if (r.bits(1) == 1) { // video_signal_type_present_flag
        r.bits(4); // video_format, video_full_range_flag
        if (r.bits(1) == 1) { // colour_description_present_flag
          r.bits(8); // colour_primaries
          transfer = r.bits(8);
        }
      }
    }
    return new VideoSignal("avc", bitDepth, transfer, width, height);
  }

  private static void skipScalingList(BitReader r, int size) throws MalformedMediaException {
    int last = 8;
    int next = 8;
    for (int j = 0; j < size; j++) {
      if (next != 0) {
        next = (last + r.se() + 256) % 256;
      }
      last = next == 0 ? last : next;
    }
  }

  /**
   * The raw byte sequence payload: the NAL unit's bytes without emulation prevention (00 00 03).
   */
  static final class Rbsp {
    private Rbsp() {}

    static byte[] of(byte[] b, int from, int to) {
      byte[] out = new byte[Math.max(0, to - from)];
      int n = 0;
      int zeros = 0;
      for (int i = from; i < to; i++) {
        int v = b[i] & 0xff;
        if (zeros >= 2 && v == 3) {
          zeros = 0;
          continue;
        }
        zeros = v == 0 ? zeros + 1 : 0;
        out[n++] = (byte) v;
      }
      return Arrays.copyOf(out, n);
    }
  }

  /** MSB-first bits and Exp-Golomb codes (§9.1) of an RBSP. */
  static final class BitReader {
    private final byte[] b;
    private long pos;

    BitReader(byte[] b) {
      this.b = b;
    }

    int bits(int n) throws MalformedMediaException {
      long v = 0;
      for (int i = 0; i < n; i++) {
        if (pos >= 8L * b.length) {
          throw new MalformedMediaException("SPS ends early at bit " + pos);
        }
        v = (v << 1) | ((b[(int) (pos >> 3)] >> (7 - (pos & 7))) & 1);
        pos++;
      }
      return (int) v;
    }

    int ue() throws MalformedMediaException {
      int zeros = 0;
      while (bits(1) == 0) {
        if (++zeros > 31) {
          throw new MalformedMediaException("SPS has an Exp-Golomb code over 32 bits");
        }
      }
      return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : bits(zeros)));
    }

    int se() throws MalformedMediaException {
      int k = ue();
      return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }
  }
}
