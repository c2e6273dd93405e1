package io.hlsforge.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the segment list (file name + EXTINF) out of the playlist ffmpeg wrote in local scratch.
 * That playlist is only an inventory for measuring segments; published playlists are written from
 * the manifests by {@link MediaPlaylistWriter}.
 */
public final class LocalPlaylistReader {
  private LocalPlaylistReader() {}

  public record Entry(String uri, double durationSeconds) {}

  /** The EXT-X-MAP init segment URI of an fMP4 playlist, if any. */
  public static Optional<String> initSegment(String playlistText) {
    for (String raw : playlistText.split("\\R")) {
      String line = raw.strip();
      if (line.startsWith("#EXT-X-MAP:")) {
        return Optional.ofNullable(PlaylistParser.attributes(line.substring(11)).get("URI"));
      }
    }
    return Optional.empty();
  }

  public static List<Entry> read(String playlistText) {
    List<Entry> entries = new ArrayList<>();
    Double pending = null;
    for (String raw : playlistText.split("\\R")) {
      String line = raw.strip();
      if (line.startsWith("#EXTINF:")) {
        String value = line.substring("#EXTINF:".length());
        int comma = value.indexOf(',');
        pending = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        if (pending == null) {
          throw new IllegalArgumentException(
              "Cannot read playlist: URI '" + line + "' has no #EXTINF before it");
        }
        entries.add(new Entry(line, pending));
        pending = null;
      }
    }
    return entries;
  }
}
