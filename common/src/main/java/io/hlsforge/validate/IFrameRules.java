package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;

/**
 * Trick play (C13): a presentation with video lists I-frame playlists, each tag with URI,
 * BANDWIDTH, CODECS and RESOLUTION, and each playlist EXT-X-I-FRAMES-ONLY with byte ranges. Their
 * structure (target duration, version, VOD tags) is {@link StructureRules}' concern.
 */
final class IFrameRules implements RuleGroup {
  @Override
  public void check(PresentationView view, Findings out) {
    if (view.master().isEmpty()) {
      return;
    }
    PlaylistParser.Master m = view.master().get();
    boolean hasVideo = view.mediaPlaylists().stream().anyMatch(MediaPlaylistView::hasVideo);
    if (hasVideo && m.iframeStreams().isEmpty()) {
      out.add(
          Rule.C13,
          view.rootUri(),
          "no EXT-X-I-FRAME-STREAM-INF: trick play needs I-frame playlists");
    }
    for (PlaylistParser.Tagged i : m.iframeStreams()) {
      if (!PresentationView.complete(i)) {
        out.add(
            Rule.C13,
            view.rootUri(),
            "EXT-X-I-FRAME-STREAM-INF needs URI, BANDWIDTH, CODECS and RESOLUTION: "
                + i.attributes());
      }
    }
    for (IFramePlaylistView iframes : view.iframePlaylists()) {
      if (!iframes.playlist().iFramesOnly()) {
        out.add(Rule.C13, iframes.uri(), "the I-frame playlist has no EXT-X-I-FRAMES-ONLY");
      }
      for (PlaylistParser.Segment s : iframes.playlist().segments()) {
        if (s.length() < 0) {
          out.add(Rule.C13, iframes.uri(), "I-frame entry " + s.uri() + " has no EXT-X-BYTERANGE");
          break;
        }
      }
    }
  }
}
