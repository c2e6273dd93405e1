package io.hlsforge.media;

import io.hlsforge.config.InputSpec;

/**
 * Refuses sources whose probed properties are beyond what hlsforge will hand to a decoder. A file's
 * header can declare any frame size; decoding a 16000x16000 frame costs ~400 MB per frame per
 * thread, so such a source fails fast at probe time instead of exhausting an executor.
 */
public final class InputLimits {
  private InputLimits() {}

  /** Checked before anything else about the stream, since nothing else matters if it is refused. */
  public static void checkFrameSize(int width, int height, InputSpec limits) throws MediaException {
    if (width > limits.maxWidth() || height > limits.maxHeight()) {
      throw new MediaException(
          MediaException.Kind.INPUT_LIMIT_EXCEEDED,
          "the video declares "
              + width
              + "x"
              + height
              + " frames; hlsforge.input.max-width/max-height allow up to "
              + limits.maxWidth()
              + "x"
              + limits.maxHeight());
    }
  }
}
