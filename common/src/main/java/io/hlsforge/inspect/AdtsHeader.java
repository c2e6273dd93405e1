package io.hlsforge.inspect;

/**
 * The fixed and variable header of one ADTS frame (ISO/IEC 13818-7 §6.2 / 14496-3 §1.A.2): the
 * MPEG-4 audio object type (profile + 1), the sample rate, and the frame's length in bytes.
 */
record AdtsHeader(int objectType, int sampleRate, int frameLength) {
  static final int HEADER_BYTES = 7;
  static final int SAMPLES_PER_FRAME = 1024;

  private static final int[] SAMPLE_RATES = {
    96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
  };

  /** The header at {@code i}; a rate index outside the table gives sample rate 0. */
  static AdtsHeader at(byte[] es, int i) {
    int objectType = ((es[i + 2] >> 6) & 0x3) + 1;
    int rateIndex = (es[i + 2] >> 2) & 0xf;
    int length = ((es[i + 3] & 0x03) << 11) | ((es[i + 4] & 0xff) << 3) | ((es[i + 5] & 0xe0) >> 5);
    return new AdtsHeader(
        objectType, rateIndex < SAMPLE_RATES.length ? SAMPLE_RATES[rateIndex] : 0, length);
  }

  /** The first ADTS header in a PES payload, or null. */
  static AdtsHeader first(byte[] es) {
    int i = syncAt(es, 0);
    return i < 0 ? null : at(es, i);
  }

  /** Number of whole ADTS frames in a PES payload, from the first syncword on. */
  static int frames(byte[] es) {
    int frames = 0;
    int i = syncAt(es, 0);
    while (i >= 0 && i + HEADER_BYTES <= es.length) {
      int length = at(es, i).frameLength();
      if (length < HEADER_BYTES || i + length > es.length) {
        break;
      }
      frames++;
      i += length;
    }
    return frames;
  }

  /** The next 12-bit syncword 0xFFF with layer 00 at or after {@code from}, or -1. */
  private static int syncAt(byte[] es, int from) {
    for (int i = from; i + HEADER_BYTES <= es.length; i++) {
      if ((es[i] & 0xff) == 0xff && (es[i + 1] & 0xf6) == 0xf0) {
        return i;
      }
    }
    return -1;
  }
}
