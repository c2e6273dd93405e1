package io.hlsforge.config;

import java.io.Serializable;

/** Encoder settings shared by every video rendition. */
public record VideoSpec(
    String codec,
    String preset,
    String profile,
    double keyframeIntervalSeconds,
    double maxrateFactor,
    double bufsizeFactor)
    implements Serializable {}
