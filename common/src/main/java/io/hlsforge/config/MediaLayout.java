package io.hlsforge.config;

/** How a rendition's segments become objects ({@code hlsforge.layout}). */
public enum MediaLayout implements ConfigWord {
  /** One object per segment. */
  SEGMENTS("segments"),
  /** All of a rendition's segments in one object, addressed with EXT-X-BYTERANGE. */
  SINGLE_FILE("single-file");

  private final String word;

  MediaLayout(String word) {
    this.word = word;
  }

  @Override
  public String word() {
    return word;
  }
}
