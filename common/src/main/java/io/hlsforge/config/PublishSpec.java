package io.hlsforge.config;

import java.io.Serializable;

/**
 * Publishing: validate-before-publish (strict), cache headers for stores that carry headers, and
 * whether media objects are copied ({@code copyMedia = false} rewrites playlists only, for media
 * that is already at the hosting location).
 */
public record PublishSpec(
    boolean strict,
    String segmentCacheControl,
    String playlistCacheControl,
    String masterCacheControl,
    boolean copyMedia)
    implements Serializable {

  public PublishSpec(
      boolean strict,
      String segmentCacheControl,
      String playlistCacheControl,
      String masterCacheControl) {
    this(strict, segmentCacheControl, playlistCacheControl, masterCacheControl, true);
  }
}
