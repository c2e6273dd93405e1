package io.hlsforge.catalogue;

import java.io.Serializable;

/**
 * One line of the catalogue: what to package and where it lives. {@code audioSelection} is the
 * optional {@code audio} column (which audio tracks to keep), {@code subtitles} the optional {@code
 * subtitles} column (sidecar files as {@code language=location} pairs); both null when absent
 * (docs/tracks.md).
 */
public record CatalogueEntry(
    String assetId, String sourceUri, String title, String audioSelection, String subtitles)
    implements Serializable {

  public CatalogueEntry(String assetId, String sourceUri, String title) {
    this(assetId, sourceUri, title, null, null);
  }
}
