package io.hlsforge.media;

import io.hlsforge.model.VideoRange;
import java.util.List;

/** The HEVC encoder (libx265) of one output stream, and its private options. */
final class X265Args {
  private static final String SHARED = "scenecut=0:open-gop=0:log-level=error";

  private X265Args() {}

  /** hvc1: parameter sets in the sample entry, as Apple requires for HEVC in fMP4. */
  static List<String> stream(int i) {
    return List.of("-c:v:" + i, "libx265", "-tag:v:" + i, "hvc1", "-profile:v:" + i, "main");
  }

  /**
   * An HDR stream: Main10 from the source's own 10-bit samples (the global {@code -pix_fmt} is
   * 8-bit; this stream's own comes later and wins), hvc1.
   */
  static List<String> hdrStream(int i) {
    return List.of(
        "-c:v:" + i,
        "libx265",
        "-tag:v:" + i,
        "hvc1",
        "-profile:v:" + i,
        "main10",
        "-pix_fmt:v:" + i,
        "yuv420p10le");
  }

  /**
   * An HDR stream's x265 options (its own, after the shared ones, so they win for it): the shared
   * ones plus the colour description written into the VUI (BT.2020, PQ or HLG) and, for PQ, HDR10's
   * static metadata in SEI (mastering display, content light level) with headers on every IDR.
   */
  static List<String> hdrParams(int i, VideoColour c) {
    StringBuilder p =
        new StringBuilder(SHARED)
            .append(":colorprim=bt2020:colormatrix=bt2020nc:transfer=")
            .append(c.videoRange() == VideoRange.PQ ? "smpte2084" : "arib-std-b67")
            .append(":repeat-headers=1");
    if (c.videoRange() == VideoRange.PQ) {
      p.append(":hdr10=1:hdr10-opt=1");
      if (c.hdr().masterDisplay() != null) {
        p.append(":master-display=").append(c.hdr().masterDisplay());
      }
      if (c.hdr().maxCll() != null) {
        p.append(":max-cll=").append(c.hdr().maxCll());
      }
    }
    return List.of("-x265-params:v:" + i, p.toString());
  }

  /**
   * x265's own options, given once for all its streams: no scene-cut keyframes and closed GOPs (so
   * every forced keyframe is an IDR a segment can start on), and only errors on stderr.
   */
  static List<String> params() {
    return List.of("-x265-params", SHARED);
  }
}
