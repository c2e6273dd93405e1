package io.hlsforge.catalogue;

import java.io.Serializable;

/**
 * One row of the catalogue: what to package and where it lives. {@code audioSelection} is the
 * optional {@code audio} column (which audio tracks to keep), {@code subtitles} the optional {@code
 * subtitles} column (sidecar files as {@code language=location} pairs); both null when absent
 * (docs/tracks.md). A row that could not be read carries its {@code problem} (else null): it
 * becomes a {@code CATALOGUE_INVALID} failure, and its {@code sourceUri} is the catalogue's
 * location.
 */
public record CatalogueEntry(
    String assetId,
    String sourceUri,
    String title,
    String audioSelection,
    String subtitles,
    CatalogueProblem problem)
    implements Serializable {

  public CatalogueEntry(
      String assetId, String sourceUri, String title, String audioSelection, String subtitles) {
    this(assetId, sourceUri, title, audioSelection, subtitles, null);
  }

  public CatalogueEntry(String assetId, String sourceUri, String title) {
    this(assetId, sourceUri, title, null, null, null);
  }

  /** A row that cannot be used; {@code assetId} is what the row said, if anything. */
  public static CatalogueEntry invalid(String assetId, CatalogueProblem problem) {
    return new CatalogueEntry(
        assetId == null ? "" : assetId, problem.catalogue(), null, null, null, problem);
  }

  public boolean isValid() {
    return problem == null;
  }
}
