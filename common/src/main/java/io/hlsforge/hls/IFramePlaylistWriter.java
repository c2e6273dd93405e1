package io.hlsforge.hls;

import java.util.List;
import java.util.Locale;

/**
 * Writes an I-frame-only playlist (RFC 8216 §4.3.3.6): each entry is the byte range of one IDR
 * access unit inside a media segment, lasting until the next I-frame. Version 4 (byte ranges).
 * Pure.
 */
public final class IFramePlaylistWriter {
  public static final int VERSION = 4;

  private IFramePlaylistWriter() {}

  /** One I-frame: which segment, where in it, and how long until the next I-frame. */
  public record IFrame(String uri, long offset, long length, double durationSeconds) {}

  public static String write(List<IFrame> frames) {
    return write(frames, null);
  }

  /** With {@code initUri} (fMP4) the playlist carries EXT-X-MAP and needs version 5. */
  public static String write(List<IFrame> frames, String initUri) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("Cannot write an I-frame playlist without I-frames");
    }
    long target = 1;
    for (IFrame f : frames) {
      target = Math.max(target, Math.round(f.durationSeconds()));
    }
    StringBuilder m = new StringBuilder();
    m.append("#EXTM3U\n#EXT-X-VERSION:").append(initUri == null ? VERSION : 5).append('\n');
    m.append("#EXT-X-TARGETDURATION:").append(target).append('\n');
    m.append(
        "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-I-FRAMES-ONLY\n");
    if (initUri != null) {
      m.append("#EXT-X-MAP:URI=\"").append(initUri).append("\"\n");
    }
    for (IFrame f : frames) {
      m.append("#EXTINF:")
          .append(String.format(Locale.ROOT, "%.6f", f.durationSeconds()))
          .append(",\n");
      m.append("#EXT-X-BYTERANGE:").append(f.length()).append('@').append(f.offset()).append('\n');
      m.append(f.uri()).append('\n');
    }
    m.append("#EXT-X-ENDLIST\n");
    return m.toString();
  }
}
