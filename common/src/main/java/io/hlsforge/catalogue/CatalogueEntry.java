package io.hlsforge.catalogue;

import java.io.Serializable;

/** One line of the catalogue: what to package and where it lives. */
public record CatalogueEntry(String assetId, String sourceUri, String title)
    implements Serializable {}
