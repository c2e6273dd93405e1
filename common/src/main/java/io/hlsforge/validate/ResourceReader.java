package io.hlsforge.validate;

import java.io.IOException;

/** How the validator fetches playlists and segments: HTTP, a Hadoop file system, or memory. */
public interface ResourceReader {
  byte[] read(String uri) throws IOException;
}
