package io.hlsforge.config;

import java.io.Serializable;

/**
 * Publishing: validate-before-publish (strict; with ffprobe's second opinion on picture size and
 * frame rate only when {@code ffprobeCrossCheck}), cache headers for stores that carry headers, and
 * whether media objects are copied ({@link PublishMedia#SKIP} rewrites playlists only, for media
 * that is already at the hosting location).
 */
public record PublishSpec(
    boolean strict,
    boolean ffprobeCrossCheck,
    String segmentCacheControl,
    String playlistCacheControl,
    String masterCacheControl,
    PublishMedia media,
    int indexMaxAssets)
    implements Serializable {}
