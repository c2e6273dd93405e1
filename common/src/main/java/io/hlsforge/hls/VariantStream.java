package io.hlsforge.hls;

import io.hlsforge.model.VideoRange;

/**
 * One EXT-X-STREAM-INF entry. Width/height 0 and frameRate 0 for audio-only variants, which then
 * carry no RESOLUTION or FRAME-RATE; {@code audioGroup} / {@code subtitlesGroup} null when the
 * variant has no such group. {@code videoRange} is VIDEO-RANGE, null for audio-only variants.
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
    String subtitlesGroup,
    VideoRange videoRange) {

  public VariantStream(
      String uri,
      long bandwidth,
      long averageBandwidth,
      String codecs,
      int width,
      int height,
      double frameRate,
      String audioGroup,
      String subtitlesGroup) {
    this(
        uri,
        bandwidth,
        averageBandwidth,
        codecs,
        width,
        height,
        frameRate,
        audioGroup,
        subtitlesGroup,
        null);
  }

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
        subtitlesGroup,
        videoRange);
  }
}
