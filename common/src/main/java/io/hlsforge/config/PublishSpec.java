package io.hlsforge.config;

import java.io.Serializable;

/** Publishing: validate-before-publish (strict) and cache headers for stores that carry headers. */
public record PublishSpec(boolean strict, String segmentCacheControl, String playlistCacheControl, String masterCacheControl)
    implements Serializable {}
