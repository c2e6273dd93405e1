package io.hlsforge.catalogue;

import java.io.Serializable;

/**
 * One line of the catalogue: what to package and where it lives. {@code audioSelection} is the
 * optional {@code audio} column (which audio tracks to keep, see docs/tracks.md), null when absent.
 */
public record CatalogueEntry(String assetId, String sourceUri, String title, String audioSelection)
    implements Serializable {

  public CatalogueEntry(String assetId, String sourceUri, String title) {
    this(assetId, sourceUri, title, null);
  }
}
