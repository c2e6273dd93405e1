package io.hlsforge.validate;

import io.hlsforge.hls.Mp4Inspector;
import io.hlsforge.hls.TsInspector;
import java.util.List;
import java.util.Optional;

/**
 * The validator's only door to the bit parsers: it recognises a segment's container and turns what
 * {@link TsInspector} and {@link Mp4Inspector} read into the validator's own facts, so that the
 * rules never depend on the parsers' result types. Pure; a parser's exception passes through to the
 * caller, which reports it against the resource.
 */
final class SegmentInspections {
  private SegmentInspections() {}

  /** TS by its sync byte; fMP4 by its first box, only for playlists with an init segment. */
  static SegmentContainer container(byte[] bytes, Optional<InitSegment> init) {
    if (init.isPresent() && Mp4Inspector.looksLikeMp4(bytes)) {
      return SegmentContainer.FMP4;
    }
    if (bytes.length < TsInspector.PACKET || bytes[0] != 0x47) {
      return SegmentContainer.UNRECOGNISED;
    }
    return SegmentContainer.TRANSPORT_STREAM;
  }

  static InitSegment init(byte[] bytes) {
    Mp4Inspector.Init init = Mp4Inspector.init(bytes);
    return new InitSegment(
        init.video() ? StreamKind.VIDEO : StreamKind.AUDIO,
        init.timescale(),
        init.sampleRate(),
        init.codec());
  }

  static InspectedSegment transportStream(byte[] bytes) {
    TsInspector.Inspection ts = TsInspector.inspect(bytes);
    return new InspectedSegment(
        ts.videoStartPts(),
        ts.videoEndPts(),
        ts.audioStartPts(),
        ts.audioEndPts(),
        ts.startsWithIdr(),
        ts.audioSampleRate(),
        ts.videoFrames(),
        ts.keyframes().stream().map(TsInspector.Keyframe::pts).toList(),
        ts.codecs());
  }

  /** fMP4: the same facts as for TS, from tfdt/trun, so the timing rules apply unchanged. */
  static InspectedSegment fragment(byte[] bytes, InitSegment init) {
    Mp4Inspector.Fragment f = Mp4Inspector.fragment(bytes, init.timescale());
    double end = f.startSeconds() + f.durationSeconds();
    if (init.kind() == StreamKind.VIDEO) {
      return new InspectedSegment(
          f.startSeconds(),
          end,
          Double.NaN,
          Double.NaN,
          f.startsWithSync(),
          0,
          f.samples(),
          f.keyframes().stream().map(TsInspector.Keyframe::pts).toList(),
          init.codec());
    }
    return new InspectedSegment(
        Double.NaN,
        Double.NaN,
        f.startSeconds(),
        end,
        true,
        init.sampleRate(),
        0,
        List.of(),
        init.codec());
  }
}
