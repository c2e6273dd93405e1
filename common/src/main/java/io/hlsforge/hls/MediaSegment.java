package io.hlsforge.hls;

/**
 * A segment as a playlist sees it: its URI (relative to the playlist), duration and size, and —
 * when it is a byte range of a larger object — its offset ({@link #WHOLE_OBJECT} otherwise).
 */
public record MediaSegment(String uri, double durationSeconds, long bytes, long offset) {
  public static final long WHOLE_OBJECT = -1;

  public MediaSegment(String uri, double durationSeconds, long bytes) {
    this(uri, durationSeconds, bytes, WHOLE_OBJECT);
  }

  public boolean byteRange() {
    return offset != WHOLE_OBJECT;
  }
}
