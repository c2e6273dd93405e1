package io.hlsforge.config;

/** How a rendition's segments become objects ({@code hlsforge.layout}). */
public enum MediaLayout implements ConfigWord {
  /** One object per segment. */
  SEGMENTS,
  /** All of a rendition's segments in one object, addressed with EXT-X-BYTERANGE. */
  SINGLE_FILE;
}
