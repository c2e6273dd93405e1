package io.hlsforge.config;

import java.io.Serializable;

/**
 * Publishing: validate-before-publish (strict), cache headers for stores that carry headers, and
 * whether media objects are copied ({@link PublishMedia#SKIP} rewrites playlists only, for media
 * that is already at the hosting location).
 */
public record PublishSpec(
    boolean strict,
    String segmentCacheControl,
    String playlistCacheControl,
    String masterCacheControl,
    PublishMedia media)
    implements Serializable {}
