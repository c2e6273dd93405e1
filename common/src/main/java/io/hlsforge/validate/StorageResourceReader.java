package io.hlsforge.validate;

import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads http(s) URLs with the JDK client and everything else through the Hadoop FileSystem API. */
public final class StorageResourceReader implements ResourceReader {
  private final HadoopStorage storage;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(20))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public StorageResourceReader(HadoopStorage storage) {
    this.storage = storage;
  }

  @Override
  public byte[] read(String uri) throws IOException {
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      try {
        HttpResponse<byte[]> r =
            http.send(
                HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
          throw new IOException("HTTP " + r.statusCode() + " for " + uri);
        }
        return r.body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + uri, e);
      }
    }
    try (InputStream in = storage.fileSystem(uri).open(Locations.hadoopPath(uri))) {
      return in.readAllBytes();
    }
  }

  @Override
  public byte[] read(String uri, long offset, long length) throws IOException {
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      return httpRange(uri, offset, length);
    }
    return storage.readRange(uri, offset, length);
  }

  /** A Range request, as a player makes it; a server that ignores Range still answers correctly. */
  private byte[] httpRange(String uri, long offset, long length) throws IOException {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(uri))
              .timeout(Duration.ofMinutes(2))
              .header("Range", "bytes=" + offset + "-" + (offset + length - 1))
              .build();
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() == 206) {
        if (r.body().length != length) {
          throw new IOException(
              "HTTP 206 for "
                  + uri
                  + " returned "
                  + r.body().length
                  + " bytes, asked for "
                  + length);
        }
        return r.body();
      }
      if (r.statusCode() == 200) {
        return ResourceReader.slice(r.body(), uri, offset, length);
      }
      throw new IOException(
          "HTTP "
              + r.statusCode()
              + " for bytes "
              + offset
              + ".."
              + (offset + length - 1)
              + " of "
              + uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + uri, e);
    }
  }
}
