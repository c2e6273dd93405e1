package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;
import java.util.Locale;

/**
 * What each media and I-frame playlist says about itself: target duration (A1, A2, A3), VOD tags
 * (B1), an empty playlist (B0), EXT-X-VERSION (B3), independent segments (B4), and EXT-X-MAP for
 * segments that are not MPEG-TS (B2).
 */
final class StructureRules implements RuleGroup {
  @Override
  public void check(PresentationView view, Findings out) {
    for (MediaPlaylistView media : view.mediaPlaylists()) {
      check(media.uri(), media.playlist(), view.mediaPlaylistsNeedIndependentSegments(), out);
      boolean allTransportStream =
          media.segments().stream()
              .allMatch(s -> s.container() == SegmentContainer.TRANSPORT_STREAM);
      if (media.playlist().mapUri() == null && !allTransportStream) {
        out.add(Rule.B2, media.uri(), "segments are not MPEG-TS and there is no EXT-X-MAP");
      }
    }
    for (IFramePlaylistView iframes : view.iframePlaylists()) {
      check(iframes.uri(), iframes.playlist(), false, out);
    }
  }

  private static void check(
      String uri, PlaylistParser.Media p, boolean requireIndependent, Findings out) {
    Integer target = p.targetDuration();
    if (target == null || target < 0) {
      out.add(Rule.A1, uri, "no valid EXT-X-TARGETDURATION");
      target = Integer.MAX_VALUE;
    }
    if (!"VOD".equals(p.playlistType())) {
      out.add(
          Rule.B1,
          uri,
          "EXT-X-PLAYLIST-TYPE is "
              + (p.playlistType() == null ? "missing" : p.playlistType())
              + ", not VOD");
    }
    if (!p.endList()) {
      out.add(Rule.B1, uri, "no EXT-X-ENDLIST");
    }
    if (p.segments().isEmpty()) {
      out.add(Rule.B0, uri, "the playlist has no segments");
    }
    int needed = 1;
    for (int i = 0; i < p.segments().size(); i++) {
      PlaylistParser.Segment s = p.segments().get(i);
      if (Math.round(s.duration()) > target) {
        out.add(
            Rule.A1,
            uri,
            String.format(
                Locale.ROOT,
                "segment %d lasts %.3f s, more than EXT-X-TARGETDURATION %d",
                i,
                s.duration(),
                target));
      }
      if (s.duration() > target + 0.5) {
        out.add(
            Rule.A2,
            uri,
            String.format(
                Locale.ROOT,
                "segment %d lasts %.3f s, over %d s + 0.5 s",
                i,
                s.duration(),
                target));
      }
      if (s.duration() != Math.rint(s.duration())) {
        needed = Math.max(needed, 3);
      }
      if (s.length() >= 0) {
        needed = Math.max(needed, 4);
      }
    }
    if (p.iFramesOnly()) {
      needed = Math.max(needed, 4);
    }
    if (p.mapUri() != null) {
      needed = Math.max(needed, p.iFramesOnly() ? 5 : 6);
    }
    if (p.version() < needed) {
      out.add(
          Rule.B3,
          uri,
          "EXT-X-VERSION is " + p.version() + " but the features used need " + needed);
    }
    if (requireIndependent && !p.independentSegments() && !p.iFramesOnly()) {
      out.add(Rule.B4, uri, "no EXT-X-INDEPENDENT-SEGMENTS here or in the master");
    }
    if (target != Integer.MAX_VALUE && target != 6 && !p.iFramesOnly()) {
      out.add(Rule.A3, uri, "EXT-X-TARGETDURATION is " + target + " s; Apple recommends 6");
    }
  }
}
