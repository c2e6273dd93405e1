package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;
import java.util.List;

/**
 * One EXT-X-MEDIA TYPE=SUBTITLES media playlist as fetched: the playlist and the text of each of
 * its WebVTT segments, in order (a segment that could not be read is reported as B0 and left out).
 */
record SubtitlePlaylistView(String uri, PlaylistParser.Media playlist, List<String> segments) {
  SubtitlePlaylistView {
    segments = List.copyOf(segments);
  }
}
