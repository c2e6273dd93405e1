package io.hlsforge.hls;

/**
 * One EXT-X-STREAM-INF entry. Width/height 0 and frameRate 0 for audio-only variants, which then
 * carry no RESOLUTION or FRAME-RATE; {@code audioGroup} null when the variant has no audio group.
 */
public record VariantStream(
    String uri,
    long bandwidth,
    long averageBandwidth,
    String codecs,
    int width,
    int height,
    double frameRate,
    String audioGroup) {}
