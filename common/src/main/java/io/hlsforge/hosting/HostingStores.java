package io.hlsforge.hosting;

import io.hlsforge.config.PublishSpec;
import io.hlsforge.config.S3Spec;
import io.hlsforge.layout.HostingKey;
import io.hlsforge.storage.ContentTypes;
import io.hlsforge.storage.HadoopStorage;

/** Picks the store for a hosting URI, and the cache policy of each kind of published object. */
public final class HostingStores {
  private HostingStores() {}

  /** {@code s3://} goes through the AWS SDK (object metadata); anything else through Hadoop FS. */
  public static HostingStore forUri(String hostingUri, S3Spec s3, HadoopStorage storage) {
    if (hostingUri.startsWith("s3://")) {
      return new S3HostingStore(hostingUri, s3, storage);
    }
    return new FileSystemHostingStore(storage, hostingUri);
  }

  /**
   * Segments and everything under a versioned encoding directory never change once written; the
   * stable keys (the stable master, the index) are rewritten, so they stay short.
   */
  public static String cacheControl(HostingKey key, PublishSpec publish) {
    return switch (key.lifetime()) {
      case STABLE -> publish.masterCacheControl();
      case IMMUTABLE_PLAYLIST -> publish.playlistCacheControl();
      case IMMUTABLE_MEDIA -> publish.segmentCacheControl();
    };
  }

  public static String contentType(HostingKey key) {
    return ContentTypes.of(key.path());
  }
}
