package io.hlsforge.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long title into segment-aligned chunks that separate tasks encode (video only; the audio
 * is one more unit over the whole title, so AAC priming never lands at a chunk join). Every chunk
 * starts on a segment boundary, so each chunk produces whole segments and nothing is stitched at
 * the bitstream level. Pure.
 */
public final class ChunkPlanner {
  private ChunkPlanner() {}

  /**
   * One chunk: segments from {@code firstSegment}, source time {@code [startSeconds, startSeconds +
   * durationSeconds)}; the last chunk has {@code durationSeconds} = +infinity (to the end).
   */
  public record Chunk(int index, int firstSegment, double startSeconds, double durationSeconds)
      implements Serializable {
    public boolean last() {
      return Double.isInfinite(durationSeconds);
    }

    /**
     * Seconds of source encoded for a title of {@code titleSeconds}: this chunk's, or the whole
     * title's when {@code chunk} is null.
     */
    public static double seconds(double titleSeconds, Chunk chunk) {
      if (chunk == null) {
        return titleSeconds;
      }
      return chunk.last()
          ? Math.max(0, titleSeconds - chunk.startSeconds())
          : chunk.durationSeconds();
    }
  }

  /**
   * The chunks of a title, or an empty list when it should be encoded whole: shorter than {@code
   * minTitleSeconds}, or fewer than two chunks' worth of segments.
   */
  public static List<Chunk> plan(
      double titleSeconds, double segmentSeconds, int segmentsPerChunk, double minTitleSeconds) {
    if (segmentsPerChunk < 1 || segmentSeconds <= 0) {
      throw new IllegalArgumentException(
          "Cannot chunk with "
              + segmentsPerChunk
              + " segments of "
              + segmentSeconds
              + " s per chunk");
    }
    double chunkSeconds = segmentsPerChunk * segmentSeconds;
    if (titleSeconds < minTitleSeconds || titleSeconds < 2 * chunkSeconds) {
      return List.of();
    }
    // A tail shorter than half a chunk joins the previous chunk instead of becoming a tiny task.
    int count = (int) Math.floor(titleSeconds / chunkSeconds);
    if (titleSeconds - count * chunkSeconds >= chunkSeconds / 2) {
      count++;
    }
    List<Chunk> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean last = i == count - 1;
      chunks.add(
          new Chunk(
              i,
              i * segmentsPerChunk,
              i * chunkSeconds,
              last ? Double.POSITIVE_INFINITY : chunkSeconds));
    }
    return chunks;
  }
}
