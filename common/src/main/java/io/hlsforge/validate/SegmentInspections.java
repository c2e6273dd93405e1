package io.hlsforge.validate;

import io.hlsforge.inspect.Mp4FragmentReader;
import io.hlsforge.inspect.Mp4Track;
import io.hlsforge.inspect.Mp4TrackReader;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.TsSegmentReader;
import java.util.Optional;

/**
 * The validator's only door to the bit parsers: it recognises a segment's container and asks the
 * matching reader in {@code io.hlsforge.inspect} for the segment's {@link SegmentFacts}, which the
 * rules read whatever the container. Pure; a reader's exception passes through to the caller, which
 * reports it against the resource.
 */
final class SegmentInspections {
  private SegmentInspections() {}

  /** TS by its sync byte; fMP4 by its first box, only for playlists with an init segment. */
  static SegmentContainer container(byte[] bytes, Optional<Mp4Track> init) {
    if (init.isPresent() && Mp4TrackReader.looksLikeMp4(bytes)) {
      return SegmentContainer.FMP4;
    }
    return TsSegmentReader.looksLikeTs(bytes)
        ? SegmentContainer.TRANSPORT_STREAM
        : SegmentContainer.UNRECOGNISED;
  }

  /** The one track an EXT-X-MAP init segment declares. */
  static Mp4Track init(byte[] bytes) {
    return Mp4TrackReader.read(bytes);
  }

  static SegmentFacts transportStream(byte[] bytes) {
    return TsSegmentReader.facts(bytes);
  }

  /**
   * fMP4: the same facts as for TS, from tfdt/trun, so the timing rules apply unchanged. A track
   * that is not video is read as audio, as its fragments carry no keyframes to check.
   */
  static SegmentFacts fragment(byte[] bytes, Mp4Track init) {
    return Mp4FragmentReader.facts(bytes, init);
  }
}
