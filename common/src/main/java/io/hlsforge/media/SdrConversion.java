package io.hlsforge.media;

import io.hlsforge.model.VideoRange;

/**
 * What makes the picture of an SDR rendition BT.709, whatever the source's colour: PQ and HLG
 * (HDR10, broadcast HDR) are tone-mapped, BT.2020 SDR has its primaries converted, and the frames
 * leave tagged BT.709 (zscale sets their colour description, which the encoder writes into the
 * VUI), so players do not guess. BT.709 and undescribed sources pass untouched and untagged, as
 * before.
 *
 * <p>Tone mapping (the bundled FFmpeg's zimg and tonemap filters): linearise with 100 nits as 1.0,
 * convert the primaries to BT.709 in linear light, compress with Möbius (linear below 30 % of SDR
 * white, so the mid-tones and skin keep their level; highlights roll off towards the mastering
 * peak), then the BT.709 transfer and matrix in limited range. Hable darkens the mid-tones of
 * content graded around 100–200 nits by a third; Möbius keeps their mean level (measured in
 * HdrPipelineTest against the SDR picture the HDR test source was made from).
 */
final class SdrConversion {
  private SdrConversion() {}

  /** The filters (after the frame rate is made constant), or "" when none is needed. */
  static String filter(VideoColour c) {
    if (c.videoRange().isHdr()) {
      String in =
          "tin="
              + (c.videoRange() == VideoRange.PQ ? "smpte2084" : "arib-std-b67")
              + ":pin=bt2020:min="
              + ("bt2020c".equals(c.matrix()) ? "bt2020c" : "bt2020nc")
              + ":rin="
              + ("pc".equals(c.range()) ? "full" : "limited");
      return ",zscale="
          + in
          + ":t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
          + "tonemap=tonemap=mobius:desat=0,zscale=t=bt709:m=bt709:r=limited,format=yuv420p";
    }
    if (c.needsSdrConversion()) {
      return ",zscale=p=bt709:t=bt709:m=bt709:r=limited,format=yuv420p";
    }
    return "";
  }
}
