package io.hlsforge.config;

import java.io.Serializable;

/** CDN invalidation of the stable paths after publishing (CloudFront API). */
public record CdnSpec(boolean invalidate, String distributionId, String pathPrefix, String endpoint)
    implements Serializable {
  public CdnSpec {
    if (invalidate && distributionId.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.cdn.invalidate=true without hlsforge.cdn.distribution-id");
    }
  }
}
