package io.hlsforge.config;

import java.io.Serializable;

/** Cache headers for published objects (used by hosting stores that carry headers). */
public record PublishSpec(String segmentCacheControl, String playlistCacheControl, String masterCacheControl)
    implements Serializable {}
