package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;
import io.hlsforge.media.ProbeResult;
import java.util.List;
import java.util.Optional;

/**
 * Checks an HLS presentation (master or single media playlist, from hlsforge or any other tool)
 * against RFC 8216 and Apple's HLS Authoring Specification, as listed in {@link Rule}.
 *
 * <p>Two sides: {@link PresentationLoader} fetches every playlist and segment, inspects the
 * segments (through {@link SegmentInspections}: timestamps, IDRs, codecs, picture size; and, as
 * {@link PictureCheck} says, ffprobe on the first video segment of each playlist for picture size
 * and frame rate) and turns anything unreadable into a finding; then each {@link RuleGroup} in
 * {@link #GROUPS} reads the resulting immutable {@link PresentationView}. Playlists are parsed by
 * {@link PlaylistParser}.
 */
public final class HlsValidator {
  /** Every rule group, in the order their findings are reported. A new group goes here. */
  static final List<RuleGroup> GROUPS =
      List.of(
          new MediaGroupRules(),
          new StructureRules(),
          new TimingRules(),
          new CrossPlaylistRules(),
          new VariantRules(),
          new IFrameRules(),
          new SubtitleRules(),
          new SourceRules());

  /** Where the picture size and frame rate that RESOLUTION and FRAME-RATE must match come from. */
  public enum PictureCheck {
    /**
     * ffprobe reads each playlist's first video segment: an implementation independent of
     * hlsforge's parsers, one child process per playlist. What {@code hlsforge validate} does.
     */
    FFPROBE_CROSS_CHECK,
    /**
     * The segments' own parameter sets and timestamps, as inspected anyway; ffprobe only for a
     * playlist whose bytes do not say (e.g. HEVC in TS). What publishing does by default: the
     * packager already measured every segment, and a child per playlist is most of the cost of
     * validating a short title.
     */
    BITSTREAM
  }

  private final ResourceReader reader;
  private final PictureCheck pictureCheck;

  /** A validator that asks ffprobe for its second opinion on every video playlist. */
  public HlsValidator(ResourceReader reader) {
    this(reader, PictureCheck.FFPROBE_CROSS_CHECK);
  }

  public HlsValidator(ResourceReader reader, PictureCheck pictureCheck) {
    this.reader = reader;
    this.pictureCheck = pictureCheck;
  }

  public ValidationReport validate(String uri) {
    return validate(uri, Optional.empty());
  }

  /**
   * With {@code source}, the package is also checked against the probe of what it was made from.
   */
  public ValidationReport validate(String uri, Optional<ProbeResult> source) {
    Findings findings = new Findings();
    PresentationLoader loader = new PresentationLoader(reader, findings, pictureCheck);
    loader
        .load(uri, source)
        .ifPresent(view -> GROUPS.forEach(group -> group.check(view, findings)));
    return new ValidationReport(
        uri, findings.list(), loader.playlistsRead(), loader.segmentsRead());
  }
}
