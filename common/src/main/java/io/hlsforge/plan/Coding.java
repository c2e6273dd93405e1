package io.hlsforge.plan;

/** How a planned rendition's media is made from the source. */
public enum Coding {
  /** Decoded and encoded again to the rendition's size and bit rate. */
  ENCODE,
  /** The source's own stream, remuxed without re-encoding (copy mode). */
  COPY
}
