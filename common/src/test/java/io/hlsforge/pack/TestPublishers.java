package io.hlsforge.pack;

import io.hlsforge.config.PublishMedia;
import io.hlsforge.config.PublishSpec;
import io.hlsforge.hosting.FileSystemHostingStore;
import io.hlsforge.storage.HadoopStorage;

/** Publishers to a local directory (whose web server would set the headers), as tests need them. */
public final class TestPublishers {
  private TestPublishers() {}

  /** Validates first and refuses an invalid package, as {@code publish.strict = true} does. */
  public static AssetPublisher strict(HadoopStorage storage, String hostingUri) {
    return publisher(storage, hostingUri, true);
  }

  /** Publishes whatever the package is, as {@code publish.strict = false} does. */
  public static AssetPublisher lenient(HadoopStorage storage, String hostingUri) {
    return publisher(storage, hostingUri, false);
  }

  private static AssetPublisher publisher(
      HadoopStorage storage, String hostingUri, boolean strict) {
    return new AssetPublisher(
        storage,
        new FileSystemHostingStore(storage, hostingUri),
        new PublishSpec(strict, false, "", "", "", PublishMedia.COPY, 10_000));
  }
}
