package io.hlsforge.model;

/**
 * The dynamic range of a video rendition, as the master's {@code VIDEO-RANGE} attribute names it
 * (RFC 8216bis §4.4.6.2): SDR, or HDR with the PQ (SMPTE ST 2084, HDR10) or HLG (ARIB STD-B67)
 * transfer function.
 */
public enum VideoRange {
  SDR,
  PQ,
  HLG;

  /** The range a coded transfer characteristic (ffprobe's {@code color_transfer} name) implies. */
  public static VideoRange ofTransfer(String transfer) {
    if (transfer == null) {
      return SDR;
    }
    return switch (transfer) {
      case "smpte2084" -> PQ;
      case "arib-std-b67" -> HLG;
      default -> SDR;
    };
  }

  /**
   * The range of H.264/HEVC VUI {@code transfer_characteristics} (ITU-T H.273 Table 3): 16 is PQ,
   * 18 is HLG, everything else (1 BT.709, 2 unspecified, 6 BT.601, 14/15 BT.2020 SDR, …) SDR.
   */
  public static VideoRange ofTransferCode(int code) {
    return code == 16 ? PQ : code == 18 ? HLG : SDR;
  }

  /** The range a manifest row names ({@code renditions.video_range}); a clear error otherwise. */
  public static VideoRange ofName(String name) {
    for (VideoRange r : values()) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "Cannot read renditions.video_range=" + name + ": use \"SDR\", \"PQ\" or \"HLG\"");
  }

  public boolean isHdr() {
    return this != SDR;
  }
}
