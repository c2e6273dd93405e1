package io.hlsforge.plan;

import io.hlsforge.model.RenditionKind;
import java.io.Serializable;

/**
 * One rendition to produce for one asset: a video-only rendition (picture size, video bit rate) or
 * an audio rendition (channel count, audio bit rate). Audio is never muxed into video renditions;
 * players pick it from the master's EXT-X-MEDIA audio group.
 */
public record PlannedRendition(
    String name,
    RenditionKind kind,
    String videoCodec,
    int width,
    int height,
    int videoKbps,
    int audioKbps,
    int audioChannels,
    double frameRate,
    boolean copy)
    implements Serializable {

  public static final String H264 = "h264";
  public static final String HEVC = "hevc";

  public boolean isHevc() {
    return HEVC.equals(videoCodec);
  }

  public static PlannedRendition video(
      String name, int width, int height, int videoKbps, double frameRate) {
    return new PlannedRendition(
        name, RenditionKind.VIDEO, H264, width, height, videoKbps, 0, 0, frameRate, false);
  }

  /** The source's own video stream, remuxed without re-encoding (copy mode). */
  public static PlannedRendition copiedVideo(String name, int width, int height, double frameRate) {
    return new PlannedRendition(
        name, RenditionKind.VIDEO, H264, width, height, 0, 0, 0, frameRate, true);
  }

  /** The source's own audio stream, remuxed without re-encoding (copy mode). */
  public static PlannedRendition copiedAudio(String name, int channels) {
    return new PlannedRendition(name, RenditionKind.AUDIO, null, 0, 0, 0, 0, channels, 0, true);
  }

  public static PlannedRendition hevc(
      String name, int width, int height, int videoKbps, double frameRate) {
    return new PlannedRendition(
        name, RenditionKind.VIDEO, HEVC, width, height, videoKbps, 0, 0, frameRate, false);
  }

  public static PlannedRendition audio(String name, int audioKbps, int channels) {
    return new PlannedRendition(
        name, RenditionKind.AUDIO, null, 0, 0, 0, audioKbps, channels, 0, false);
  }

  public boolean isAudio() {
    return kind == RenditionKind.AUDIO;
  }
}
