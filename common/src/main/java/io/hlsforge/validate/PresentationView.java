package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;
import io.hlsforge.media.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HLS presentation as fetched and inspected, for the rule groups to read: the master (absent
 * when the root is a single media playlist), every audio and video media playlist it references
 * (each once), the I-frame playlists and, when given, the source it was made from. Immutable.
 *
 * @param mediaPlaylists in the order the master references them: variants first, then EXT-X-MEDIA
 *     renditions; the one playlist when the root is a media playlist
 * @param subtitlePlaylists the EXT-X-MEDIA TYPE=SUBTITLES playlists, read as text (not inspected as
 *     media segments)
 */
record PresentationView(
    String rootUri,
    Optional<PlaylistParser.Master> master,
    List<MediaPlaylistView> mediaPlaylists,
    List<IFramePlaylistView> iframePlaylists,
    Optional<ProbeResult> source,
    List<SubtitlePlaylistView> subtitlePlaylists) {

  PresentationView {
    mediaPlaylists = List.copyOf(mediaPlaylists);
    iframePlaylists = List.copyOf(iframePlaylists);
    subtitlePlaylists = List.copyOf(subtitlePlaylists);
  }

  /** A presentation without subtitle playlists. */
  PresentationView(
      String rootUri,
      Optional<PlaylistParser.Master> master,
      List<MediaPlaylistView> mediaPlaylists,
      List<IFramePlaylistView> iframePlaylists,
      Optional<ProbeResult> source) {
    this(rootUri, master, mediaPlaylists, iframePlaylists, source, List.of());
  }

  /** The media playlist a master tag refers to, when it could be read. */
  Optional<MediaPlaylistView> playlist(String reference) {
    String uri = Uris.resolve(rootUri, reference);
    return mediaPlaylists.stream().filter(p -> p.uri().equals(uri)).findFirst();
  }

  /** The readable media playlists of the EXT-X-MEDIA TYPE=AUDIO renditions of {@code group}. */
  List<MediaPlaylistView> audioGroup(String group) {
    List<MediaPlaylistView> out = new ArrayList<>();
    if (group == null || master.isEmpty()) {
      return out;
    }
    for (PlaylistParser.Tagged media : master.get().media()) {
      if ("AUDIO".equals(media.get("TYPE"))
          && group.equals(media.get("GROUP-ID"))
          && media.uri() != null) {
        playlist(media.uri()).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * Whether each media playlist must say EXT-X-INDEPENDENT-SEGMENTS itself: yes unless the master
   * says it for all of them (B4).
   */
  boolean mediaPlaylistsNeedIndependentSegments() {
    return master.map(m -> !m.independentSegments()).orElse(true);
  }

  /**
   * An I-frame stream tag names everything RFC 8216 requires of it, so its playlist is read; the
   * validator does not follow one that does not (C13 reports it).
   */
  static boolean complete(PlaylistParser.Tagged iframeStream) {
    return iframeStream.uri() != null
        && iframeStream.get("CODECS") != null
        && iframeStream.get("RESOLUTION") != null
        && iframeStream.get("BANDWIDTH") != null;
  }
}
