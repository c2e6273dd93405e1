package io.hlsforge.hls;

/** One EXT-X-I-FRAME-STREAM-INF entry: the trick-play playlist of a video rendition. */
public record IFrameStream(String uri, long bandwidth, String codecs, int width, int height) {}
