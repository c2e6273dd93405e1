package io.hlsforge.inspect;

/**
 * Counts MPEG-1/2/2.5 audio frames in a PES payload (ISO/IEC 11172-3 §2.4.2.3, 13818-3), sized with
 * the Layer III bitrate tables: what MP3 in MPEG-TS (stream types 0x03/0x04) carries.
 *
 * @param frames whole frames found
 * @param samplesPerFrame 1152 for MPEG-1, 576 for MPEG-2 and 2.5
 * @param sampleRate Hz, 0 when no frame was found
 */
record MpegAudioFrames(int frames, int samplesPerFrame, int sampleRate) {
  /** MPEG-4 audio object type 34: MPEG-1/2 Layer III, so MP3 reads as {@code mp4a.40.34}. */
  static final int OBJECT_TYPE = 34;

  private static final int VERSION_1 = 3;
  private static final int VERSION_2 = 2;
  private static final int VERSION_RESERVED = 1;
  private static final int[] KBPS_V1 = {
    0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320
  };
  private static final int[] KBPS_V2 = {
    0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160
  };
  private static final int[] BASE_RATES = {44100, 48000, 32000};

  /** The frames' total duration in seconds. */
  double seconds() {
    return sampleRate > 0 ? (double) frames * samplesPerFrame / sampleRate : 0;
  }

  /** Scans frame by frame; bytes that are no valid frame header are skipped one at a time. */
  static MpegAudioFrames scan(byte[] es) {
    int frames = 0;
    int samples = 1152;
    int rate = 0;
    int i = 0;
    while (i + 4 <= es.length) {
      if ((es[i] & 0xff) != 0xff || (es[i + 1] & 0xe0) != 0xe0) {
        i++;
        continue;
      }
      int version = (es[i + 1] >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
      int bitrateIndex = (es[i + 2] >> 4) & 0xf;
      int rateIndex = (es[i + 2] >> 2) & 3;
      int padding = (es[i + 2] >> 1) & 1;
      if (version == VERSION_RESERVED
          || bitrateIndex == 0
          || bitrateIndex == 15
          || rateIndex == 3) {
        i++;
        continue;
      }
      int base = BASE_RATES[rateIndex];
      rate = version == VERSION_1 ? base : version == VERSION_2 ? base / 2 : base / 4;
      int kbps = version == VERSION_1 ? KBPS_V1[bitrateIndex] : KBPS_V2[bitrateIndex];
      samples = version == VERSION_1 ? 1152 : 576;
      int length = (samples / 8) * kbps * 1000 / rate + padding;
      if (length <= 4) {
        break;
      }
      frames++;
      i += length;
    }
    return new MpegAudioFrames(frames, samples, rate);
  }
}
