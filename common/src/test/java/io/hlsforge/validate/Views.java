package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;
import io.hlsforge.inspect.Keyframe;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.TrackKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small presentations built by hand, for testing one rule group at a time. */
final class Views {
  static final String ROOT = "http://cdn.test/title/master.m3u8";

  private Views() {}

  static PlaylistParser.Media media(String... lines) {
    return PlaylistParser.parseMedia(String.join("\n", lines) + "\n");
  }

  static PlaylistParser.Master master(String... lines) {
    return PlaylistParser.parseMaster(String.join("\n", lines) + "\n");
  }

  /** A VOD media playlist with one EXTINF per duration, target {@code target}. */
  static PlaylistParser.Media vod(int target, double... durations) {
    List<String> lines = new ArrayList<>();
    lines.add("#EXTM3U");
    lines.add("#EXT-X-VERSION:3");
    lines.add("#EXT-X-TARGETDURATION:" + target);
    lines.add("#EXT-X-PLAYLIST-TYPE:VOD");
    lines.add("#EXT-X-INDEPENDENT-SEGMENTS");
    for (int i = 0; i < durations.length; i++) {
      lines.add("#EXTINF:" + durations[i] + ",");
      lines.add("s" + i + ".ts");
    }
    lines.add("#EXT-X-ENDLIST");
    return media(lines.toArray(String[]::new));
  }

  /** A video segment of {@code frames} frames from {@code start} to {@code end}, IDRs as given. */
  static SegmentFacts video(double start, double end, int frames, double... keyframes) {
    List<Keyframe> k = new ArrayList<>();
    for (double t : keyframes) {
      // The rules read only a keyframe's time; its byte range matters to I-frame playlists.
      k.add(new Keyframe(0, 0, t));
    }
    boolean idrFirst = keyframes.length > 0 && keyframes[0] == start;
    return new SegmentFacts(
        new SegmentFacts.VideoFacts(start, end, frames, idrFirst, "avc1.42c01e", null), null, k);
  }

  static SegmentFacts audio(double start, double end, int sampleRate, String codecs) {
    return new SegmentFacts(
        null, new SegmentFacts.AudioFacts(start, end, sampleRate, codecs), List.of());
  }

  /** A TS media playlist whose every segment was read ({@code size} bytes each) and inspected. */
  static MediaPlaylistView playlist(
      String uri, PlaylistParser.Media p, long size, SegmentFacts... facts) {
    return playlist(uri, p, SegmentContainer.TRANSPORT_STREAM, size, facts);
  }

  static MediaPlaylistView playlist(
      String uri,
      PlaylistParser.Media p,
      SegmentContainer container,
      long size,
      SegmentFacts... facts) {
    List<ReadSegment> read = new ArrayList<>();
    Set<TrackKind> streams = EnumSet.noneOf(TrackKind.class);
    String codecs = null;
    for (int i = 0; i < facts.length; i++) {
      read.add(
          new ReadSegment(
              i,
              Uris.resolve(uri, p.segments().get(i).uri()),
              size,
              container,
              Optional.of(facts[i])));
      if (facts[i].hasVideo()) {
        streams.add(TrackKind.VIDEO);
      }
      if (facts[i].hasAudio()) {
        streams.add(TrackKind.AUDIO);
      }
      codecs = codecs == null ? facts[i].codecs() : codecs;
    }
    return new MediaPlaylistView(
        uri, p, Optional.empty(), read, streams, Optional.ofNullable(codecs), Optional.empty());
  }

  static MediaPlaylistView withPicture(MediaPlaylistView v, int width, int height, double fps) {
    return new MediaPlaylistView(
        v.uri(),
        v.playlist(),
        v.init(),
        v.segments(),
        v.streams(),
        v.codecs(),
        Optional.of(new Picture(width, height, fps, Picture.Reader.FFPROBE)));
  }

  static PresentationView single(MediaPlaylistView media) {
    return new PresentationView(
        media.uri(), Optional.empty(), List.of(media), List.of(), Optional.empty());
  }

  static PresentationView presentation(
      PlaylistParser.Master master,
      List<MediaPlaylistView> media,
      List<IFramePlaylistView> iframes) {
    return new PresentationView(ROOT, Optional.of(master), media, iframes, Optional.empty());
  }

  static List<Finding> check(RuleGroup group, PresentationView view) {
    Findings out = new Findings();
    group.check(view, out);
    return out.list();
  }
}
