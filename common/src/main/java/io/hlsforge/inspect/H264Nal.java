package io.hlsforge.inspect;

/**
 * Walks the Annex-B byte stream of one H.264 access unit (ITU-T H.264 Annex B): start codes, NAL
 * unit types, the SPS header. Reads only inside the array it is given.
 */
final class H264Nal {
  static final int TYPE_NON_IDR_SLICE = 1;
  static final int TYPE_IDR_SLICE = 5;
  static final int TYPE_SPS = 7;

  private H264Nal() {}

  /** True when the first coded slice is an IDR (nal_unit_type 5). */
  static boolean firstSliceIsIdr(byte[] es) {
    for (int i = nextNal(es, 0); i >= 0 && i < es.length; i = nextNal(es, i)) {
      int type = es[i] & 0x1f;
      if (type == TYPE_IDR_SLICE) {
        return true;
      }
      if (type == TYPE_NON_IDR_SLICE) {
        return false;
      }
    }
    return false;
  }

  /** The header of the first SPS, or null when the access unit carries none. */
  static SpsHeader sps(byte[] es) {
    for (int i = nextNal(es, 0); i >= 0 && i < es.length; i = nextNal(es, i)) {
      if ((es[i] & 0x1f) == TYPE_SPS && i + 3 < es.length) {
        return new SpsHeader(es[i + 1] & 0xff, es[i + 2] & 0xff, es[i + 3] & 0xff);
      }
    }
    return null;
  }

  /**
   * The bit depth and transfer characteristics of the first SPS, or null when the access unit
   * carries none (or one too short to say).
   */
  static VideoSignal signal(byte[] es) {
    for (int i = nextNal(es, 0); i >= 0 && i < es.length; i = nextNal(es, i)) {
      if ((es[i] & 0x1f) == TYPE_SPS) {
        int next = nextNal(es, i);
        int end = next < 0 ? es.length : next - 3;
        try {
          return H264Sps.parse(es, i, end);
        } catch (MalformedMediaException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** Index of the NAL header byte after the next 00 00 01 start code at or after {@code from}. */
  static int nextNal(byte[] es, int from) {
    for (int i = from; i + 3 < es.length; i++) {
      if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1) {
        return i + 3;
      }
    }
    return -1;
  }
}
