package io.hlsforge.config;

/** The container of media segments ({@code hlsforge.segment-format}). */
public enum SegmentFormat implements ConfigWord {
  /** MPEG-TS: plays everywhere. */
  TS,
  /** CMAF fragmented MP4 with an EXT-X-MAP init segment; required for HEVC. */
  FMP4;
}
