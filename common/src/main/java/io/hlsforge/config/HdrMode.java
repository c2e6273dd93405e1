package io.hlsforge.config;

/** What an HDR (PQ or HLG) source becomes ({@code hlsforge.hdr}). */
public enum HdrMode implements ConfigWord {
  /** The SDR ladder only: tone-mapped to BT.709, {@code VIDEO-RANGE=SDR}; plays everywhere. */
  SDR,
  /**
   * The SDR ladder plus, per rung, an HEVC Main10 rendition that keeps PQ or HLG (and HDR10's
   * mastering metadata), {@code VIDEO-RANGE=PQ|HLG}: HDR screens pick those. Needs fMP4.
   */
  SDR_AND_HDR;
}
