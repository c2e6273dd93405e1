package io.hlsforge.hosting;

import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Hosting on any Hadoop file system (file://, hdfs://, s3a://); headers come from the web server. */
public final class FileSystemHostingStore implements HostingStore {
  private final HadoopStorage storage;
  private final String root;

  public FileSystemHostingStore(HadoopStorage storage, String root) {
    this.storage = storage;
    this.root = root;
  }

  @Override
  public void put(String key, byte[] body, String contentType, String cacheControl) throws IOException {
    storage.writeText(uri(key), new String(body, StandardCharsets.UTF_8));
  }

  @Override
  public void copyFrom(String sourceUri, String key, String contentType, String cacheControl) throws IOException {
    storage.copy(sourceUri, uri(key));
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    return storage.status(uri(key)).isPresent() ? Optional.of(storage.readText(uri(key)).getBytes(StandardCharsets.UTF_8)) : Optional.empty();
  }

  @Override
  public String uri(String key) {
    return Locations.join(root, key);
  }
}
