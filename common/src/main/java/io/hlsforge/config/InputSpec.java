package io.hlsforge.config;

import java.io.Serializable;

/**
 * What hlsforge accepts from a source before it spends an encoder on it.
 *
 * @param maxWidth frames wider than this are refused at probe time (INPUT_LIMIT_EXCEEDED): a header
 *     can declare any size, and the decoder would allocate it
 * @param maxHeight the same for height
 * @param onCorruption FAIL (the default): a decode or demux error anywhere in the source fails the
 *     asset as INPUT_CORRUPT (ffmpeg {@code -xerror}); CONCEAL: ffmpeg conceals the damage and the
 *     title is packaged with whatever glitches that leaves
 */
public record InputSpec(int maxWidth, int maxHeight, OnCorruption onCorruption)
    implements Serializable {
  public InputSpec {
    if (maxWidth < 16 || maxHeight < 16) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.input.max-width/max-height="
              + maxWidth
              + "x"
              + maxHeight
              + ": must be at least 16");
    }
  }

  /** Whether ffmpeg conceals damage instead of failing the asset. */
  public boolean concealCorruption() {
    return onCorruption == OnCorruption.CONCEAL;
  }
}
