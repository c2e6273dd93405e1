package io.hlsforge.validate;

import java.io.IOException;
import java.util.Arrays;

/** How the validator fetches playlists and segments: HTTP, a Hadoop file system, or memory. */
public interface ResourceReader {
  byte[] read(String uri) throws IOException;

  /**
   * The {@code length} bytes at {@code offset} (an EXT-X-BYTERANGE). Readers of large objects
   * override this so a single-file rendition is never loaded whole.
   */
  default byte[] read(String uri, long offset, long length) throws IOException {
    return slice(read(uri), uri, offset, length);
  }

  static byte[] slice(byte[] object, String uri, long offset, long length) throws IOException {
    if (offset < 0 || length < 0 || offset + length > object.length) {
      throw new IOException(
          "byte range "
              + length
              + "@"
              + offset
              + " is outside the "
              + object.length
              + "-byte object "
              + uri);
    }
    return Arrays.copyOfRange(object, (int) offset, (int) (offset + length));
  }
}
