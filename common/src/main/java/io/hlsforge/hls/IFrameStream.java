package io.hlsforge.hls;

import io.hlsforge.model.VideoRange;

/**
 * One EXT-X-I-FRAME-STREAM-INF entry: the trick-play playlist of a video rendition. {@code
 * videoRange} as on the rendition's EXT-X-STREAM-INF (RFC 8216bis defines every attribute of that
 * tag but FRAME-RATE and the group references for this one too), or null to leave it out.
 */
public record IFrameStream(
    String uri, long bandwidth, String codecs, int width, int height, VideoRange videoRange) {
  public IFrameStream(String uri, long bandwidth, String codecs, int width, int height) {
    this(uri, bandwidth, codecs, width, height, null);
  }
}
