package io.hlsforge.hls;

import java.util.List;
import java.util.Locale;

/**
 * Writes a VOD media playlist (RFC 8216 §4.3.3): version 3 (decimal EXTINF; 4 with EXT-X-BYTERANGE,
 * 6 with EXT-X-MAP), target duration = the longest segment rounded to the nearest second, VOD type,
 * independent segments, endlist. Pure.
 */
public final class MediaPlaylistWriter {
  public static final int VERSION = 3;

  private MediaPlaylistWriter() {}

  public static String write(List<MediaSegment> segments) {
    return write(segments, null);
  }

  /** With {@code initUri} (fMP4) the playlist carries EXT-X-MAP and needs version 6. */
  public static String write(List<MediaSegment> segments, String initUri) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("Cannot write a media playlist without segments");
    }
    StringBuilder m = new StringBuilder(64 + segments.size() * 40);
    m.append("#EXTM3U\n");
    boolean ranges = segments.stream().anyMatch(MediaSegment::byteRange);
    m.append("#EXT-X-VERSION:").append(initUri != null ? 6 : ranges ? 4 : VERSION).append('\n');
    m.append("#EXT-X-TARGETDURATION:").append(targetDuration(segments)).append('\n');
    m.append("#EXT-X-MEDIA-SEQUENCE:0\n");
    m.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
    m.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
    if (initUri != null) {
      m.append("#EXT-X-MAP:URI=\"").append(initUri).append("\"\n");
    }
    for (MediaSegment s : segments) {
      m.append("#EXTINF:")
          .append(String.format(Locale.ROOT, "%.6f", s.durationSeconds()))
          .append(",\n");
      if (s.byteRange()) {
        m.append("#EXT-X-BYTERANGE:").append(s.bytes()).append('@').append(s.offset()).append('\n');
      }
      m.append(s.uri()).append('\n');
    }
    m.append("#EXT-X-ENDLIST\n");
    return m.toString();
  }

  /**
   * RFC 8216 §4.3.3.1: every EXTINF rounded to the nearest integer must be ≤ the target duration.
   */
  public static int targetDuration(List<MediaSegment> segments) {
    long max = 0;
    for (MediaSegment s : segments) {
      max = Math.max(max, Math.round(s.durationSeconds()));
    }
    return (int) Math.max(1, max);
  }
}
