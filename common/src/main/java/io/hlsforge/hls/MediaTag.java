package io.hlsforge.hls;

import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.RenditionKind;

/**
 * One EXT-X-MEDIA rendition of a group: its TYPE (AUDIO or SUBTITLES), GROUP-ID, the attributes the
 * master writes for it, CHANNELS (audio; 0 writes none) and URI.
 */
public record MediaTag(
    RenditionKind type, String groupId, MediaAttributes media, int channels, String uri) {

  public MediaTag withUri(String u) {
    return new MediaTag(type, groupId, media, channels, u);
  }
}
