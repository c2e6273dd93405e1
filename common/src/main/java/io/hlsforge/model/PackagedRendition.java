package io.hlsforge.model;

import io.hlsforge.config.SegmentFormat;
import io.hlsforge.hls.BandwidthCalculator;
import io.hlsforge.hls.MediaPlaylistWriter;
import io.hlsforge.hls.MediaSegment;
import java.io.Serializable;
import java.util.List;

/**
 * One rendition as packaged: what it was meant to be (name, kind, size, targets), what its bytes
 * turned out to be (CODECS, init segment), and its segments in order. Everything measured over the
 * segments (count, duration, bytes, RFC 8216 bandwidths) is computed here, never stored twice. A
 * chunk's share of a rendition carries the title-wide indices of its segments.
 *
 * @param mediaUri the packager's directory of this rendition (see OutputLayout)
 * @param media an audio rendition's EXT-X-MEDIA attributes (LANGUAGE, NAME, DEFAULT/AUTOSELECT,
 *     CHARACTERISTICS); null for video
 * @param sourceTracks the source audio streams an audio rendition was made from; empty for video
 * @param initFileName fMP4 init segment in {@code mediaUri}; null for MPEG-TS
 * @param packageMs wall time of the task(s) that encoded it
 * @param loudness an audio rendition's loudness before and after; null for the other kinds
 */
public record PackagedRendition(
    String name,
    RenditionKind kind,
    int width,
    int height,
    double frameRate,
    int videoKbpsTarget,
    int audioKbpsTarget,
    int audioChannels,
    MediaAttributes media,
    List<Integer> sourceTracks,
    String codecs,
    SegmentFormat segmentFormat,
    String mediaUri,
    String initFileName,
    List<Segment> segments,
    long packageMs,
    VideoRange videoRange,
    AudioLoudness loudness)
    implements Serializable {

  public PackagedRendition {
    segments = List.copyOf(segments);
    sourceTracks = sourceTracks == null ? List.of() : List.copyOf(sourceTracks);
    videoRange = kind == RenditionKind.VIDEO && videoRange == null ? VideoRange.SDR : videoRange;
  }

  /** A rendition without measured loudness. */
  public PackagedRendition(
      String name,
      RenditionKind kind,
      int width,
      int height,
      double frameRate,
      int videoKbpsTarget,
      int audioKbpsTarget,
      int audioChannels,
      MediaAttributes media,
      List<Integer> sourceTracks,
      String codecs,
      SegmentFormat segmentFormat,
      String mediaUri,
      String initFileName,
      List<Segment> segments,
      long packageMs,
      VideoRange videoRange) {
    this(
        name,
        kind,
        width,
        height,
        frameRate,
        videoKbpsTarget,
        audioKbpsTarget,
        audioChannels,
        media,
        sourceTracks,
        codecs,
        segmentFormat,
        mediaUri,
        initFileName,
        segments,
        packageMs,
        videoRange,
        null);
  }

  /** A rendition whose range follows from its kind: SDR for video, none for the others. */
  public PackagedRendition(
      String name,
      RenditionKind kind,
      int width,
      int height,
      double frameRate,
      int videoKbpsTarget,
      int audioKbpsTarget,
      int audioChannels,
      MediaAttributes media,
      List<Integer> sourceTracks,
      String codecs,
      SegmentFormat segmentFormat,
      String mediaUri,
      String initFileName,
      List<Segment> segments,
      long packageMs) {
    this(
        name,
        kind,
        width,
        height,
        frameRate,
        videoKbpsTarget,
        audioKbpsTarget,
        audioChannels,
        media,
        sourceTracks,
        codecs,
        segmentFormat,
        mediaUri,
        initFileName,
        segments,
        packageMs,
        (VideoRange) null);
  }

  /** The rendition's BCP 47 LANGUAGE; null for video. */
  public String language() {
    return media == null ? null : media.language();
  }

  public boolean isVideo() {
    return kind == RenditionKind.VIDEO;
  }

  public boolean isSubtitles() {
    return kind == RenditionKind.SUBTITLES;
  }

  public boolean isAudio() {
    return kind == RenditionKind.AUDIO;
  }

  /** The segments as the media playlist lists them. */
  public List<MediaSegment> playlistEntries() {
    return segments.stream().map(Segment::asPlaylistEntry).toList();
  }

  public int segmentCount() {
    return segments.size();
  }

  public double durationS() {
    return segments.stream().mapToDouble(Segment::durationS).sum();
  }

  public long totalBytes() {
    return segments.stream().mapToLong(Segment::bytes).sum();
  }

  /** EXT-X-TARGETDURATION of its media playlist. */
  public int targetDuration() {
    return MediaPlaylistWriter.targetDuration(playlistEntries());
  }

  /** RFC 8216 peak segment bit rate. */
  public long peakBandwidth() {
    return BandwidthCalculator.peakBitsPerSecond(playlistEntries(), targetDuration());
  }

  /** Picture quality over all its frames (frame-weighted over segments); null if not measured. */
  public PictureQuality quality() {
    return PictureQuality.combine(segments.stream().map(Segment::quality).toList());
  }

  /** The lowest segment PSNR (luma); null when PSNR was not measured. */
  public Double worstSegmentPsnrYDb() {
    return segments.stream()
        .map(Segment::quality)
        .filter(q -> q != null && q.psnrYDb() != null)
        .map(PictureQuality::psnrYDb)
        .min(Double::compare)
        .orElse(null);
  }

  public long averageBandwidth() {
    return BandwidthCalculator.averageBitsPerSecond(playlistEntries());
  }
}
