package io.hlsforge.inspect;

/**
 * How a video stream's samples are coded, from its own parameter sets: bits per luma sample, the
 * VUI's {@code transfer_characteristics} (ITU-T H.273 Table 3: 1 BT.709, 2 unspecified, 14/15
 * BT.2020, 16 PQ, 18 HLG) and the picture size. What VIDEO-RANGE (and, without ffprobe's second
 * opinion, RESOLUTION) is checked against.
 *
 * @param codec "avc" or "hevc"
 * @param bitDepth bits per luma sample, 0 when the bytes do not say
 * @param transfer transfer_characteristics, 2 (unspecified) when the stream does not describe it
 * @param width displayed picture width in luma samples (after the SPS's cropping), 0 when not read
 * @param height displayed picture height, 0 when not read
 */
public record VideoSignal(String codec, int bitDepth, int transfer, int width, int height) {
  public static final int TRANSFER_UNSPECIFIED = 2;
}
