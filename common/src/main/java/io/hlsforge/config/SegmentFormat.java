package io.hlsforge.config;

/** The container of media segments ({@code hlsforge.segment-format}). */
public enum SegmentFormat implements ConfigWord {
  /** MPEG-TS: plays everywhere. */
  TS("ts"),
  /** CMAF fragmented MP4 with an EXT-X-MAP init segment; required for HEVC. */
  FMP4("fmp4");

  private final String word;

  SegmentFormat(String word) {
    this.word = word;
  }

  @Override
  public String word() {
    return word;
  }
}
