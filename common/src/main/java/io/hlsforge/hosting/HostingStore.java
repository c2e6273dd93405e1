package io.hlsforge.hosting;

import java.io.IOException;
import java.util.Optional;

/**
 * Where published objects go: a hosting bucket in front of a CDN. Keys are relative to the hosting
 * root ({@code {asset}/master.m3u8}). Stores that carry HTTP metadata (S3) set Content-Type and
 * Cache-Control on every object; file systems cannot, so their web server must
 * (conf/nginx-origin.conf).
 */
public interface HostingStore extends AutoCloseable {
  /** Writes bytes under {@code key}, replacing what was there. */
  void put(String key, byte[] body, String contentType, String cacheControl) throws IOException;

  /** Copies an object from the packager's storage (any Hadoop FS URI) to {@code key}. */
  void copyFrom(String sourceUri, String key, String contentType, String cacheControl)
      throws IOException;

  Optional<byte[]> get(String key) throws IOException;

  /**
   * Requests this store sent again after a transient failure (throttling, 5xx, a dropped
   * connection) and that then succeeded or failed for good. File-system stores retry inside the
   * file system (s3a counts those in its own statistics) and report 0.
   */
  default long retriedRequests() {
    return 0;
  }

  /** The URI of a key, for messages and reports. */
  String uri(String key);

  @Override
  default void close() {}
}
