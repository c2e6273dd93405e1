package io.hlsforge.config;

import java.io.Serializable;

/**
 * Chunked encoding of long titles: titles of at least {@code minTitleSeconds} are split into chunks
 * of {@code segmentsPerChunk} segments, each encoded by its own task.
 */
public record ChunkingSpec(boolean enabled, double minTitleSeconds, int segmentsPerChunk)
    implements Serializable {
  public ChunkingSpec {
    if (segmentsPerChunk < 1) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.chunking.segments-per-chunk="
              + segmentsPerChunk
              + ": must be at least 1");
    }
  }
}
