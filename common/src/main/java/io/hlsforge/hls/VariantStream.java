package io.hlsforge.hls;

/**
 * One EXT-X-STREAM-INF entry. Width/height 0 and frameRate 0 for audio-only variants, which then
 * carry no RESOLUTION or FRAME-RATE; {@code audioGroup} / {@code subtitlesGroup} null when the
 * variant has no such group.
 */
public record VariantStream(
    String uri,
    long bandwidth,
    long averageBandwidth,
    String codecs,
    int width,
    int height,
    double frameRate,
    String audioGroup,
    String subtitlesGroup) {

  public VariantStream(
      String uri,
      long bandwidth,
      long averageBandwidth,
      String codecs,
      int width,
      int height,
      double frameRate,
      String audioGroup) {
    this(uri, bandwidth, averageBandwidth, codecs, width, height, frameRate, audioGroup, null);
  }

  public VariantStream withUri(String u) {
    return new VariantStream(
        u,
        bandwidth,
        averageBandwidth,
        codecs,
        width,
        height,
        frameRate,
        audioGroup,
        subtitlesGroup);
  }
}
