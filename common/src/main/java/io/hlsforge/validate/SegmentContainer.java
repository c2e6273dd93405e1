package io.hlsforge.validate;

/** What a segment's first bytes say it is, which decides how it is inspected. */
enum SegmentContainer {
  /** MPEG-TS: starts with the 0x47 sync byte and holds at least one 188-byte packet. */
  TRANSPORT_STREAM,
  /** An fMP4/CMAF fragment of a playlist with an EXT-X-MAP init segment. */
  FMP4,
  /** Neither: not inspected, and a playlist of such segments needs an EXT-X-MAP (B2). */
  UNRECOGNISED
}
