package io.hlsforge.hosting;

import io.hlsforge.config.PublishSpec;
import io.hlsforge.config.S3Spec;
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
   * stable {@code {asset}/master.m3u8} and {@code index.json} are rewritten, so they stay short.
   */
  public static String cacheControl(String key, PublishSpec publish) {
    boolean stable =
        key.equals("index.json")
            || key.chars().filter(c -> c == '/').count() == 1 && key.endsWith("/master.m3u8");
    if (stable) {
      return publish.masterCacheControl();
    }
    return key.endsWith(".m3u8") ? publish.playlistCacheControl() : publish.segmentCacheControl();
  }

  public static String contentType(String key) {
    return ContentTypes.of(key);
  }
}
