package io.hlsforge.validate;

import io.hlsforge.hls.MediaSegment;
import io.hlsforge.hls.PlaylistParser;
import io.hlsforge.inspect.Mp4Track;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.TrackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One audio or video media playlist as fetched and inspected: what it says, its init segment, the
 * segments that could be read and what they hold.
 *
 * @param uri the playlist's resolved address
 * @param init the EXT-X-MAP init segment's facts; empty without a map or when it was unreadable
 * @param segments the segments that could be read, in playlist order (none when the map was
 *     unreadable)
 * @param streams the kinds of stream the init segment declares or any segment carries
 * @param codecs the CODECS value of the playlist's streams (init segment, else first TS segment)
 * @param picture the video's size and rate: ffprobe's reading of the first video segment when the
 *     validator asks for that second opinion (or the bytes do not say), else the segments' own
 */
record MediaPlaylistView(
    String uri,
    PlaylistParser.Media playlist,
    Optional<Mp4Track> init,
    List<ReadSegment> segments,
    Set<TrackKind> streams,
    Optional<String> codecs,
    Optional<Picture> picture) {
  /** One AAC frame at 48 kHz: the frame of last resort when no segment says better. */
  static final double AAC_FRAME_48K = 1024.0 / 48000;

  MediaPlaylistView {
    segments = List.copyOf(segments);
    streams = Set.copyOf(streams);
  }

  boolean hasVideo() {
    return streams.contains(TrackKind.VIDEO);
  }

  boolean hasAudio() {
    return streams.contains(TrackKind.AUDIO);
  }

  /** The facts of every segment that could be inspected, in playlist order. */
  List<SegmentFacts> inspected() {
    return segments.stream().flatMap(s -> s.facts().stream()).toList();
  }

  /** Every segment the playlist lists was read. */
  boolean fullyRead() {
    return segments.size() == playlist.segments().size();
  }

  /** Every segment the playlist lists was read and inspected: the timing rules can apply. */
  boolean fullyInspected() {
    return inspected().size() == playlist.segments().size();
  }

  double totalDuration() {
    return playlist.segments().stream().mapToDouble(PlaylistParser.Segment::duration).sum();
  }

  /** One frame of this playlist's main stream: the video frame, else an AAC frame. */
  double frame() {
    for (SegmentFacts s : inspected()) {
      if (s.hasVideo() && s.video().frames() > 0) {
        return (s.video().end() - s.video().start()) / s.video().frames();
      }
      if (s.hasAudio() && s.audio().sampleRate() > 0) {
        return 1024.0 / s.audio().sampleRate();
      }
    }
    return AAC_FRAME_48K;
  }

  /** The segments that were read, with their EXTINF and real size, for bit rates. */
  List<MediaSegment> measured() {
    List<MediaSegment> out = new ArrayList<>();
    for (ReadSegment s : segments) {
      PlaylistParser.Segment entry = playlist.segments().get(s.index());
      out.add(new MediaSegment(entry.uri(), entry.duration(), s.size()));
    }
    return out;
  }

  int target() {
    return playlist.targetDuration() == null ? 0 : playlist.targetDuration();
  }
}
