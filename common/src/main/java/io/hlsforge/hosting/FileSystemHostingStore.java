package io.hlsforge.hosting;

import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import java.io.IOException;
import java.util.Optional;

/**
 * Hosting on any Hadoop file system (file://, hdfs://, s3a://); headers come from the web server.
 */
public final class FileSystemHostingStore implements HostingStore {
  private final HadoopStorage storage;
  private final String root;

  public FileSystemHostingStore(HadoopStorage storage, String root) {
    this.storage = storage;
    this.root = root;
  }

  @Override
  public void put(String key, byte[] body, String contentType, String cacheControl)
      throws IOException {
    storage.write(body, uri(key));
  }

  @Override
  public void copyFrom(String sourceUri, String key, String contentType, String cacheControl)
      throws IOException {
    storage.copy(sourceUri, uri(key));
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    return storage.readIfExists(uri(key));
  }

  @Override
  public String uri(String key) {
    return Locations.join(root, key);
  }
}
