package io.hlsforge.plan;

/**
 * An encoding whose rendition rows are already in the manifests: that asset was packaged with
 * exactly these source bytes, renditions and encoder, so the work need not be done again.
 */
public record CommittedEncoding(String assetId, String encodingId) {}
