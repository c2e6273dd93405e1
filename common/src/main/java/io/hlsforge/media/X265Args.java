package io.hlsforge.media;

import java.util.List;

/** The HEVC encoder (libx265) of one output stream, and its private options. */
final class X265Args {
  private X265Args() {}

  /** hvc1: parameter sets in the sample entry, as Apple requires for HEVC in fMP4. */
  static List<String> stream(int i) {
    return List.of("-c:v:" + i, "libx265", "-tag:v:" + i, "hvc1", "-profile:v:" + i, "main");
  }

  /**
   * x265's own options, given once for all its streams: no scene-cut keyframes and closed GOPs (so
   * every forced keyframe is an IDR a segment can start on), and only errors on stderr.
   */
  static List<String> params() {
    return List.of("-x265-params", "scenecut=0:open-gop=0:log-level=error");
  }
}
