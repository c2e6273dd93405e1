package io.hlsforge.plan;

import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.RenditionKind;
import io.hlsforge.model.Selection;
import io.hlsforge.model.VideoCodec;
import io.hlsforge.model.VideoRange;
import java.io.Serializable;
import java.util.List;

/**
 * One rendition to produce for one asset: a video-only rendition (picture size, video bit rate) or
 * an audio rendition (channel count, audio bit rate). Audio is never muxed into video renditions;
 * players pick it from the master's EXT-X-MEDIA audio group.
 *
 * @param sourceTracks an audio rendition's source audio streams ({@code 0:a:<n>}): one, or two mono
 *     tracks joined as a stereo pair; empty for video
 * @param media an audio or subtitle rendition's EXT-X-MEDIA attributes; null for video
 * @param sidecarUri a subtitle rendition made from a sidecar file: its location; null otherwise (an
 *     embedded subtitle stream is {@code sourceTracks} = its {@code 0:s:<n>} index)
 * @param videoRange a video rendition's dynamic range (SDR unless it is an HDR rendition of an HDR
 *     source); null for audio and subtitles
 */
public record PlannedRendition(
    String name,
    RenditionKind kind,
    VideoCodec videoCodec,
    int width,
    int height,
    int videoKbps,
    int audioKbps,
    int audioChannels,
    double frameRate,
    Coding coding,
    List<Integer> sourceTracks,
    MediaAttributes media,
    String sidecarUri,
    VideoRange videoRange)
    implements Serializable {

  /** What the first releases planned for the one audio track they used. */
  static final MediaAttributes UNNAMED_AUDIO =
      new MediaAttributes("und", "Audio", Selection.DEFAULT, false, null);

  public PlannedRendition {
    sourceTracks = sourceTracks == null ? List.of() : List.copyOf(sourceTracks);
    videoRange = kind == RenditionKind.VIDEO && videoRange == null ? VideoRange.SDR : videoRange;
  }

  /** An HDR rendition: HEVC Main10 that keeps the source's PQ or HLG picture. */
  public boolean isHdr() {
    return videoRange != null && videoRange.isHdr();
  }

  /** HEVC Main10 keeping an HDR source's {@code range} (PQ or HLG), for HDR screens. */
  public static PlannedRendition hdr(
      String name, int width, int height, int videoKbps, double frameRate, VideoRange range) {
    return new PlannedRendition(
        name,
        RenditionKind.VIDEO,
        VideoCodec.HEVC,
        width,
        height,
        videoKbps,
        0,
        0,
        frameRate,
        Coding.ENCODE,
        List.of(),
        null,
        null,
        range);
  }

  public boolean isHevc() {
    return videoCodec == VideoCodec.HEVC;
  }

  public boolean isCopy() {
    return coding == Coding.COPY;
  }

  public static PlannedRendition video(
      String name, int width, int height, int videoKbps, double frameRate) {
    return new PlannedRendition(
        name,
        RenditionKind.VIDEO,
        VideoCodec.H264,
        width,
        height,
        videoKbps,
        0,
        0,
        frameRate,
        Coding.ENCODE,
        List.of(),
        null,
        null,
        null);
  }

  /** The source's own video stream, remuxed without re-encoding (copy mode). */
  public static PlannedRendition copiedVideo(String name, int width, int height, double frameRate) {
    return new PlannedRendition(
        name,
        RenditionKind.VIDEO,
        VideoCodec.H264,
        width,
        height,
        0,
        0,
        0,
        frameRate,
        Coding.COPY,
        List.of(),
        null,
        null,
        null);
  }

  /** The source's own audio stream, remuxed without re-encoding (copy mode). */
  public static PlannedRendition copiedAudio(String name, int channels) {
    return copiedAudio(name, channels, 0, UNNAMED_AUDIO);
  }

  /** Source audio stream {@code track}, remuxed without re-encoding (copy mode). */
  public static PlannedRendition copiedAudio(
      String name, int channels, int track, MediaAttributes media) {
    return new PlannedRendition(
        name,
        RenditionKind.AUDIO,
        null,
        0,
        0,
        0,
        0,
        channels,
        0,
        Coding.COPY,
        List.of(track),
        media,
        null,
        null);
  }

  public static PlannedRendition hevc(
      String name, int width, int height, int videoKbps, double frameRate) {
    return new PlannedRendition(
        name,
        RenditionKind.VIDEO,
        VideoCodec.HEVC,
        width,
        height,
        videoKbps,
        0,
        0,
        frameRate,
        Coding.ENCODE,
        List.of(),
        null,
        null,
        null);
  }

  public static PlannedRendition audio(String name, int audioKbps, int channels) {
    return audio(name, audioKbps, channels, List.of(0), UNNAMED_AUDIO);
  }

  /** AAC from source audio stream(s) {@code tracks} (two mono tracks make a stereo pair). */
  public static PlannedRendition audio(
      String name, int audioKbps, int channels, List<Integer> tracks, MediaAttributes media) {
    return new PlannedRendition(
        name,
        RenditionKind.AUDIO,
        null,
        0,
        0,
        0,
        audioKbps,
        channels,
        0,
        Coding.ENCODE,
        tracks,
        media,
        null,
        null);
  }

  /**
   * Segmented WebVTT from embedded subtitle stream {@code 0:s:<track>} (when {@code sidecarUri} is
   * null) or from the sidecar file at {@code sidecarUri}.
   */
  public static PlannedRendition subtitles(
      String name, Integer track, String sidecarUri, MediaAttributes media) {
    return new PlannedRendition(
        name,
        RenditionKind.SUBTITLES,
        null,
        0,
        0,
        0,
        0,
        0,
        0,
        Coding.ENCODE,
        track == null ? List.of() : List.of(track),
        media,
        sidecarUri,
        null);
  }

  /** Whether this rendition is made from a pair of mono source tracks. */
  public boolean joinsMonoPair() {
    return sourceTracks.size() == 2;
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
}
