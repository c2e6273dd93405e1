package io.hlsforge.validate;

/**
 * The picture size and frame rate of a media playlist's video, as one reader saw it: what
 * RESOLUTION, FRAME-RATE (C2) and the no-upscaling rule (S3) are checked against.
 *
 * @param width displayed width in pixels
 * @param height displayed height in pixels
 * @param frameRate frames per second, 0 when the reader could not tell
 * @param reader who read it: {@link Reader#FFPROBE} (an implementation independent of hlsforge's
 *     parsers) or {@link Reader#BITSTREAM} (the segments' own parameter sets and timestamps)
 */
record Picture(int width, int height, double frameRate, Reader reader) {
  enum Reader {
    FFPROBE,
    BITSTREAM
  }
}
