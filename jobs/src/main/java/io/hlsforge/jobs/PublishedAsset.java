package io.hlsforge.jobs;

import java.io.Serializable;

/**
 * An asset whose playlists are live in the hosting location ({@code skipped}: they already were,
 * unchanged).
 */
public record PublishedAsset(
    String assetId,
    String encodingId,
    String masterUri,
    double durationS,
    int renditions,
    boolean skipped,
    long retriedRequests)
    implements Serializable {}
