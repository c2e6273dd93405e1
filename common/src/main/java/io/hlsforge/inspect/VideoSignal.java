package io.hlsforge.inspect;

/**
 * How a video stream's samples are coded, from its own parameter sets: bits per luma sample and the
 * VUI's {@code transfer_characteristics} (ITU-T H.273 Table 3: 1 BT.709, 2 unspecified, 14/15
 * BT.2020, 16 PQ, 18 HLG). What VIDEO-RANGE is checked against.
 *
 * @param codec "avc" or "hevc"
 * @param bitDepth bits per luma sample, 0 when the bytes do not say
 * @param transfer transfer_characteristics, 2 (unspecified) when the stream does not describe it
 */
public record VideoSignal(String codec, int bitDepth, int transfer) {
  public static final int TRANSFER_UNSPECIFIED = 2;
}
