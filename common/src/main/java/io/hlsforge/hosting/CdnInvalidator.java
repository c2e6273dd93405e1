package io.hlsforge.hosting;

import io.hlsforge.config.CdnSpec;
import io.hlsforge.layout.HostingKey;
import io.hlsforge.layout.HostingLayout;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;

/**
 * Invalidates the stable paths of republished assets in CloudFront, in one batch per publish run:
 * {@link HostingLayout#stableKeys}. Versioned paths are never invalidated — a new encoding gets new
 * URLs.
 */
public final class CdnInvalidator {
  private CdnInvalidator() {}

  /** CDN paths for the stable objects of these assets. Pure. */
  public static List<String> stablePaths(CdnSpec cdn, List<String> assetIds) {
    String prefix = cdn.pathPrefix().replaceAll("/+$", "");
    if (!prefix.isEmpty() && !prefix.startsWith("/")) {
      prefix = "/" + prefix;
    }
    List<String> paths = new ArrayList<>();
    for (HostingKey key : HostingLayout.stableKeys(assetIds)) {
      paths.add(prefix + "/" + key.path());
    }
    return paths;
  }

  /** Sends the invalidation; returns its id. Credentials come from the default AWS chain. */
  public static String invalidate(CdnSpec cdn, List<String> paths, String callerReference) {
    CloudFrontClientBuilder builder =
        CloudFrontClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.AWS_GLOBAL);
    if (!cdn.endpoint().isBlank()) {
      builder.endpointOverride(URI.create(cdn.endpoint()));
    }
    try (CloudFrontClient client = builder.build()) {
      CreateInvalidationResponse r =
          client.createInvalidation(
              b ->
                  b.distributionId(cdn.distributionId())
                      .invalidationBatch(
                          batch ->
                              batch
                                  .callerReference(callerReference)
                                  .paths(p -> p.quantity(paths.size()).items(paths))));
      return r.invalidation().id();
    }
  }
}
